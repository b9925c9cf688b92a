import { it } from 'vitest';
import { analyze } from './harness.js';
it('debug', () => {
  const code = `function recordView(endpoint, viewerId, note) {
  const form = $.param({ app: 'spring-fair', openid: viewerId, page: document.URL, came_from: document.referrer, note: note });
  $.ajax({ type: 'post', url: endpoint, data: form });
}
pageViewUrl = 'https://events.example.cn/stat/pageview';
visitor = readCookie('viewer_openid');
recordView(pageViewUrl, visitor, '');`;
  analyze(code, (a) => {
    for (const r of a.requests) console.log('REQ', r.client, r.url.map((v) => JSON.stringify(v.parts.map((p) => typeof p === 'string' ? p : '<hole>'))), a.contexts.contextOf(r.node), !!a.contexts.handlerOf(r.node), r.body && a.values.serializedObjectOf(r.body)?.type);
  });
});
