import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/no-visitor-tracking.js';
import { lintWithOptions } from '../lint-options.js';
import { runRuleTests } from '../rule-tester.js';

runRuleTests('no-visitor-tracking', rule, {
  valid: [
    // An aggregate page-view counter without identity; a like the user clicks (their own action, not tracking).
    `import axios from 'axios';
export default {
  props: ['authorId', 'postId'],
  mounted() {
    axios.post('/api/stats/pv', { pageId: this.authorId });
  },
  methods: {
    like() {
      axios.post('/api/like', { postId: this.postId, openid: this.$store.state.user.openid });
    },
  },
};`,
    // Server: a counter keyed by the owner; the user's own footprints shown to that user.
    `import express from 'express';
const app = express();
app.get('/u/:id', async (req, res) => {
  await redis.incr(\`views:\${req.params.id}\`);
  res.render('profile');
});
app.get('/me/footprints', async (req, res) => {
  res.json(await Visit.find({ visitorOpenid: req.session.openid }));
});`,
    // A local function named like a replay SDK's global; analytics (third party: no-user-data-to-third-party's).
    "function hj(...args) { console.debug(args); }\nhj('event', 'opened');",
    "window._hmt.push(['_trackPageview', location.pathname]);",
  ],
  invalid: [
    {
      // Vue: the viewer's openid sent with the author whose page is open, on mount.
      code: `import axios from 'axios';
export default {
  props: ['authorId'],
  mounted() {
    axios.post('/api/visits', { authorId: this.authorId, visitorOpenid: this.$store.state.user.openid });
  },
};`,
      errors: [
        { messageId: 'viewTracking', data: { owner: 'authorId', api: 'axios.post()' }, line: 5, column: 5, endLine: 5, endColumn: 105 },
      ],
    },
    {
      // React: an exposure tracker on an IntersectionObserver that reports who saw which article.
      filename: 'src/ArticleCard.tsx',
      code: `import { useEffect, useRef } from 'react';

export function ArticleCard({ articleId, user }: { articleId: string; user: { uid: string } }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const observer = new IntersectionObserver(() => {
      fetch('/api/track/expose', { method: 'POST', body: JSON.stringify({ articleId, uid: user.uid }) });
    });
    if (ref.current) observer.observe(ref.current);
    return () => observer.disconnect();
  }, [articleId, user.uid]);
  return <div ref={ref} />;
}`,
      errors: [{ messageId: 'viewTracking', data: { owner: 'articleId', api: 'fetch()' }, line: 7, column: 7, endLine: 7, endColumn: 105 }],
    },
    {
      // Express: visits stored per profile owner with the visitor's openid, and the owner's visitor list.
      code: `import express from 'express';
const app = express();
app.get('/u/:id', async (req, res) => {
  const profile = await User.findById(req.params.id);
  await Visit.create({ ownerId: profile.id, visitorOpenid: req.session.openid, at: new Date() });
  await redis.zadd(\`visitors:\${profile.id}\`, Date.now(), req.session.openid);
  res.render('profile', { profile });
});
app.get('/me/visitors', async (req, res) => {
  res.json(await Visit.find({ ownerId: req.session.userId }));
});`,
      errors: [
        { messageId: 'storeVisits', data: { owner: 'ownerId', store: 'Visit' }, line: 5, column: 9, endLine: 5, endColumn: 97 },
        { messageId: 'storeVisits', data: { owner: 'profile.id', store: 'redis' }, line: 6, column: 9, endLine: 6, endColumn: 77 },
        { messageId: 'listVisitors', data: { owner: 'ownerId', store: 'Visit' }, line: 10, column: 18, endLine: 10, endColumn: 61 },
      ],
    },
    {
      // SQL through a driver: an INSERT of the viewer against the owner, and the SELECT of an owner's viewers.
      code: `import express from 'express';
import { db } from '../services/db.js';
export const router = express.Router();
router.post('/profiles/:ownerId/visit', async (req, res) => {
  await db.query('INSERT INTO profile_visits (owner_id, viewer_openid, viewed_at) VALUES (?, ?, NOW())', [req.params.ownerId, req.session.openid]);
  res.sendStatus(204);
});
router.get('/profiles/:ownerId/visitors', async (req, res) => {
  const [rows] = await db.query('SELECT viewer_openid, viewed_at FROM profile_visits WHERE owner_id = ?', [req.params.ownerId]);
  res.json(rows);
});`,
      errors: [
        { messageId: 'storeVisits', data: { owner: 'owner_id', store: 'db' }, line: 5, column: 9, endLine: 5, endColumn: 147 },
        { messageId: 'listVisitors', data: { owner: 'owner_id', store: 'db' }, line: 9, column: 24, endLine: 9, endColumn: 128 },
      ],
    },
    {
      // Koa + MongoDB: 访客 records keyed by the profile.
      code: `import Router from '@koa/router';
const router = new Router();
router.get('/profile/:profileId', async (ctx) => {
  const { profileId } = ctx.params;
  await ctx.db.collection('profile_views').insertOne({ profileId, viewer: ctx.state.user.openid });
  ctx.body = await ctx.db.collection('profiles').findOne({ _id: profileId });
});`,
      errors: [{ messageId: 'storeVisits', line: 5, column: 9, endLine: 5, endColumn: 99 }],
    },
    {
      // Session replay and heatmaps: an import, a require, a script loaded from the vendor's host.
      code: `import LogRocket from 'logrocket';
const rrweb = require('rrweb');
const s = document.createElement('script');
s.src = 'https://static.hotjar.com/c/hotjar-3456.js?sv=6';
document.head.appendChild(s);
LogRocket.init('acme/h5');
rrweb.record({ emit: (event) => buffer.push(event) });`,
      errors: [
        { messageId: 'replaySdk', data: { sdk: 'LogRocket' }, line: 1, column: 1, endLine: 1, endColumn: 35 },
        { messageId: 'replaySdk', data: { sdk: 'rrweb' }, line: 2, column: 15, endLine: 2, endColumn: 31 },
        { messageId: 'replaySdk', data: { sdk: 'Hotjar' }, line: 4, column: 9, endLine: 4, endColumn: 58 },
      ],
    },
    {
      // A snippet that only defines the global: its first call is reported.
      code: "window.clarity('set', 'page', 'home');\nclarity('event', 'open');",
      errors: [{ messageId: 'replaySdk', data: { sdk: 'Microsoft Clarity' }, line: 1, column: 1, endLine: 1, endColumn: 38 }],
    },
    {
      code: "import { record } from '@acme/replay';\nrecord();",
      options: [{ sessionReplaySdks: ['@acme/replay'] }],
      errors: [{ messageId: 'replaySdk', data: { sdk: '@acme/replay' }, line: 1, column: 1, endLine: 1, endColumn: 39 }],
    },
    {
      code: "import '@fullstory/browser';",
      settings: { 'wechat-oa': { locale: 'zh-CN' } },
      errors: [{ messageId: 'replaySdk_zhCN' as 'replaySdk', line: 1, column: 1, endLine: 1, endColumn: 29 }],
    },
  ],
});

describe('options', () => {
  it('rejects an unknown option, naming the rule', () => {
    expect(() => lintWithOptions('no-visitor-tracking', rule, [{ replaySdks: [] }])).toThrow(
      /no-visitor-tracking[\s\S]*(?:additional properties|additionalProperties)/u,
    );
  });
  it('rejects a value of the wrong type', () => {
    expect(() => lintWithOptions('no-visitor-tracking', rule, [{ sessionReplaySdks: 'mask' }])).toThrow(/no-visitor-tracking[\s\S]*should be array/u);
  });
});
