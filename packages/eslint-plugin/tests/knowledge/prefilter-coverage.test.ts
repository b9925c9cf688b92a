/**
 * The prefilter's table covers every rule's triggers: the code of every invalid case of every rule test, and every
 * file of a test-fixtures project with an expected finding, passes the prefilter (the rule tests themselves run
 * with the gate on, so a miss there fails too; this test names the case and the file instead of a missing report).
 * The rule test files are imported with their tester replaced by a collector, so their cases are not repeated here.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { prefilterText } from '../../src/util/prefilter.js';
import { htmlBlocks } from '../../src/processors/html.js';
import { optionTriggered } from '../../src/util/skip-gate.js';

interface CollectedCase {
  rule: string;
  code: string;
  filename?: string;
  options?: readonly unknown[];
}

const collected = vi.hoisted(() => [] as CollectedCase[]);

vi.mock('../rule-tester.js', () => ({
  ESLINT_MAJOR: 10,
  runRuleTests(rule: string, _module: unknown, tests: { invalid: CollectedCase[] }) {
    for (const test of tests.invalid) collected.push({ ...test, rule });
  },
}));

const ruleTestModules = import.meta.glob('../rules/*.test.ts');
for (const load of Object.values(ruleTestModules)) await load();

const repositoryRoot = fileURLToPath(new URL('../../../..', import.meta.url));
const fixtureProjects = ['oa-h5', 'oa-h5-vue', 'oa-server-express', 'clean'];

/**
 * Whether the rules see anything in the file, as the gate decides (util/skip-gate.ts): a trigger word, or a string
 * of the rule's options (user-configured phrases, trackers); for a page, in at least one of its blocks.
 */
function passes(text: string, filename: string | undefined, options: readonly unknown[] = []): boolean {
  const blockPasses = (block: string) => prefilterText(block).verdict === 'lint' || optionTriggered(block, options);
  if (filename && /\.html?$/iu.test(filename)) return htmlBlocks(text).blocks.some((block) => blockPasses(block.text));
  return blockPasses(text);
}

describe('the prefilter covers every invalid case of every rule test', () => {
  it('collected the cases of every rule test file', () => {
    expect(new Set(collected.map((test) => test.rule)).size).toBe(Object.keys(ruleTestModules).length);
  });
  const missed = collected.filter((test) => !passes(test.code, test.filename, test.options));
  it('lets every invalid case through', () => {
    expect(missed.map((test) => `${test.rule}: ${test.code.slice(0, 120)}`)).toEqual([]);
  });
});

describe('the prefilter covers every expected finding of the test-fixtures projects', () => {
  for (const project of fixtureProjects) {
    it(project, () => {
      const dir = path.join(repositoryRoot, 'test-fixtures', project);
      const expected = JSON.parse(readFileSync(path.join(dir, 'expected.json'), 'utf8')) as { file: string }[];
      const files = [...new Set(expected.map((finding) => finding.file))];
      const missed = files.filter((file) => !passes(readFileSync(path.join(dir, file), 'utf8'), file));
      expect(missed).toEqual([]);
    });
  }
});
