/**
 * Scratch projects a new user would have, each set up the way the plugin README says (smallest config first):
 * ESM and CommonJS, JavaScript, TypeScript whose config loads the other tools its disable comments name, Vue with
 * eslint-plugin-vue, and an Express blog with EJS-templated `.html` views, a vendored JS-SDK copy and a saved copy
 * of an article page. All code is written for these tests.
 */

export interface ExpectedFinding {
  file: string;
  rule: string;
  line: number;
  column: number;
  severity: 1 | 2;
}

export interface ScratchProject {
  /** Files written into the project folder (package.json and the ESLint config included). */
  files: Record<string, string>;
  /** The wechat-oa findings ESLint and the CLI must both report, sorted by file, line, column. */
  expected: ExpectedFinding[];
}

const finding = (file: string, rule: string, line: number, column: number, severity: 1 | 2 = 2): ExpectedFinding => ({
  file,
  rule: `wechat-oa/${rule}`,
  line,
  column,
  severity,
});

/** The smallest config of the README, as `eslint.config.js` in an ESM project or `eslint.config.mjs` in CommonJS. */
export const SMALLEST_CONFIG = `import { defineConfig } from 'eslint/config';
import wechatOa from 'eslint-plugin-wechat-oa';

export default defineConfig([wechatOa.configs.recommended]);
`;

/** The README's `eslint.config.cjs` for a CommonJS project that keeps its config in CommonJS too. */
export const COMMONJS_CONFIG = `const { defineConfig } = require('eslint/config');
const wechatOa = require('eslint-plugin-wechat-oa');

module.exports = defineConfig([wechatOa.configs.recommended]);
`;

/**
 * A copy of the JS-SDK as projects vendor it: a wrapper that would be reported if it were the project's own code
 * (a plain-HTTP Weixin host, a navigation on load). Written for this test, not taken from the real file.
 */
export const VENDORED_JSSDK = `/*! Weixin JS-SDK (vendored copy for this test) */
!(function (root, factory) {
  root.wx = root.jWeixin = factory(root);
})(window, function (root) {
  var base = 'http://res.wx.qq.com/open/js/';
  var api = 'http://api.weixin.qq.com/cgi-bin/ticket/getticket';
  function invoke(name, args, done) {
    if (root.WeixinJSBridge) root.WeixinJSBridge.invoke(name, args, done);
  }
  if (!root.WeixinJSBridge) root.location.href = 'https://example.org/not-in-weixin.html';
  return {
    config: function (options) { invoke('preVerifyJSAPI', { appId: options.appId, url: api, base: base }); },
    ready: function (callback) { callback(); },
    getLocation: function (options) { invoke('geoLocation', {}, options.success); },
  };
});
`;

/**
 * A saved copy of somebody else's article page, kept as test data: the page's own scripts would be reported
 * (plain-HTTP links, a redirect on load) if it were the project's page.
 */
export const SAVED_ARTICLE = `<!DOCTYPE html>
<!-- saved from url=(0044)https://mp.weixin.qq.com/s/Qx7TestArticle01 -->
<html>
<head>
  <meta charset="utf-8">
  <meta property="og:url" content="https://mp.weixin.qq.com/s/Qx7TestArticle01">
  <title>Weekend recipes</title>
  <script>
    var msgLink = 'http://mp.weixin.qq.com/s?__biz=MzTest&mid=1&idx=1';
    var reportUrl = 'http://mp.weixin.qq.com/mp/appmsgreport?action=page_time';
    if (!/MicroMessenger/i.test(navigator.userAgent)) {
      location.replace('https://weixin110.qq.com/security/readtemplate?t=weixin_only');
    }
  </script>
</head>
<body>
  <h1>Weekend recipes</h1>
  <p>Three dishes for a rainy Saturday.</p>
  <a href="http://mp.weixin.qq.com/s?__biz=MzTest&mid=2&idx=1">Read the next one</a>
</body>
</html>
`;

export const PROJECTS: Record<string, ScratchProject> = {
  // An ES module project: the README's smallest config as eslint.config.js.
  'esm-javascript': {
    files: {
      'package.json': JSON.stringify({ name: 'esm-javascript', private: true, type: 'module' }, null, 2),
      'eslint.config.js': SMALLEST_CONFIG,
      'src/wechat.js': `import express from 'express';

export const app = express();
export const wechat = {
  appid: 'wx6c1e0f3a9b2d4c87',
  appSecret: '9f3b7c1d5e2a4f6b8c0d2e4f6a8b0c1d',
};
`,
      'src/banner.js': `export const banner = '腾讯官方合作伙伴';\n`,
      'src/share.js': `export const shareLabel = 'Share to WeChat';\n`,
    },
    expected: [
      finding('src/banner.js', 'no-affiliation-claim', 1, 23),
      finding('src/wechat.js', 'no-hardcoded-credentials', 6, 14),
    ],
  },

  // A CommonJS project ("type" is not "module") that keeps its ESLint config in CommonJS as well.
  'commonjs-javascript': {
    files: {
      'package.json': JSON.stringify({ name: 'commonjs-javascript', version: '1.0.0', main: 'index.js' }, null, 2),
      'eslint.config.cjs': COMMONJS_CONFIG,
      'config/wechat.js': `module.exports = {
  appid: 'wx1f2e3d4c5b6a7980',
  appsecret: '0a1b2c3d4e5f60718293a4b5c6d7e8f9',
};
`,
      'index.js': `const express = require('express');
const wechat = require('./config/wechat');

const app = express();
app.get('/appid', (req, res) => res.json({ appid: wechat.appid }));
app.listen(3000);
`,
    },
    expected: [finding('config/wechat.js', 'no-hardcoded-credentials', 3, 14)],
  },

  // TypeScript, CommonJS package, config as eslint.config.mjs; the config loads typescript-eslint and
  // @stylistic because the code's disable comments name their rules, as in a real project.
  typescript: {
    files: {
      'package.json': JSON.stringify({ name: 'typescript-project', version: '1.0.0' }, null, 2),
      'eslint.config.mjs': `import { defineConfig } from 'eslint/config';
import stylistic from '@stylistic/eslint-plugin';
import tseslint from 'typescript-eslint';
import wechatOa from 'eslint-plugin-wechat-oa';

export default defineConfig([
  tseslint.configs.recommended,
  { plugins: { '@stylistic': stylistic }, rules: { '@stylistic/max-len': ['error', { code: 120 }] } },
  wechatOa.configs.recommended,
]);
`,
      'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, module: 'nodenext' }, include: ['src'] }, null, 2),
      'src/profile.ts': `export interface Profile {
  nickname: string;
  city: string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function toProfile(raw: any): Profile {
  return { nickname: String(raw.nickname), city: String(raw.city) };
}

// eslint-disable-next-line @stylistic/max-len
export const welcome = 'Welcome to our service account. Reply 1 for opening hours, 2 for the menu, 3 for the address of the shop nearest to you.';

export const footer = '本服务已获微信官方认证';
`,
    },
    expected: [finding('src/profile.ts', 'no-affiliation-claim', 14, 23)],
  },

  // Vue single-file components with eslint-plugin-vue, and disable comments in the template for both plugins.
  vue: {
    files: {
      'package.json': JSON.stringify({ name: 'vue-project', private: true, type: 'module' }, null, 2),
      'eslint.config.js': `import { defineConfig } from 'eslint/config';
import pluginVue from 'eslint-plugin-vue';
import wechatOa from 'eslint-plugin-wechat-oa';

export default defineConfig([pluginVue.configs['flat/recommended'], wechatOa.configs.recommended]);
`,
      'src/components/ShareBanner.vue': `<template>
  <div class="banner">
    <!-- eslint-disable-next-line vue/no-v-html -->
    <p v-html="notice" />
    <p>腾讯官方合作伙伴</p>
    <!-- eslint-disable-next-line wechat-oa/no-affiliation-claim -->
    <p title="微信官方认证">
      Coupons
    </p>
  </div>
</template>

<script setup>
import { ref } from 'vue';

const notice = ref('<b>Share to WeChat</b>');
</script>
`,
    },
    expected: [finding('src/components/ShareBanner.vue', 'no-affiliation-claim', 5, 8)],
  },

  // An Express blog (CommonJS, config as eslint.config.mjs) whose `.html` views are EJS templates, with a
  // vendored JS-SDK and a saved copy of an article page: clean, so ESLint and the CLI exit 0.
  'ejs-blog': {
    files: {
      'package.json': JSON.stringify({ name: 'ejs-blog', version: '1.0.0', main: 'app.js' }, null, 2),
      'eslint.config.mjs': SMALLEST_CONFIG,
      'app.js': `const path = require('path');
const express = require('express');
const ejs = require('ejs');

const app = express();
app.engine('html', ejs.renderFile);
app.set('views', path.join(__dirname, 'views'));
app.set('view engine', 'html');
app.use(express.static(path.join(__dirname, 'public')));

app.get('/', (req, res) => res.render('index', { posts: [], user: { name: 'guest' } }));
app.listen(process.env.PORT || 3000);
`,
      'views/index.html': `<!DOCTYPE html>
<html>
<head>
  <meta charset="utf-8">
  <title><%= title %></title>
  <script src="/js/jweixin-1.6.0.js"></script>
</head>
<body>
  <% include('partials/header') %>
  <ul id="posts"></ul>
  <script>
    var posts = <%- JSON.stringify(posts) %>;
    var visitor = '<%= user.name %>';
    <% if (posts.length) { %>
    document.getElementById('posts').textContent = posts.length + ' posts for ' + visitor;
    <% } %>
  </script>
</body>
</html>
`,
      'views/partials/header.ejs': `<header><a href="/">My blog</a></header>\n`,
      'public/js/jweixin-1.6.0.js': VENDORED_JSSDK,
      'data/saved-article.html': SAVED_ARTICLE,
    },
    expected: [],
  },
};
