/**
 * Real shapes of exposed credentials from the corpus (bench/corpus/labels.tsv, labels-b.tsv, labels-c.tsv), written
 * anew: an AppSecret in a variable the build inlines into the browser, the server Token of a signature check in a
 * file that names no account key, a fetched access_token committed beside the appid, and the password of the
 * database that keeps the users' data. Values are made up.
 */
import { describe } from 'vitest';
import rule from '../../../src/rules/no-hardcoded-credentials.js';
import { runRuleTests } from '../../rule-tester.js';

describe('credentials exposed without a secret-shaped literal', () => {
  runRuleTests('no-hardcoded-credentials: exposed credentials', rule, {
    valid: [
      // The appid is public; a server-only variable holds the secret.
      `export const wx = { appId: process.env.NEXT_PUBLIC_WX_APP_ID, appSecret: process.env.WX_APP_SECRET };`,
      // A public key may ship to the browser.
      `export const sentry = { key: import.meta.env.VITE_SENTRY_PUBLIC_KEY };`,
      // A JWT of the app's own (dots) and a short test value are no Weixin access_token.
      `export const fixtures = { access_token: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIn0.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c', refresh_token: 'r1' };`,
      `export const stub = { appId: 'wx1234567890abcdef', access_token: 'ACCESS_TOKEN' };`,
      // A login form's password beside a user name, no database: the user's own input, not a committed secret.
      `export const demoLogin = { username: 'demo', password: 'd3mo-pass' };`,
      // The database password read from the environment.
      `export default { orm: { type: 'mysql', host: 'db.internal', username: 'shop', password: process.env.DB_PASSWORD, database: 'shop' } };`,
    ],
    invalid: [
      {
        // Next.js inlines every NEXT_PUBLIC_ variable into the browser bundle: the AppSecret ships to every visitor.
        code: `export function wxConfig() {
  return { appId: process.env.NEXT_PUBLIC_WX_APP_ID!, appSecret: process.env.NEXT_PUBLIC_WX_APP_SECRET! };
}`,
        filename: 'app/lib/wx.ts',
        errors: [
          {
            messageId: 'publicEnv',
            data: { kind: 'AppSecret', envName: 'NEXT_PUBLIC_WX_APP_SECRET', prefix: 'NEXT_PUBLIC_' },
            line: 2,
            column: 66,
            endLine: 2,
            endColumn: 103,
          },
        ],
      },
      {
        // The server Token of the signature check, hashed with timestamp and nonce, with no account keys beside it.
        code: `const crypto = require('crypto');
app.get('/wx', (req, res) => {
  const token = 'hellowechat';
  const digest = crypto.createHash('sha1').update([token, req.query.timestamp, req.query.nonce].sort().join('')).digest('hex');
  res.send(digest === req.query.signature ? req.query.echostr : '');
});`,
        errors: [
          {
            messageId: 'hardcoded',
            data: { kind: 'server Token' },
            line: 3,
            column: 17,
            endLine: 3,
            endColumn: 30,
            suggestions: [
              {
                messageId: 'useEnv',
                data: { envName: 'WECHAT_TOKEN' },
                output: `const crypto = require('crypto');
app.get('/wx', (req, res) => {
  const token = process.env.WECHAT_TOKEN;
  const digest = crypto.createHash('sha1').update([token, req.query.timestamp, req.query.nonce].sort().join('')).digest('hex');
  res.send(digest === req.query.signature ? req.query.echostr : '');
});`,
              },
            ],
          },
        ],
      },
      {
        // A real access_token committed beside the account keys and used for every call (it has no secret's
        // fixed length: digits, an underscore, then about 150 URL-safe characters).
        code: `module.exports = {
  appId: 'wx1234567890abcdef',
  access_token: '31_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-AbCdEfGhIjKlMnOpQrStUv',
};`,
        errors: [
          {
            messageId: 'hardcoded',
            data: { kind: 'access_token' },
            line: 3,
            column: 17,
            endLine: 3,
            endColumn: 155,
            suggestions: [
              {
                messageId: 'useEnv',
                data: { envName: 'WECHAT_ACCESS_TOKEN' },
                output: `module.exports = {
  appId: 'wx1234567890abcdef',
  access_token: process.env.WECHAT_ACCESS_TOKEN,
};`,
              },
            ],
          },
        ],
      },
      {
        // The MySQL password of the database that stores the users, in the framework's default config.
        code: `export default {
  orm: { type: 'mysql', host: '10.20.30.40', port: 3306, username: 'root', password: 'tulip2718', database: 'wx-shop' },
};`,
        filename: 'src/config/config.default.ts',
        errors: [{ messageId: 'hardcoded', data: { kind: 'database password' }, line: 2, column: 86, endLine: 2, endColumn: 97 }],
      },
    ],
  });
});
