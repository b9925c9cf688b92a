import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findingsOf, removeTempDirs, runCli, tempDir, writeFiles } from './helpers/cli.js';

afterAll(removeTempDirs);

const SECRET = "export const appSecret = '5e9d2c7a1b8f4e6d3c0a9b8e7f6d5c4b';\n";

function git(cwd: string, ...args: string[]): void {
  execFileSync('git', args, {
    cwd,
    stdio: 'ignore',
    env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' },
  });
}

const files = (dir: string, args: string[]) =>
  [...new Set(findingsOf(runCli(['--format', 'json', ...args], dir).stdout, dir).map((finding) => finding.file))];

describe('--changed', () => {
  let dir: string;
  beforeAll(() => {
    // main: two files with problems. feature branch: one committed change, one staged, one untracked.
    dir = tempDir();
    git(dir, 'init', '-q', '-b', 'main');
    writeFiles(dir, { 'src/old.js': SECRET, 'src/committed.js': SECRET, 'src/staged.js': SECRET, 'lib/old.js': SECRET });
    git(dir, 'add', '.');
    git(dir, 'commit', '-q', '-m', 'base');
    git(dir, 'checkout', '-q', '-b', 'feature');
    writeFiles(dir, { 'src/committed.js': `// edited\n${SECRET}` });
    git(dir, 'commit', '-q', '-am', 'edit');
    writeFiles(dir, { 'src/staged.js': `// staged\n${SECRET}` });
    git(dir, 'add', 'src/staged.js');
    writeFiles(dir, { 'src/untracked.js': SECRET, 'lib/new.js': SECRET });
  });

  it('lints files changed since the merge base with the default branch, plus uncommitted and untracked ones', () => {
    expect(files(dir, ['--changed'])).toEqual(['lib/new.js', 'src/committed.js', 'src/staged.js', 'src/untracked.js']);
  });

  it('takes a base: --changed=HEAD leaves only uncommitted and untracked files', () => {
    expect(files(dir, ['--changed=HEAD'])).toEqual(['lib/new.js', 'src/staged.js', 'src/untracked.js']);
  });

  it('intersects with the paths given', () => {
    expect(files(dir, ['--changed', 'src'])).toEqual(['src/committed.js', 'src/staged.js', 'src/untracked.js']);
  });

  it('exits 2 with one line outside a repository or for an unknown base', () => {
    const bad = runCli(['--changed=no-such-branch'], dir);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('wechat-oa-lint: --changed=no-such-branch: no such commit or branch in this repository\n');
    const outside = runCli(['--changed'], tempDir());
    expect(outside.status).toBe(2);
    expect(outside.stderr).toBe('wechat-oa-lint: --changed needs a git repository: run it inside one\n');
  });

  it('also lints the files that import a changed module, directly or through another', () => {
    const project = tempDir();
    git(project, 'init', '-q', '-b', 'main');
    writeFiles(project, {
      'src/nav.js': 'export function go(url) {\n  window.location.href = url;\n}\n',
      'src/helpers.js': "export { go } from './nav.js';\n",
      'src/landing.js': "import { go } from './helpers.js';\ngo('https://partner.example.com/');\n",
      'src/other.js': "import { go } from './nav.js';\ndocument.body.addEventListener('click', () => go('/'));\n",
      'src/unrelated.js': SECRET,
    });
    git(project, 'add', '.');
    git(project, 'commit', '-q', '-m', 'base');
    git(project, 'checkout', '-q', '-b', 'feature');
    writeFiles(project, { 'src/nav.js': '// reworded\nexport function go(url) {\n  window.location.href = url;\n}\n' });
    // nav.js itself reports nothing; landing.js reaches its navigation through helpers.js.
    expect(files(project, ['--changed'])).toEqual(['src/landing.js']);
  });
});
