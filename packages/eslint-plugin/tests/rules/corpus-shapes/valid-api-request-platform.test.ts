/**
 * Real shapes of mini-program code from the corpus (bench/corpus/labels-b.tsv), written anew: a mini program's
 * back end calls its own endpoints (code2Session, unlimited QR codes, subscribe messages) with its own appid and
 * token. Nothing in these files works for an Official Account, so "called with an Official Account token" would be a
 * guess; the same calls beside Official Account code stay reported. The retired mini-program template message is
 * deprecated whatever the platform.
 */
import rule from '../../../src/rules/valid-api-request.js';
import { runRuleTests } from '../../rule-tester.js';

runRuleTests('valid-api-request: platform of the file', rule, {
  valid: [
    // A mini program's login helper, credentials from its own configuration section.
    `import request from 'request-promise';
import settings from '../settings';
export const session = (code) =>
  request({ uri: 'https://api.weixin.qq.com/sns/jscode2session', qs: { appid: settings.weapp.appid, secret: settings.weapp.secret, js_code: code, grant_type: 'authorization_code' }, json: true });`,
    // Module functions of a mini-program SDK: only mini-program endpoints, token from the SDK object.
    `const axios = require('axios');
module.exports = function poster(page, scene) {
  return this.token().then((token) => axios.post('https://api.weixin.qq.com/wxa/getwxacodeunlimit?access_token=' + token, { page, scene }, { responseType: 'arraybuffer' }));
};`,
    `const axios = require('axios');
module.exports = function notify(openid, tpl) {
  return this.token().then((token) => axios.post('https://api.weixin.qq.com/cgi-bin/message/subscribe/send?access_token=' + token, { touser: openid, template_id: tpl.id, data: tpl.data }));
};`,
    // Official Account code in the same file, but the code2Session call takes the mini program's configuration.
    `const axios = require('axios');
exports.menu = (token, menu) => axios.post('https://api.weixin.qq.com/cgi-bin/menu/create?access_token=' + token, menu);
exports.login = (code) => axios.get('https://api.weixin.qq.com/sns/jscode2session', { params: { appid: config.miniProgram.appid, secret: config.miniProgram.secret, js_code: code, grant_type: 'authorization_code' } });`,
  ],
  invalid: [
    {
      // The same code2Session beside the account's web OAuth, with the account's own appid: an Official Account
      // appid cannot log a user in to a mini program.
      code: `const axios = require('axios');
exports.web = (code) => axios.get('https://api.weixin.qq.com/sns/oauth2/access_token', { params: { appid: account.appid, secret: account.secret, code, grant_type: 'authorization_code' } });
exports.mini = (code) => axios.get('https://api.weixin.qq.com/sns/jscode2session', { params: { appid: account.appid, secret: account.secret, js_code: code, grant_type: 'authorization_code' } });`,
      errors: [{ messageId: 'miniProgramOnly', data: { endpoint: '/sns/jscode2session' }, line: 3, column: 26, endLine: 3, endColumn: 194 }],
    },
    {
      // The retired mini-program template message: deprecated, and only a mini program's call.
      code: `const axios = require('axios');
module.exports = function remind(openid, tpl) {
  return this.token().then((token) => axios.post('https://api.weixin.qq.com/cgi-bin/message/wxopen/template/send?access_token=' + token, { touser: openid, template_id: tpl.id, form_id: tpl.formId, data: tpl.data }));
};`,
      errors: [
        {
          messageId: 'deprecatedWithReplacement',
          data: {
            endpoint: '/cgi-bin/message/wxopen/template/send',
            since: '2020-01-10',
            note: 'mini program template messages were retired in favour of subscribe messages',
            replacement: '/cgi-bin/message/subscribe/send',
          },
          line: 3,
          column: 39,
          endLine: 3,
          endColumn: 215,
        },
      ],
    },
  ],
});
