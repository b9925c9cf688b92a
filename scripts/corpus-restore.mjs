// Restores the real-code corpus listed in ../shared/corpus/manifest.tsv from local git snapshots (the search
// tool's fetch puts them under /work/.mirror/<owner>+<name>/repo), at the listed commit, keeping only the files the
// rules read. The corpus lives outside the work tree and is never committed.
//
//   node scripts/corpus-restore.mjs [--manifest FILE] [--mirror DIR] [--corpus DIR]
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    manifest: { type: 'string', default: resolve(root, '../shared/corpus/manifest.tsv') },
    mirror: { type: 'string', default: '/work/.mirror' },
    corpus: { type: 'string', default: process.env.WECHAT_OA_CORPUS ?? join(homedir(), '.cache/wechat-oa-lint/corpus') },
  },
});

const KEEP = /\.(?:js|mjs|cjs|ts|tsx|jsx|vue|html|htm)$|(?:^|\/)(?:package\.json|tsconfig[^/]*\.json|jsconfig[^/]*\.json|LICEN[CS]E[^/]*|README[^/]*)$/i;
const DROP = /(?:^|\/)(?:node_modules|dist|build|vendor|bower_components|coverage)\/|\.min\./;
const MAX_BYTES = 512 * 1024;

function gitDirOf(source) {
  const base = join(values.mirror, source.replace('/', '+'), 'repo');
  for (const candidate of [base, join(base, '.git')]) if (existsSync(join(candidate, 'objects'))) return candidate;
  return undefined;
}

const rows = readFileSync(values.manifest, 'utf8').trim().split('\n').slice(1).map((line) => line.split('\t'));
let files = 0;
let bytes = 0;
const missing = [];
for (const [dir, source, commit] of rows) {
  const gitDir = gitDirOf(source);
  if (!gitDir) {
    missing.push(`${source} (fetch it first)`);
    continue;
  }
  const git = (...args) => execFileSync('git', ['--git-dir', gitDir, ...args], { maxBuffer: 1 << 28 });
  const target = join(values.corpus, dir);
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  const listing = git('ls-tree', '-r', '-l', '-z', commit).toString('utf8').split('\0').filter(Boolean);
  for (const entry of listing) {
    const tab = entry.indexOf('\t');
    const [mode, type, object, size] = entry.slice(0, tab).split(/\s+/);
    const path = entry.slice(tab + 1);
    // Symbolic links (mode 120000) hold a target path, not code: written out as text they would not parse.
    if (type !== 'blob' || mode === '120000' || !KEEP.test(path) || DROP.test(path) || Number(size) > MAX_BYTES) continue;
    let content;
    try {
      content = git('cat-file', 'blob', object);
    } catch {
      continue; // a blob missing from the snapshot: skip it, as the corpus README says
    }
    mkdirSync(dirname(join(target, path)), { recursive: true });
    writeFileSync(join(target, path), content);
    files += 1;
    bytes += content.length;
  }
}
console.log(`${rows.length - missing.length} repositories, ${files} files, ${(bytes / 1048576).toFixed(1)} MB in ${values.corpus}`);
if (missing.length > 0) {
  console.error(`Not restored: ${missing.join(', ')}`);
  process.exit(1);
}
