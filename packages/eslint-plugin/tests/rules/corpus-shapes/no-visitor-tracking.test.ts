/**
 * Real shapes from the corpus (bench/corpus/labels.tsv), written anew: campaign pages whose shared script
 * records every page view on load — the viewer's openid (from a cookie) together with the page's own address and
 * the referrer, serialised with jQuery's `$.param` and posted by a local helper. The page address is the viewed
 * page; an aggregate counter without the openid, or the same call on a button tap, stays silent.
 */
import rule from '../../../src/rules/no-visitor-tracking.js';
import { runRuleTests } from '../../rule-tester.js';

const helper = `function recordView(endpoint, viewerId, note) {
  const form = $.param({ app: 'spring-fair', openid: viewerId, page: document.URL, came_from: document.referrer, note: note });
  $.ajax({ type: 'post', url: endpoint, data: form });
}
`;

runRuleTests('no-visitor-tracking: corpus shapes', rule, {
  valid: [
    // An aggregate counter: the page address without anybody's identity.
    `function countView(endpoint) {
  $.ajax({ type: 'post', url: endpoint, data: $.param({ app: 'spring-fair', page: document.URL }) });
}
countView('/stats/page-view');`,
    // The viewer's openid alone (a login check), no viewed page with it.
    `const viewer = readCookie('openid');
$.ajax({ type: 'post', url: '/session/check', data: $.param({ openid: viewer }) });`,
  ],
  invalid: [
    {
      code: `${helper}pageViewUrl = 'https://events.example.cn/stat/pageview';
visitor = readCookie('viewer_openid');
recordView(pageViewUrl, visitor, '');`,
      errors: [{ messageId: 'viewTracking', line: 3, column: 3, endLine: 3, endColumn: 54 }],
    },
    {
      // The same record sent with fetch and URLSearchParams at load.
      code: `window.addEventListener('load', () => {
  const openid = localStorage.getItem('openid');
  fetch('/api/log/view', { method: 'POST', body: new URLSearchParams({ openid, url: location.href }) });
});`,
      errors: [{ messageId: 'viewTracking', line: 3, column: 3, endLine: 3, endColumn: 104 }],
    },
  ],
});
