import { parse } from '@typescript-eslint/parser';
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { alwaysLeaves, regionContains } from '../../src/analysis/code-paths-ast.js';

// The tree's answers for engines without code path events: "leaves" and "guarded" only where provable.

function program(code: string): TSESTree.Program {
  const ast = parse(code, { range: true, loc: true, ecmaVersion: 'latest', sourceType: 'module' }) as TSESTree.Program;
  const stack: TSESTree.Node[] = [ast];
  while (stack.length > 0) {
    const node = stack.pop() as TSESTree.Node;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'parent') continue;
      for (const child of Array.isArray(value) ? value : [value]) {
        if (child && typeof child === 'object' && typeof (child as TSESTree.Node).type === 'string') {
          (child as { parent: TSESTree.Node }).parent = node;
          stack.push(child as TSESTree.Node);
        }
      }
    }
  }
  return ast;
}

/** The consequent of the first `if` in `function f() { … }` or a loop around it. */
function firstIf(code: string): TSESTree.IfStatement {
  const ast = program(code);
  const stack: TSESTree.Node[] = [ast];
  while (stack.length > 0) {
    const node = stack.shift() as TSESTree.Node;
    if (node.type === 'IfStatement') return node;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'parent') continue;
      for (const child of Array.isArray(value) ? value : [value]) {
        if (child && typeof child === 'object' && typeof (child as TSESTree.Node).type === 'string') stack.push(child as TSESTree.Node);
      }
    }
  }
  throw new Error('no if');
}

function callNamed(root: TSESTree.Node, name: string): TSESTree.CallExpression {
  const found: TSESTree.CallExpression[] = [];
  const stack: TSESTree.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as TSESTree.Node;
    if (node.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === name) found.push(node);
    for (const [key, value] of Object.entries(node)) {
      if (key === 'parent') continue;
      for (const child of Array.isArray(value) ? value : [value]) {
        if (child && typeof child === 'object' && typeof (child as TSESTree.Node).type === 'string') stack.push(child as TSESTree.Node);
      }
    }
  }
  return found[0];
}

describe('alwaysLeaves', () => {
  it.each([
    ['function f() { if (!ok) return; }', true],
    ['function f() { if (!ok) { log(); throw new Error("no"); } }', true],
    ['function f() { if (!ok) { if (a) return; else throw e; } }', true],
    ['function f() { if (!ok) { try { return; } finally { cleanup(); } } }', true],
    ['function f() { if (!ok) { switch (x) { case 1: return 1; default: throw e; } } }', true],
    ['for (;;) { if (!ok) continue; }', true],
  ])('%s: leaves', (code, expected) => {
    expect(alwaysLeaves(firstIf(code).consequent)).toBe(expected);
  });

  it.each([
    'function f() { if (!ok) { log(); } }',
    'function f() { if (!ok) { if (a) return; } }',
    'function f() { if (!ok) { try { return; } catch { log(); } } }',
    'function f() { if (!ok) { switch (x) { case 1: return 1; } } }',
    'function f() { if (!ok) { switch (x) { case 1: break; default: return; } } }',
    'function f() { if (!ok) { while (a) { return; } } }',
    'function f() { if (!ok) { label: { break label; } } }',
  ])('%s: may fall through', (code) => {
    expect(alwaysLeaves(firstIf(code).consequent)).toBe(false);
  });
});

describe('regionContains', () => {
  it('a use inside the branch, or in a function defined there, is guarded', () => {
    const statement = firstIf('function f() { if (ok) { use(); run(() => later()); } other(); }');
    expect(regionContains({ kind: 'branch', root: statement, branch: statement.consequent }, callNamed(statement, 'use'))).toBe(true);
    expect(regionContains({ kind: 'branch', root: statement, branch: statement.consequent }, callNamed(statement, 'later'))).toBe(true);
    const other = callNamed(statement.parent as TSESTree.Node, 'other');
    expect(regionContains({ kind: 'branch', root: statement, branch: statement.consequent }, other)).toBe(false);
  });

  it('after `if (!ok) return;` only the later statements of the same list are guarded', () => {
    const statement = firstIf('function f() { before(); if (!ok) return; use(); { nested(); } }');
    const body = statement.parent as TSESTree.Node;
    const region = { kind: 'after', root: statement } as const;
    expect(regionContains(region, callNamed(body, 'use'))).toBe(true);
    expect(regionContains(region, callNamed(body, 'nested'))).toBe(true);
    expect(regionContains(region, callNamed(body, 'before'))).toBe(false);
  });

  it('cannot tell (so: not guarded) when the consequent may fall through or the `if` sits in another block', () => {
    const fallsThrough = firstIf('function f() { if (!ok) log(); use(); }');
    expect(regionContains({ kind: 'after', root: fallsThrough }, callNamed(fallsThrough.parent as TSESTree.Node, 'use'))).toBe(false);
    const nested = firstIf('function f() { { if (!ok) return; } use(); }');
    const fn = (nested.parent as TSESTree.Node).parent as TSESTree.Node;
    expect(regionContains({ kind: 'after', root: nested }, callNamed(fn, 'use'))).toBe(false);
  });
});
