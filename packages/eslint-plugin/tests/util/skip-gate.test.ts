import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { createRule } from '../../src/util/createRule.js';

/** A rule made by createRule that records every file it got listeners for. */
function probe(seen: string[]) {
  return createRule({
    name: 'probe',
    meta: {
      type: 'problem',
      docs: { description: 'Records files.', descriptionZh: '记录文件。', clause: 'S10', recommended: false },
      messages: { never: '[S10] never' },
      schema: [{ type: 'object', properties: { words: { type: 'array', items: { type: 'string' } } }, additionalProperties: false }],
    },
    messagesZh: { never: '[S10] never' },
    defaultOptions: [{}],
    create(context) {
      return { Program: () => void seen.push(context.filename) };
    },
  });
}

function run(code: string, settings: Record<string, unknown> = {}, options: unknown[] = []) {
  const seen: string[] = [];
  const linter = new Linter();
  linter.verify(code, {
    plugins: { test: { rules: { probe: probe(seen) as never } } },
    rules: { 'test/probe': ['error', ...options] as never },
    settings: { 'wechat-oa': settings },
  }, 'src/file.js');
  return seen.length > 0;
}

describe('the gate of createRule', () => {
  it('runs a rule on a file with a trigger word and skips one without', () => {
    expect(run("location.href = next;")).toBe(true);
    expect(run('export const sum = (a, b) => a + b;')).toBe(false);
  });

  it('skips a vendored copy unless lintVendored, and skips nothing with prefilter: false', () => {
    const sdk = '!function(e){e.wx=e.jWeixin={config:function(){}}}(window);';
    expect(run(sdk)).toBe(false);
    expect(run(sdk, { lintVendored: true })).toBe(true);
    expect(run('export const sum = (a, b) => a + b;', { prefilter: false })).toBe(true);
  });

  it('runs a rule whose own options name a word of the file', () => {
    expect(run("import { record } from '@acme/replay';", {}, [{ words: ['@acme/replay'] }])).toBe(true);
  });
});
