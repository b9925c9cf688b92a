import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../usage-error.js';

/**
 * Files changed against `base` (empty: the merge base with the default branch), plus uncommitted and untracked
 * files, as absolute paths. Deleted files are left out: there is nothing to lint.
 */
export function changedFiles(cwd: string, base: string): Set<string> {
  const top = git(cwd, ['rev-parse', '--show-toplevel'], '--changed needs a git repository: run it inside one');
  const since = base ? resolveBase(cwd, base) : defaultBase(cwd);
  const listed = [
    // Against the base commit, the work tree: committed, staged and unstaged changes at once.
    ...lines(git(cwd, ['diff', '--name-only', '--no-renames', '--diff-filter=d', since, '--'])),
    ...lines(git(cwd, ['ls-files', '--others', '--exclude-standard'], undefined, top)),
  ];
  return new Set(listed.map((file) => path.join(top, file)).filter((file) => existsSync(file)));
}

function resolveBase(cwd: string, base: string): string {
  const commit = tryGit(cwd, ['rev-parse', '--verify', '--quiet', `${base}^{commit}`]);
  if (!commit) throw new UsageError(`--changed=${base}: no such commit or branch in this repository`);
  return commit;
}

/**
 * The merge base of HEAD with the default branch: the remote's HEAD when a remote is set, else a local `main`
 * or `master`. Without any of them (a repository with one branch and no remote), HEAD: only uncommitted and
 * untracked files count as changed.
 */
function defaultBase(cwd: string): string {
  const head = tryGit(cwd, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']);
  if (!head) return emptyTree(cwd);
  const candidates = [
    tryGit(cwd, ['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD']),
    'origin/main',
    'origin/master',
    'main',
    'master',
  ];
  for (const branch of candidates) {
    if (!branch || !tryGit(cwd, ['rev-parse', '--verify', '--quiet', `${branch}^{commit}`])) continue;
    const base = tryGit(cwd, ['merge-base', 'HEAD', branch]);
    if (base) return base;
  }
  return head;
}

/** A repository without commits: everything in it is new. */
function emptyTree(cwd: string): string {
  return git(cwd, ['hash-object', '-t', 'tree', '/dev/null']);
}

function lines(output: string): string[] {
  return output.split('\n').filter(Boolean);
}

function git(cwd: string, args: string[], failure?: string, runIn = cwd): string {
  try {
    return execFileSync('git', args, { cwd: runIn, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  } catch (error) {
    const reason = (error as { stderr?: string }).stderr?.trim().split('\n')[0] ?? String(error);
    throw new UsageError(failure ?? `--changed: git ${args[0]} failed: ${reason}`);
  }
}

function tryGit(cwd: string, args: string[]): string | undefined {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || undefined;
  } catch {
    return undefined;
  }
}
