/**
 * The inventory runs as an ESLint rule so that it sees each file exactly as the rules do (parser, processors,
 * shared analysis). It reports nothing: it hands each file's entries to the caller's sink. Not part of any preset.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import path from 'node:path';
import { getFileAnalysis } from '../analysis/index.js';
import { UNSUBSCRIBE_EVENT } from '../knowledge/backend-stores.js';
import { createRule } from '../util/createRule.js';
import { collectFileInventory } from './collect.js';
import type { InventoryEntry } from './types.js';

export interface FileInventory {
  /** Absolute path of the file (the physical file for blocks of an HTML page). */
  filePath: string;
  entries: InventoryEntry[];
  unsubscribeHandlers: number[];
}

/** A rule that collects the inventory of every file it runs on into `sink`, with paths relative to `root`. */
export function createInventoryCollector(root: string, sink: (file: FileInventory) => void) {
  return createRule({
    name: 'inventory',
    meta: {
      type: 'suggestion',
      docs: {
        description: 'Collects the data inventory (used by `wechat-oa-lint inventory`; reports nothing).',
        descriptionZh: '收集数据清单（供 `wechat-oa-lint inventory` 使用；不报告问题）。',
        clause: 'S4',
        recommended: false,
      },
      messages: { never: '[S4] The inventory collector reports nothing.' },
      schema: [],
    },
    messagesZh: { never: '[S4] 数据清单收集器不报告问题。' },
    defaultOptions: [],
    // The inventory lists every store of every file, with or without a trigger word.
    prefilter: false,
    create(context) {
      const calls: TSESTree.CallExpression[] = [];
      const assignments: TSESTree.AssignmentExpression[] = [];
      const unsubscribeLiterals: TSESTree.Literal[] = [];
      return {
        CallExpression(node) {
          calls.push(node);
        },
        AssignmentExpression(node) {
          assignments.push(node);
        },
        Literal(node) {
          if (typeof node.value === 'string' && node.value.toLowerCase() === UNSUBSCRIBE_EVENT) unsubscribeLiterals.push(node);
        },
        'Program:exit'() {
          const filePath = context.physicalFilename ?? context.filename;
          const file = path.relative(root, filePath).split(path.sep).join('/');
          const analysis = getFileAnalysis(context);
          const { entries, unsubscribeHandlers } = collectFileInventory({ analysis, calls, assignments, unsubscribeLiterals, file });
          sink({ filePath, entries, unsubscribeHandlers });
        },
      };
    },
  });
}
