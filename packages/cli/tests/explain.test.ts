import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, runCli } from './helpers/cli.js';
import { scratchProject } from './helpers/project.js';

afterAll(removeTempDirs);

const FILES = {
  '.wechat-oa.json': JSON.stringify({ ownHosts: ['shop.example.com'] }),
  'src/jump.js': "if (!sessionStorage.getItem('seen')) location.href = 'https://promo.example.net/landing';\n",
  'src/math.js': 'export const sum = (a, b) => a + b;\n',
  'public/sdk.js': '!function(e){e.wx=e.jWeixin={config:function(){}}}(window);\n',
  'public/saved.html':
    '<!-- saved from url=(0032)https://news.example.org/a.html -->\n<html><body><script>location.replace("https://x.example.net/");</script></body></html>\n',
  'views/page.html': '<html><body><script>\nwindow.<%= callback %> = function () {};\n</script></body></html>\n',
};

describe('--explain FILE', () => {
  const cwd = scratchProject(FILES);

  it('names the trigger words by group with their lines, and the facts the model got', () => {
    const run = runCli(['--explain', 'src/jump.js'], cwd);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('  settings: .wechat-oa.json');
    expect(run.stdout).toContain('  linted: 2 trigger word(s)');
    expect(run.stdout).toContain('    stores: sessionStorage (line 1)');
    expect(run.stdout).toContain('    navigation: location (line 1)');
    expect(run.stdout).toContain('  facts: browser code; 0 request(s), 1 navigation(s), 0 SDK client(s)');
    expect(run.stdout).toContain('    navigation line 1: location-assignment');
  });

  it('says why a file gets no facts: no trigger word, a vendored copy, a saved page', () => {
    expect(runCli(['--explain', 'src/math.js'], cwd).stdout).toContain('skipped: no trigger word');
    expect(runCli(['--explain', 'public/sdk.js'], cwd).stdout).toContain('skipped: a vendored copy (the JS-SDK');
    const saved = runCli(['--explain', 'public/saved.html'], cwd).stdout;
    expect(saved).toContain("skipped: a saved copy of another site's page (saved-from https://news.example.org/a.html)");
    expect(saved).toContain('facts: none built (the rules skip this file)');
  });

  it('says which template scripts were skipped', () => {
    expect(runCli(['--explain', 'views/page.html'], cwd).stdout).toContain(
      'template script at line 1: skipped, it parses neither as written nor with its tags masked',
    );
  });

  it('is a usage error without a file', () => {
    const run = runCli(['--explain', 'src'], cwd);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('wechat-oa-lint: --explain needs a file; src is not one\n');
  });
});
