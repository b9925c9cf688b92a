// The status-bar item's content from the server state and the problem count. Pure (the translator is passed
// in), so it is unit-tested without VS Code.
import { DIAGNOSTIC_SOURCE } from './protocol.js';

export type ServerState = 'starting' | 'running' | 'stopped' | 'failed';
export type Translate = (message: string, ...args: Array<string | number>) => string;

export interface StatusContent {
  text: string;
  tooltip: string;
  /** True when the item should draw attention (the server is not running). */
  error: boolean;
}

/** Counts problems that came from the server (`source: "wechat-oa"`), in every open and closed file. */
export function countProblems(diagnostics: ReadonlyArray<readonly [unknown, ReadonlyArray<{ source?: string }>]>): number {
  let count = 0;
  for (const [, list] of diagnostics) for (const d of list) if (d.source === DIAGNOSTIC_SOURCE) count++;
  return count;
}

export function statusContent(state: ServerState, problems: number, t: Translate): StatusContent {
  switch (state) {
    case 'starting':
      return { text: '$(sync~spin) WeChat OA', tooltip: t('WeChat OA Lint: starting the language server'), error: false };
    case 'running':
      return {
        text: problems === 0 ? '$(check) WeChat OA' : `$(warning) WeChat OA: ${problems}`,
        tooltip: problems === 1 ? t('WeChat OA Lint: 1 problem') : t('WeChat OA Lint: {0} problems', problems),
        error: false,
      };
    case 'stopped':
      return { text: '$(circle-slash) WeChat OA', tooltip: t('WeChat OA Lint: the language server is stopped'), error: true };
    case 'failed':
      return { text: '$(error) WeChat OA', tooltip: t('WeChat OA Lint: the language server failed; click to see the output'), error: true };
  }
}
