import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, runCli, tempDir, writeFiles } from './helpers/cli.js';

afterAll(removeTempDirs);

const SECRET = "export const appSecret = '5e9d2c7a1b8f4e6d3c0a9b8e7f6d5c4b';\n";

function lintedFiles(dir: string, args: string[] = []): string[] {
  const run = runCli(['--format', 'json', ...args], dir);
  return (JSON.parse(run.stdout) as { filePath: string }[]).map((result) =>
    path.relative(dir, result.filePath).split(path.sep).join('/'),
  );
}

describe('ignores in embedded mode', () => {
  it('skips node_modules, dist, build, coverage, minified bundles and vendored JS-SDK copies', () => {
    const dir = tempDir();
    writeFiles(dir, {
      'src/app.js': SECRET,
      'node_modules/sdk/index.js': SECRET,
      'dist/app.js': SECRET,
      'packages/web/build/app.js': SECRET,
      'coverage/lcov-report/prettify.js': SECRET,
      'public/vendor.min.js': SECRET,
      'public/jweixin-1.6.0.js': SECRET,
      'public/app.js': SECRET,
      'scripts/distribute.js': SECRET,
    });
    expect(lintedFiles(dir)).toEqual(['public/app.js', 'scripts/distribute.js', 'src/app.js']);
  });

  it('honours every .gitignore, nested ones relative to their folder, with re-includes', () => {
    const dir = tempDir();
    writeFiles(dir, {
      '.gitignore': 'generated/\n*.local.js\n',
      'generated/routes.js': SECRET,
      'src/app.js': SECRET,
      'src/settings.local.js': SECRET,
      'src/legacy/.gitignore': 'old-*.js\n!old-but-shipped.js\n',
      'src/legacy/old-share.js': SECRET,
      'src/legacy/old-but-shipped.js': SECRET,
      'src/legacy/coupon.js': SECRET,
      'other/old-share.js': SECRET,
    });
    expect(lintedFiles(dir)).toEqual([
      'other/old-share.js',
      'src/app.js',
      'src/legacy/coupon.js',
      'src/legacy/old-but-shipped.js',
    ]);
  });

  it('reads the .gitignore files above a linted subfolder up to the top of the git work tree', () => {
    const dir = tempDir();
    writeFiles(dir, {
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.gitignore': 'secrets/\n',
      'web/src/app.js': SECRET,
      'web/src/secrets/keys.js': SECRET,
    });
    const run = runCli(['--format', 'json', '.'], path.join(dir, 'web'));
    const files = (JSON.parse(run.stdout) as { filePath: string }[]).map((result) => path.relative(dir, result.filePath));
    expect(files).toEqual([path.join('web', 'src', 'app.js')]);
  });

  it('lints a file named on the command line even when an ignore pattern matches it', () => {
    const dir = tempDir();
    writeFiles(dir, { 'dist/app.js': SECRET, 'src/app.js': SECRET });
    expect(lintedFiles(dir, ['dist/app.js'])).toEqual(['dist/app.js']);
  });
});
