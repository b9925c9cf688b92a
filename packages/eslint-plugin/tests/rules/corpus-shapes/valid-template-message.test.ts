/**
 * Real shape of a template-message broadcast from the corpus (bench/corpus/labels-b.tsv), written anew: a daily
 * job sends the same message to every configured openid through a local request wrapper. It needs the program
 * model: the send is only known from what the wrapper does with its parameters.
 */
import { describe } from 'vitest';
import rule from '../../../src/rules/valid-template-message.js';
import { runRuleTests } from '../../rule-tester.js';

describe.todo('needs the model: template sends through a local request wrapper', () => {
  runRuleTests('valid-template-message: send through a wrapper', rule, {
    valid: [],
    invalid: [
      {
        code: `const axios = require('axios');
const schedule = require('node-schedule');
const { recipients, templateId } = require('./config');
const postJson = (url, body) => axios.post(url, body);
async function morning(token, data) {
  const url = 'https://api.weixin.qq.com/cgi-bin/message/template/send?access_token=' + token;
  const message = { template_id: templateId, data };
  for (const openid of recipients) {
    message.touser = openid;
    await postJson(url, message);
  }
}
schedule.scheduleJob('0 0 8 * * *', () => morning(currentToken(), todaysGreeting()));`,
        errors: [{ messageId: 'broadcast', line: 10, column: 11, endLine: 10, endColumn: 33 }],
      },
    ],
  });
});
