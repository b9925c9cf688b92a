/**
 * Real shapes of logging from the corpus (bench/corpus/labels.tsv, labels-b.tsv), written anew: a page printing the
 * signed-in user's own profile or form to the browser's console keeps it on that user's device (labelled "no"),
 * while a server printing the same profile writes it to a log that others read (labelled "yes").
 */
import rule from '../../../src/rules/no-plaintext-user-data.js';
import { runRuleTests } from '../../rule-tester.js';

runRuleTests('no-plaintext-user-data: corpus shapes', rule, {
  valid: [
    // A React page showing the visitor's own openid in the devtools while it fills a form.
    {
      filename: 'src/pages/Signup.tsx',
      code: `import { useEffect } from 'react';
export function Signup({ profile }) {
  useEffect(() => {
    console.log('signed in as', profile.openid, profile.nickname);
  }, [profile]);
  return null;
}`,
    },
    // A plain page script (browser-only globals) printing what the visitor typed before sending it.
    `document.querySelector('#send').addEventListener('click', () => {
  const lead = { name: document.querySelector('#name').value, mobile: document.querySelector('#mobile').value, openid: window.visitorOpenid };
  console.log('lead', lead.openid, lead.mobile);
});`,
  ],
  invalid: [
    {
      // The same profile printed by an Express server: a log line kept on the server.
      code: `import express from 'express';
const app = express();
app.get('/me', (req, res) => {
  const profile = req.session.profile;
  console.log('signed in as', profile.openid);
  res.end();
});`,
      errors: [{ messageId: 'log', line: 5, column: 3, endLine: 5, endColumn: 46 }],
    },
  ],
});
