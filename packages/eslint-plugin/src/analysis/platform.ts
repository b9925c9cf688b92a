import type { TSESTree } from '@typescript-eslint/utils';
import { MINI_PROGRAM_CONFIG_WORDS } from '../knowledge/credentials.js';
import { identifierWords } from '../util/name-words.js';
import type { ApiCall, ApiCallAnalysis } from './api-calls.js';

/**
 * Which Weixin platforms a file's code works for, decided from what it calls rather than from where it sits
 * (a `wxa/` folder or a file name says nothing): an Official Account when it calls an endpoint only Official
 * Accounts may call or makes an Official Account SDK client; a mini program when it calls a mini-program-only
 * endpoint or takes its credentials from a mini program's configuration (`config.mina.appid`). Checks that hold
 * for one platform only (valid-api-request's "mini-program endpoint called with an Official Account token") ask
 * for the evidence before they report (docs/architecture.md, precision first).
 */
export interface FilePlatform {
  /** Calls and SDK clients that show Official Account code. */
  officialAccount: readonly TSESTree.Node[];
  /** Calls that show mini program code. */
  miniProgram: readonly TSESTree.Node[];
  /** `official-account` or `mini-program` with evidence of one side only, `mixed` with both, else `unknown`. */
  kind: 'official-account' | 'mini-program' | 'mixed' | 'unknown';
}

/** The platform evidence of a file, from its API calls and SDK clients (the facade keeps it, once per file). */
export function platformOf({ calls, clients }: ApiCallAnalysis): FilePlatform {
  const officialAccount: TSESTree.Node[] = clients.map((client) => client.node);
  const miniProgram: TSESTree.Node[] = [];
  for (const call of calls) {
    if (usesMiniProgramCredentials(call)) miniProgram.push(call.node);
    else if (call.endpoint?.account === 'official-account') officialAccount.push(call.node);
    else if (call.endpoint?.account === 'mini-program') miniProgram.push(call.node);
  }
  const kind =
    officialAccount.length > 0 && miniProgram.length > 0
      ? 'mixed'
      : officialAccount.length > 0
        ? 'official-account'
        : miniProgram.length > 0
          ? 'mini-program'
          : 'unknown';
  return { officialAccount, miniProgram, kind };
}

function namesMiniProgram(name: string): boolean {
  const words = identifierWords(name).map((word) => word.toLowerCase());
  return words.some((word, index) => MINI_PROGRAM_CONFIG_WORDS.has(word) || MINI_PROGRAM_CONFIG_WORDS.has(word + (words[index + 1] ?? '')));
}

/**
 * True when the call takes a value from a mini program's configuration: a name of its URL, query or body
 * (`appid: config.mina.appid`, `` `…?appid=${weapp.appId}` ``) says so.
 */
export function usesMiniProgramCredentials(call: ApiCall): boolean {
  const roots: TSESTree.Node[] = [call.node];
  if (call.queryOption && call.queryOption !== 'dynamic') roots.push(call.queryOption);
  if (call.body) roots.push(call.body);
  // A bounded walk over the call's own expressions (not the callbacks it is handed).
  const stack = [...roots];
  let visited = 0;
  while (stack.length > 0 && visited < 500) {
    const node = stack.pop() as TSESTree.Node;
    visited++;
    if (node.type === 'Identifier' && namesMiniProgram(node.name)) return true;
    if (node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression') continue;
    for (const key of Object.keys(node) as (keyof typeof node)[]) {
      if (key === 'parent') continue;
      const value = node[key] as unknown;
      if (Array.isArray(value)) {
        for (const item of value) if (item && typeof item === 'object' && 'type' in item) stack.push(item as TSESTree.Node);
      } else if (value && typeof value === 'object' && 'type' in value) {
        stack.push(value as TSESTree.Node);
      }
    }
  }
  return false;
}
