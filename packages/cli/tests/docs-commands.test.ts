/**
 * Every `wechat-oa-lint` command the READMEs and docs/ci.md show (in code blocks: shell, YAML, JSON) is accepted
 * by the CLI's option parser, so a copied command never stops with a usage error.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLintArgs } from '../src/args.js';
import { REPO_ROOT } from './helpers/cli.js';

const DOCS = ['README.md', 'docs/ci.md', 'packages/cli/README.md', 'packages/eslint-plugin/README.md'];

/** `[doc, command line]` for every lint command in a fenced block (the `inventory` subcommand has its own parser). */
function commands(): [string, string][] {
  const found: [string, string][] = [];
  for (const doc of DOCS) {
    const text = readFileSync(path.join(REPO_ROOT, doc), 'utf8');
    for (const block of text.matchAll(/^```[a-z]*\n([\s\S]*?)^```$/gmu)) {
      for (const line of block[1].split('\n')) {
        // `npx [--no-install] wechat-oa-lint …` in shell and YAML, `"wechat-oa-lint …"` as a JSON value.
        const match = /(?:npx (?:--no-install )?|": ")wechat-oa-lint\b(.*)$/u.exec(line);
        if (!match) continue;
        const args = match[1].replace(/\s+#.*$/u, '').replace(/"\s*,?\s*$/u, '').trim();
        if (!/^inventory\b/u.test(args)) found.push([doc, args]);
      }
    }
  }
  return found;
}

/** Shell words of an argument string, with CI variables (`${{ github.base_ref }}`, `$CI_…`) given a value. */
function words(args: string): string[] {
  const expanded = args.replaceAll(/\$\{\{[^}]*\}\}/gu, 'main').replaceAll(/\$[A-Z_]+/gu, 'main');
  return [...expanded.matchAll(/(?:[^\s"']+|"[^"]*"|'[^']*')+/gu)].map((word) => word[0].replaceAll(/["']/gu, ''));
}

describe('commands in the docs', () => {
  const found = commands();

  it('the docs show commands', () => {
    expect(found.length).toBeGreaterThan(5);
  });

  it.each(found)('%s: `wechat-oa-lint %s` parses', (_doc, args) => {
    expect(() => parseLintArgs(words(args))).not.toThrow();
  });
});
