/**
 * Real shapes from the corpus (bench/corpus/labels-b.tsv), written anew: an inline SVG icon in an HTML string that
 * also shows the signed-in user's name. Its `xmlns` is a namespace name, never requested, so `https://` would
 * only break the icon; a real `http://` link in the same string that carries the openid stays reported.
 */
import rule from '../../../src/rules/require-https.js';
import { runRuleTests } from '../../rule-tester.js';

runRuleTests('require-https: corpus shapes', rule, {
  valid: [
    `export function card(user) {
  return \`<button title="remove"><svg xmlns="http://www.w3.org/2000/svg" width="14" height="14"><path d="M3 6h18"/></svg></button>
    <span>\${user.nickname}</span>\`;
}`,
    "export const icon = (doc, profile) => { const el = doc.createElementNS('http://www.w3.org/2000/svg', 'svg'); el.dataset.who = profile.openid; return el; };",
  ],
  invalid: [
    {
      code: `export function card(user) {
  return \`<svg xmlns="http://www.w3.org/2000/svg"></svg><a href="http://shop.example.com/me?openid=\${user.openid}">me</a>\`;
}`,
      errors: [
        {
          messageId: 'userDataHttp',
          data: { field: 'openid' },
          line: 2,
          column: 10,
          endLine: 2,
          endColumn: 123,
          suggestions: [
            {
              messageId: 'useHttps',
              output: `export function card(user) {
  return \`<svg xmlns="http://www.w3.org/2000/svg"></svg><a href="https://shop.example.com/me?openid=\${user.openid}">me</a>\`;
}`,
            },
          ],
        },
      ],
    },
  ],
});
