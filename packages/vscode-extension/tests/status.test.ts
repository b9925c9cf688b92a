import { describe, expect, it } from 'vitest';
import { countProblems, statusContent, type Translate } from '../src/status.js';

/** vscode.l10n.t's English behaviour: `{0}` placeholders filled in. */
const t: Translate = (message, ...args) => message.replace(/\{(\d+)\}/gu, (_m, i: string) => String(args[Number(i)]));

describe('countProblems', () => {
  it('counts only diagnostics from the wechat-oa source', () => {
    const diagnostics = [
      ['a.js', [{ source: 'wechat-oa' }, { source: 'eslint' }, { source: 'wechat-oa' }]],
      ['b.vue', [{}, { source: 'wechat-oa' }]],
      ['c.ts', []],
    ] as const;
    expect(countProblems(diagnostics)).toBe(3);
  });
});

describe('statusContent', () => {
  it('shows the problem count while running', () => {
    expect(statusContent('running', 0, t)).toEqual({ text: '$(check) WeChat OA', tooltip: 'WeChat OA Lint: 0 problems', error: false });
    expect(statusContent('running', 1, t)).toEqual({ text: '$(warning) WeChat OA: 1', tooltip: 'WeChat OA Lint: 1 problem', error: false });
    expect(statusContent('running', 12, t)).toEqual({ text: '$(warning) WeChat OA: 12', tooltip: 'WeChat OA Lint: 12 problems', error: false });
  });

  it('flags a stopped or failed server', () => {
    expect(statusContent('starting', 0, t)).toEqual({
      text: '$(sync~spin) WeChat OA',
      tooltip: 'WeChat OA Lint: starting the language server',
      error: false,
    });
    expect(statusContent('stopped', 4, t)).toEqual({
      text: '$(circle-slash) WeChat OA',
      tooltip: 'WeChat OA Lint: the language server is stopped',
      error: true,
    });
    expect(statusContent('failed', 4, t)).toEqual({
      text: '$(error) WeChat OA',
      tooltip: 'WeChat OA Lint: the language server failed; click to see the output',
      error: true,
    });
  });
});
