/**
 * What embedded mode leaves out of HTML pages is said on stderr, never reported as a problem: one note per page
 * whose template scripts cannot be linted (a server-side view), one note per run counting the saved copies of
 * other sites' pages and saying how to lint them anyway. The exit code and the report stay what the findings make
 * them; in project mode the project's own config decides and nothing is said.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { findingsOf, removeTempDirs, runCli, tempDir, writeFiles } from './helpers/cli.js';
import { scratchProject } from './helpers/project.js';

afterAll(removeTempDirs);

const MODE_LINE = (files: number) =>
  `wechat-oa-lint: linting ${files} file${files === 1 ? '' : 's'} with the embedded recommended preset (no ESLint config enabling wechat-oa rules found)\n`;

/**
 * An order page of a server-rendered shop: the first script parses once its output tag is masked (linted, so its
 * http:// URL is reported); the other two put tags where no expression can stand (skipped), and the button's
 * handler is written by the server.
 */
const ORDER_VIEW = `<!doctype html>
<html>
<body>
  <button onclick="cancelOrder('<%= order.no %>')">cancel</button>
  <script>
    var order = <%- JSON.stringify(order) %>;
    fetch('http://api.weixin.qq.com/cgi-bin/user/info?openid=' + order.openid);
  </script>
  <script>
    shop.<%= trackerName %>('order-view');
  </script>
  <script>
    var badgeWidth = {{ badge.width }}px;
  </script>
</body>
</html>
`;

/** A view whose one script names a method with a tag: skipped, and otherwise clean. */
const WIDGET_VIEW = '<p>x</p>\n<script>\n  widgets.<%= name %>.mount();\n</script>\n';

/** A view whose one script parses once its Jinja tags are masked: nothing skipped, nothing to say. */
const PROFILE_VIEW = `<html><body><script>
  {% if member %}
  var memberLevel = {{ member.level }};
  {% endif %}
</script></body></html>
`;

/** A magazine article kept as test data, saved by a browser: its scripts are the magazine's, not this project's. */
const SAVED_ARTICLE = `<!DOCTYPE html>
<!-- saved from url=(0046)https://magazine.example.org/2025/spring/tea -->
<html><head><title>Spring tea</title></head>
<body>
<script>if (!/MicroMessenger/.test(navigator.userAgent)) location.replace('http://magazine.example.org/m/tea');</script>
<p>本刊为腾讯官方合作伙伴</p>
</body></html>
`;

/** A page scraped by a debugging script: its canonical link names the site it came from. */
const SCRAPED_PAGE = `<html><head><link rel="canonical" href="https://recipes.example.net/dumplings"></head>
<body><script>var appSecret = '5e9d2c7a1b8f4e6d3c0a9b8e7f6d5c4b';</script></body></html>
`;

/** The project's own landing page, which names its own host as canonical. */
const OWN_LANDING = `<html><head><link rel="canonical" href="https://shop.example.com/"></head>
<body><p>欢迎光临</p></body></html>
`;

describe('template scripts that cannot be linted', () => {
  it('get one note per page, no problem, and the rest of the page is linted', () => {
    const dir = tempDir();
    writeFiles(dir, { 'views/order.html': ORDER_VIEW, 'views/profile.html': PROFILE_VIEW });
    const run = runCli(['--format', 'json'], dir);
    expect(run.stderr).toBe(
      MODE_LINE(2) +
        'wechat-oa-lint: views/order.html: the template scripts at lines 9, 12 were not linted (they parse neither as written ' +
        'nor with their tags masked); 1 on* attribute holding template tags was not linted either\n',
    );
    // The masked script is linted: its request is reported; no parse error anywhere.
    expect(findingsOf(run.stdout, dir)).toEqual([
      { file: 'views/order.html', rule: 'wechat-oa/valid-api-request', line: 7, column: 5 },
      { file: 'views/order.html', rule: 'wechat-oa/require-https', line: 7, column: 11 },
    ]);
  });

  it('says "script" for one, with the path as given from the current folder', () => {
    const dir = tempDir();
    writeFiles(dir, { 'site/views/widget.htm': WIDGET_VIEW });
    const run = runCli(['site'], dir);
    expect(run.stderr).toBe(
      MODE_LINE(1) +
        'wechat-oa-lint: site/views/widget.htm: the template script at line 2 was not linted (it parses neither as written nor with its tags masked)\n',
    );
    expect(run.status).toBe(0);
  });
});

describe("saved copies of other sites' pages", () => {
  const files = {
    'test/data/tea-article.html': SAVED_ARTICLE,
    'debug/dumplings.html': SCRAPED_PAGE,
    'public/index.html': OWN_LANDING,
  };

  it('are counted in one note that says how to lint them, and the run stays clean', () => {
    const dir = tempDir();
    writeFiles(dir, files);
    const run = runCli(['--format', 'json'], dir);
    expect(findingsOf(run.stdout, dir)).toEqual([]);
    expect(run.stderr).toBe(
      MODE_LINE(3) +
        `wechat-oa-lint: 3 saved copies of other sites' pages were not linted (a "saved from url" comment, or a <base>, canonical ` +
        `link or og:url on another host); to lint them anyway, set "lintSavedPages": true in .wechat-oa.json, or add the host ` +
        'to ownHosts if it is your own\n',
    );
    expect(run.status).toBe(0);
  });

  it('are not counted once their host is in ownHosts (a saved-from comment still counts)', () => {
    const dir = tempDir();
    writeFiles(dir, { ...files, '.wechat-oa.json': '{ "ownHosts": ["shop.example.com", "recipes.example.net"] }' });
    const run = runCli(['--format', 'json'], dir);
    expect(run.stderr.split('\n').slice(1)).toEqual([
      `wechat-oa-lint: 1 saved copy of another site's page was not linted (a "saved from url" comment, or a <base>, canonical ` +
        `link or og:url on another host); to lint it anyway, set "lintSavedPages": true in .wechat-oa.json, or add the host ` +
        'to ownHosts if it is your own',
      '',
    ]);
    // The scraped page is linted now: its secret is reported.
    expect(findingsOf(run.stdout, dir)).toEqual([{ file: 'debug/dumplings.html', rule: 'wechat-oa/no-hardcoded-credentials', line: 2, column: 31 }]);
  });

  it('are linted, with no note, under "lintSavedPages": true', () => {
    const dir = tempDir();
    writeFiles(dir, { ...files, '.wechat-oa.json': '{ "ownHosts": ["shop.example.com"], "lintSavedPages": true }' });
    const run = runCli(['--format', 'json'], dir);
    expect(run.stderr).toBe(MODE_LINE(3).replace('found)', 'found, settings from .wechat-oa.json)'));
    const linted = new Set(findingsOf(run.stdout, dir).map((finding) => finding.file));
    expect([...linted].sort()).toEqual(['debug/dumplings.html', 'test/data/tea-article.html']);
    expect(run.status).toBe(1);
  });
});

describe('project mode', () => {
  it("says nothing about pages: the project's config decides what it lints", () => {
    const dir = scratchProject({
      'eslint.config.js': "import wechatOa from 'eslint-plugin-wechat-oa';\nexport default wechatOa.configs.recommended;\n",
      'views/widget.html': WIDGET_VIEW,
      'test/data/tea-article.html': SAVED_ARTICLE,
    });
    const run = runCli(['--format', 'json'], dir);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});
