/**
 * The data-flow analysis (docs/architecture.md, data flow): user-data labels on values, and the checks that gate
 * operations. Computed once per file and read by every rule through `getFileAnalysis(context).dataFlow`.
 */
import type { TSESLint } from '@typescript-eslint/utils';
import { fileKey } from '../ast.js';
import { DataFlow, type DataFlowFacts, type DataFlowSettings } from './engine.js';

export { DataFlow, type DataFlowFacts, type DataFlowSettings, calleeName, memberPath, staticPropertyName } from './engine.js';
export { isGated } from './gating.js';
export * from './labels.js';
export { kindsOfName } from './names.js';

const SANITIZER_KEYS = ['maskers', 'anonymizers', 'encryptors'] as const;

const keyOfSettings = new WeakMap<DataFlowSettings, string>();

// Memoised per settings object: every rule that reads `dataFlow` asks for it, and settings objects are not mutated.
function settingsKey(settings: DataFlowSettings): string {
  let key = keyOfSettings.get(settings);
  if (key === undefined) {
    key = SANITIZER_KEYS.map((name) => [...settings[name]].sort().join(',')).join('|') + `|${JSON.stringify(settings.accounts)}`;
    keyOfSettings.set(settings, key);
  }
  return key;
}

const byFile = new WeakMap<object, Map<string, DataFlow>>();

/**
 * The file's data flow under `settings`. Every rule with default options shares one; a rule whose own options add
 * sanitizer names (which change what counts as sanitized) gets one of its own, also computed once per file.
 */
export function dataFlowFor(sourceCode: Readonly<TSESLint.SourceCode>, settings: DataFlowSettings, facts: DataFlowFacts): DataFlow {
  let flows = byFile.get(fileKey(sourceCode));
  if (!flows) byFile.set(fileKey(sourceCode), (flows = new Map()));
  const key = settingsKey(settings);
  let flow = flows.get(key);
  if (!flow) flows.set(key, (flow = new DataFlow(sourceCode, settings, facts)));
  return flow;
}
export { firstDeclaredFunction } from './declared.js';
export { globalPath, plaintextSinkOf, type PlaintextSink, type PlaintextSinkKind } from './sinks.js';
export { type Destination, destinationOfUrls, requestPayload, trackerOfCall } from './destinations.js';
export { type KeepSink, keepSinksOf } from './session-sinks.js';
