/**
 * Real shape of a template-message broadcast from the corpus (bench/corpus/labels-b.tsv), written anew: a daily
 * job sends the same message to every configured openid through a local request wrapper. The send is known from
 * what the wrapper does with its parameters (a request wrapper of the file), the schedule from who calls the sender.
 */
import rule from '../../../src/rules/valid-template-message.js';
import { runRuleTests } from '../../rule-tester.js';

runRuleTests('valid-template-message: a scheduled send to a configured list', rule, {
  valid: [
    // The same loop run for a user who asked for it (a route), not on a schedule.
    `const axios = require('axios');
const express = require('express');
const { recipients, templateId } = require('./config');
const postJson = (url, body) => axios.post(url, body);
const app = express();
app.post('/notify', async (req, res) => {
  const url = 'https://api.weixin.qq.com/cgi-bin/message/template/send?access_token=' + req.app.locals.token;
  for (const openid of recipients) await postJson(url, { touser: openid, template_id: templateId, data: req.body.data });
  res.end();
});`,
    // A scheduled reminder to the users whose own booking starts today: the list comes from the bookings.
    `const axios = require('axios');
const schedule = require('node-schedule');
const postJson = (url, body) => axios.post(url, body);
async function remind(token) {
  const url = 'https://api.weixin.qq.com/cgi-bin/message/template/send?access_token=' + token;
  const bookings = await db.bookings.find({ day: today() });
  for (const booking of bookings) {
    await postJson(url, { touser: booking.openid, template_id: REMINDER, data: { time: { value: booking.time } } });
  }
}
schedule.scheduleJob('0 0 8 * * *', () => remind(currentToken()));`,
  ],
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
      errors: [{ messageId: 'scheduledBroadcast', line: 10, column: 11, endLine: 10, endColumn: 33 }],
    },
    {
      // A fixed list written in the script, pushed every hour by an interval timer.
      code: `const LIST = ['o-first', 'o-second', 'o-third', 'o-fourth'];
const send = (url, body) => fetch(url, { method: 'POST', body: JSON.stringify(body) });
setInterval(async () => {
  for (const touser of LIST) {
    await send('https://api.weixin.qq.com/cgi-bin/message/template/send?access_token=' + token, { touser, template_id: 'tpl', data: {} });
  }
}, 3600000);`,
      errors: [{ messageId: 'scheduledBroadcast', line: 5, column: 11, endLine: 5, endColumn: 138 }],
    },
  ],
});
