/**
 * Real shapes of token fetching from the corpus (bench/corpus/labels-b.tsv), written anew: Egg/Midway `ctx.curl`
 * and urllib carry `cgi-bin/token` like any other client; token getters behind local wrappers, refresh timers and
 * caches that are read but never written need the program model.
 */
import { describe } from 'vitest';
import rule from '../../../src/rules/no-uncached-access-token.js';
import { runRuleTests } from '../../rule-tester.js';

runRuleTests('no-uncached-access-token: corpus shapes', rule, {
  valid: [
    // An Egg controller that keeps the ticket in module variables behind a 7200 s check.
    `const { Controller } = require('egg');
let fetchedAt = 0;
let ticket;
class SignatureController extends Controller {
  async index() {
    if (Date.now() - fetchedAt > 7000 * 1000) {
      const token = await this.ctx.curl('https://api.weixin.qq.com/cgi-bin/token', { dataType: 'json', data: { grant_type: 'client_credential', appid: this.config.appid, secret: this.config.secret } });
      const answer = await this.ctx.curl('https://api.weixin.qq.com/cgi-bin/ticket/getticket', { dataType: 'json', data: { access_token: token.data.access_token, type: 'jsapi' } });
      ticket = answer.data.ticket;
      fetchedAt = Date.now();
    }
    this.ctx.body = this.ctx.helper.sign(ticket, this.ctx.href);
  }
}
module.exports = SignatureController;`,
  ],
  invalid: [
    {
      // A Midway-style controller fetching a token on every request through ctx.curl.
      code: `const { Controller } = require('egg');
class ShareController extends Controller {
  async config() {
    const answer = await this.ctx.curl('https://api.weixin.qq.com/cgi-bin/token', { dataType: 'json', data: { grant_type: 'client_credential', appid: this.config.appid, secret: this.config.secret } });
    this.ctx.body = await this.service.share.sign(answer.data.access_token, this.ctx.query.url);
  }
}
module.exports = ShareController;`,
      errors: [{ messageId: 'perRequest', data: { what: '/cgi-bin/token' }, line: 4, column: 26, endLine: 4, endColumn: 201 }],
    },
    {
      // A daily push script that asks urllib for a new token at every run.
      code: `const urllib = require('urllib');
async function morningPush(appid, secret) {
  const { data } = await urllib.request('https://api.weixin.qq.com/cgi-bin/token?grant_type=client_credential&appid=' + appid + '&secret=' + secret, { dataType: 'json' });
  return data.access_token;
}
module.exports = morningPush;`,
      errors: [{ messageId: 'noCache', line: 3, column: 26, endLine: 3, endColumn: 171 }],
    },
  ],
});

describe('token requests behind a local wrapper whose parameter is the URL', () => {
  runRuleTests('no-uncached-access-token: local request wrapper', rule, {
    valid: [],
    invalid: [
      {
        // The URL reaches axios through the wrapper's parameter; each cron run gets a new token.
        code: `const axios = require('axios');
const getJson = (url, params) => axios.get(url, { params }).then((answer) => answer.data);
async function pushDaily(appid, secret) {
  const { access_token } = await getJson('https://api.weixin.qq.com/cgi-bin/token', { grant_type: 'client_credential', appid, secret });
  return access_token;
}
module.exports = pushDaily;`,
        errors: [{ messageId: 'noCache', line: 4, column: 34, endLine: 4, endColumn: 136 }],
      },
    ],
  });
});

describe('who calls the token getter: a refresh timer, a caller that checks the cache', () => {
  runRuleTests('no-uncached-access-token: refresh timer', rule, {
    valid: [
      // Fetched once at start and then every 90 minutes (the timer calls the getter from a function of its
      // own); every reader takes the module variable.
      `const request = require('request');
const TOKEN_URL = 'https://api.weixin.qq.com/cgi-bin/token?grant_type=client_credential&appid=' + process.env.APPID + '&secret=' + process.env.SECRET;
let token = '';
const updateToken = function () {
  request.get(TOKEN_URL, (error, response, body) => {
    if (!error) token = JSON.parse(body).access_token;
  });
};
updateToken();
setInterval(function () {
  updateToken();
}, 5400000);
exports.currentToken = () => token;`,
      // A token service: `get()` answers from Redis while the key lives and only then calls `generate()`; the
      // scheduled `refresh()` calls it on purpose.
      `const axios = require('axios');
class TokenService {
  async generate(appId) {
    const { data } = await axios.get('https://api.weixin.qq.com/cgi-bin/token?grant_type=client_credential&appid=' + appId + '&secret=' + this.secrets[appId]);
    return data;
  }
  async get(appId) {
    if (await this.redis.exists('token:' + appId)) return this.redis.get('token:' + appId);
    const answer = await this.generate(appId);
    await this.redis.set('token:' + appId, answer.access_token, 'EX', answer.expires_in - 300);
    return answer.access_token;
  }
  async refresh(appId) {
    const answer = await this.generate(appId);
    await this.redis.set('token:' + appId, answer.access_token, 'EX', answer.expires_in - 300);
  }
}
module.exports = TokenService;`,
      // A small store takes the fetch as its `source` and keeps the value until it expires.
      `const store = require('./store');
store.register({
  name: 'AccessToken',
  source: () => fetch('https://api.weixin.qq.com/cgi-bin/token?grant_type=client_credential&appid=' + APP_ID + '&secret=' + APP_SECRET).then((answer) => answer.json()),
  convert: ({ access_token, expires_in }) => ({ value: access_token, expire: Date.now() + expires_in * 1000 }),
});`,
    ],
    invalid: [
      {
        // The same refresher, but a route also calls it for every visitor.
        code: `const express = require('express');
const request = require('request');
const app = express();
let token = '';
const updateToken = function () {
  request.get(TOKEN_URL, (error, response, body) => {
    if (!error) token = JSON.parse(body).access_token;
  });
};
setInterval(updateToken, 5400000);
app.get('/token', (req, res) => {
  updateToken();
  res.json({ token });
});
const TOKEN_URL = 'https://api.weixin.qq.com/cgi-bin/token?grant_type=client_credential&appid=' + process.env.APPID + '&secret=' + process.env.SECRET;`,
        errors: [{ messageId: 'perRequest', line: 12, column: 3, endLine: 12, endColumn: 16 }],
      },
      {
        // A jsapi_ticket fetched in a promise callback of a getter that the signing helper calls every time.
        code: `const axios = require('axios');
function ticketOf() {
  return currentToken().then((token) => axios.get('https://api.weixin.qq.com/cgi-bin/ticket/getticket?type=jsapi&access_token=' + token).then(({ data }) => data.ticket));
}
const signPage = (url) => ticketOf().then((ticket) => sign(ticket, url));
module.exports = { signPage };`,
        errors: [{ messageId: 'noCache', data: { what: '/cgi-bin/ticket/getticket', fn: 'ticketOf()' }, line: 3, column: 41, endLine: 3, endColumn: 137 }],
      },
    ],
  });
});

describe('a cache that is read but never written by the getter', () => {
  runRuleTests('no-uncached-access-token: read-only cache', rule, {
    valid: [],
    invalid: [
      {
        // The expiry check reads the stored token, but the token fetched past it is never stored: once the stored
        // one is older than the window, every call fetches a new token.
        code: `const https = require('https');
exports.withToken = function (callback) {
  tokens.findOne({}, (error, saved) => {
    if (saved && Date.now() - saved.time < 3600 * 1000) return callback(saved.token);
    https.get('https://api.weixin.qq.com/cgi-bin/token?grant_type=client_credential&appid=' + APPID + '&secret=' + SECRET, (answer) => {
      answer.on('data', (chunk) => callback(JSON.parse(chunk).access_token));
    });
  });
};`,
        errors: [{ messageId: 'cacheNeverWritten', data: { what: '/cgi-bin/token', fn: 'this function' }, line: 5, column: 5, endLine: 7, endColumn: 7 }],
      },
    ],
  });
});

describe('an expiry check in the wrong unit', () => {
  runRuleTests('no-uncached-access-token: seconds compared with milliseconds', rule, {
    valid: [
      `const axios = require('axios');
class Client {
  async accessToken() {
    const { access_token, fetched_at, expires_in } = this.cache || {};
    if (access_token && Date.now() - fetched_at < expires_in * 1000) return access_token;
    const { data } = await axios.get('https://api.weixin.qq.com/cgi-bin/token?grant_type=client_credential&appid=' + this.appid + '&secret=' + this.secret);
    this.cache = { ...data, fetched_at: Date.now() };
    return data.access_token;
  }
}
module.exports = Client;`,
    ],
    invalid: [
      {
        // The cached answer keeps `expires_in` in seconds; the age is in milliseconds.
        code: `const axios = require('axios');
class Client {
  async accessToken() {
    const { access_token, fetched_at, expires_in } = this.cache || {};
    if (access_token && Date.now() - fetched_at < expires_in) return access_token;
    const { data } = await axios.get('https://api.weixin.qq.com/cgi-bin/token?grant_type=client_credential&appid=' + this.appid + '&secret=' + this.secret);
    this.cache = { ...data, fetched_at: Date.now() };
    return data.access_token;
  }
}
module.exports = Client;`,
        errors: [{ messageId: 'secondsAsMilliseconds', data: { what: '/cgi-bin/token', field: 'expires_in' }, line: 6, column: 28, endLine: 6, endColumn: 156 }],
      },
    ],
  });
});
