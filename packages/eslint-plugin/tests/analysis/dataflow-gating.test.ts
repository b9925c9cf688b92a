/**
 * Checks that gate an operation (SPEC §3.1): a table of `op()` calls, each gated or not by a `check()` call, run
 * inside a real ESLint 10 lint; the answer is read after the Program's onCodePathEnd, as the rules do.
 */
import tsParser from '@typescript-eslint/parser';
import type { TSESTree } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { CodePathFacts } from '../../src/analysis/code-paths.js';
import { isGated } from '../../src/analysis/dataflow/index.js';

const linter = new Linter({ configType: 'flat' });

function gated(code: string): boolean[] {
  const probe = {
    meta: { type: 'problem' as const, schema: [] },
    create(context: { report(descriptor: object): void }) {
      // The file's one code path collector, as `defineAnalysisVisitor` registers it for the rules.
      const facts = new CodePathFacts();
      const listeners = facts.listeners() as Record<string, (...args: unknown[]) => void>;
      const ops: TSESTree.CallExpression[] = [];
      const isCheck = (call: TSESTree.CallExpression) => call.callee.type === 'Identifier' && call.callee.name === 'check';
      return {
        ...listeners,
        CallExpression(node: TSESTree.CallExpression) {
          listeners.CallExpression(node);
          if (node.callee.type === 'Identifier' && node.callee.name === 'op') ops.push(node);
        },
        onCodePathEnd(codePath: unknown, node: TSESTree.Node) {
          listeners.onCodePathEnd(codePath, node);
          if (node.type !== 'Program') return;
          for (const op of ops) {
            const resultOf = (identifier: TSESTree.Identifier) => {
              // Test helper: `const name = <init>` declared anywhere in the program.
              let found: TSESTree.Node | undefined;
              const visit = (statement: TSESTree.Node) => {
                if (statement.type === 'VariableDeclaration') {
                  for (const declarator of statement.declarations) {
                    if (declarator.id.type === 'Identifier' && declarator.id.name === identifier.name && declarator.init) found = declarator.init;
                  }
                }
                if ('body' in statement && Array.isArray((statement as { body: unknown }).body)) for (const child of (statement as { body: TSESTree.Node[] }).body) visit(child);
                if ('body' in statement && statement.body && !Array.isArray(statement.body) && typeof statement.body === 'object') visit(statement.body as TSESTree.Node);
              };
              visit(node);
              return found;
            };
            context.report({ node: op, message: String(isGated(facts, op, isCheck, resultOf)) });
          }
        },
      };
    },
  };
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.js'],
        plugins: { probe: { rules: { gated: probe as never } } },
        languageOptions: { parser: tsParser as Linter.Parser },
        rules: { 'probe/gated': 'error' },
      },
    ],
    { filename: 'src/file.js' },
  );
  const fatal = messages.find((message) => message.fatal);
  if (fatal) throw new Error(fatal.message);
  return messages.map((message) => message.message === 'true');
}

const table: [construct: string, code: string, expected: boolean[]][] = [
  ['no check', 'function f() { op(); }', [false]],
  ['a check whose result is ignored', 'async function f() { await check(); op(); }', [false]],
  ['inside the if on the check', 'async function f() { if (await check()) { op(); } }', [true]],
  ['early return when the check fails', 'async function f() { if (!(await check())) return; op(); }', [true]],
  ['early throw in a block', 'async function f() { if (!(await check())) { log(); throw new Error("no"); } op(); }', [true]],
  ['a branch that does not always leave', 'async function f(x) { if (!(await check())) { if (x) return; } op(); }', [false]],
  ['both nested branches leave', 'async function f(x) { if (!(await check())) { if (x) return; else throw x; } op(); }', [true]],
  ['through a variable', 'async function f() { const ok = await check(); if (!ok) return; op(); }', [true]],
  ['continue in a loop', 'async function f(list) { for (const x of list) { if (!(await check(x))) continue; op(x); } }', [true]],
  ['the then callback of the check', 'function f() { check().then((ok) => { if (ok) op(); }); }', [true]],
  ['a callback handed to the check', 'function f() { check(() => op()); }', [true]],
  ['&& on the check', 'async function f() { (await check()) && op(); }', [true]],
  ['before the check', 'async function f() { op(); if (!(await check())) return; }', [false]],
  ['an argument of the check is no gate', 'function f() { check(op()); }', [false]],
  ['an if on something else', 'function f(x) { if (!x) return; op(); }', [false]],
];

describe('gating (code path analysis)', () => {
  it.each(table)('%s', (_construct, code, expected) => {
    expect(gated(code)).toEqual(expected);
  });
});
