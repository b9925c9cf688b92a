/**
 * Real shapes of exposed credentials from the corpus (bench/corpus/labels-b.tsv), written anew. None is a
 * knowledge-table entry: each needs a new check in the rule (and the first one the file's build context).
 */
import { describe } from 'vitest';
import rule from '../../../src/rules/no-hardcoded-credentials.js';
import { runRuleTests } from '../../rule-tester.js';

describe.todo('needs a rule change: credentials exposed without a secret-shaped literal', () => {
  runRuleTests('no-hardcoded-credentials: exposed credentials', rule, {
    valid: [],
    invalid: [
      {
        // Next.js inlines every NEXT_PUBLIC_ variable into the browser bundle: the AppSecret ships to every visitor.
        code: `export function wxConfig() {
  return { appId: process.env.NEXT_PUBLIC_WX_APP_ID!, appSecret: process.env.NEXT_PUBLIC_WX_APP_SECRET! };
}`,
        filename: 'app/lib/wx.ts',
        errors: [{ messageId: 'hardcodedInBrowser', line: 2, column: 66, endLine: 2, endColumn: 104 }],
      },
      {
        // The server Token of the signature check, hashed with timestamp and nonce, with no account keys beside it.
        code: `const crypto = require('crypto');
app.get('/wx', (req, res) => {
  const token = 'hellowechat';
  const digest = crypto.createHash('sha1').update([token, req.query.timestamp, req.query.nonce].sort().join('')).digest('hex');
  res.send(digest === req.query.signature ? req.query.echostr : '');
});`,
        errors: [{ messageId: 'hardcoded', line: 3, column: 17, endLine: 3, endColumn: 30 }],
      },
      {
        // A real access_token committed beside the account keys and used for every call (it has no secret's
        // fixed length: digits, an underscore, then about 150 URL-safe characters).
        code: `module.exports = {
  appId: 'wx1234567890abcdef',
  access_token: '31_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-AbCdEfGhIjKlMnOpQrStUv',
};`,
        errors: [{ messageId: 'hardcoded', line: 3, column: 17, endLine: 3, endColumn: 155 }],
      },
    ],
  });
});
