/**
 * Real shapes of server and browser redirects from the corpus (bench/corpus/labels-b.tsv), written anew. Every
 * one needs the program model: the target is built in another module (own-site address tables, OAuth URL
 * builders, an SDK's authorize URL, a URL builder fed by the query).
 */
import { describe } from 'vitest';
import rule from '../../../src/rules/no-auto-redirect.js';
import { runRuleTests } from '../../rule-tester.js';

describe.todo('needs the model: redirect targets built in other modules', () => {
  runRuleTests('no-auto-redirect: targets from other modules', rule, {
    valid: [
      {
        // The site's own pages, from an address table module.
        code: `const express = require('express');
const pages = require('../address_configure');
const router = express.Router();
router.post('/seat', (req, res) => {
  reserve(req.body.seat);
  res.redirect(pages.ticketInfo + '?ticketid=' + req.query.ticketid);
});
module.exports = router;`,
        options: [{ checkUnresolvedTargets: true }],
      },
      {
        // The Weixin OAuth authorize URL, built by a helper module.
        code: `import { onMounted } from 'vue';
import { authorizeUrl } from '@root/common/utils/redirect';
export default {
  setup() {
    onMounted(() => {
      location.replace(authorizeUrl(encodeURIComponent(location.href), 'share'));
    });
  },
};`,
        filename: 'src/views/share/index.vue.ts',
        options: [{ checkUnresolvedTargets: true }],
      },
      {
        // Another site's OAuth page the user asked for by opening a one-time binding link: the SDK builds it.
        code: `const oauth = require('../../lib/douban/oauth');
app.get('/auth/connect/:token', (req, res) => {
  req.session.bindToken = req.params.token;
  res.redirect(oauth.api().getAuthorizeUrl({ redirect_uri: CALLBACK, response_type: 'code' }));
});`,
        options: [{ checkUnresolvedTargets: true }],
      },
    ],
    invalid: [
      {
        // The target is the query's redirect_uri, passed through a URL builder of another module.
        code: `const buildUri = require('../utils/build-uri');
module.exports = async function relay(ctx) {
  const user = await profileByCode(ctx.query.code);
  ctx.redirect(buildUri(ctx.query.redirect_uri, '', { openid: user.openid }));
};`,
        errors: [{ messageId: 'attackerTarget', line: 4, column: 3, endLine: 4, endColumn: 78 }],
      },
    ],
  });
});
