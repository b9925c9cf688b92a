import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { SourceCode } from 'eslint';
import vueParser from 'vue-eslint-parser';

/**
 * Parses a dependency with the parsers of the plugin's presets (configs/index.ts): typescript-eslint's parser
 * for scripts (JSX allowed everywhere, as the presets allow it), vue-eslint-parser for `.vue` files. No type
 * information is asked for: summaries must work in a user's own ESLint run without a `tsconfig` project.
 */
export interface ParsedModule {
  readonly ast: TSESTree.Program;
  readonly sourceCode: Readonly<TSESLint.SourceCode>;
}

/** The parsed module with parent links and an ESLint `SourceCode`, or undefined when it does not parse. */
export function parseModule(file: string, text: string): ParsedModule | undefined {
  const extension = path.extname(file);
  const options = {
    ecmaVersion: 'latest',
    sourceType: extension === '.cjs' || extension === '.cts' ? 'script' : 'module',
    range: true,
    loc: true,
    tokens: true,
    comment: true,
    ecmaFeatures: { jsx: extension !== '.ts' && extension !== '.mts' && extension !== '.cts' },
    filePath: file,
  } as const;
  let result;
  try {
    result =
      extension === '.vue'
        ? vueParser.parseForESLint(text, { ...options, parser: tsParser, ecmaFeatures: { jsx: true } } as never)
        : tsParser.parseForESLint(text, options as never);
  } catch {
    return undefined;
  }
  const ast = result.ast as unknown as TSESTree.Program;
  const visitorKeys = (result.visitorKeys ?? {}) as TSESLint.SourceCode.VisitorKeys;
  setParents(ast, visitorKeys);
  const sourceCode = new SourceCode({
    text,
    ast: ast as never,
    scopeManager: result.scopeManager as never,
    visitorKeys: visitorKeys as never,
    parserServices: (result.services ?? {}) as never,
  }) as unknown as TSESLint.SourceCode;
  return { ast, sourceCode };
}

/** ESLint sets `parent` while it traverses; a module we parse ourselves gets it here, without recursion. */
function setParents(program: TSESTree.Program, visitorKeys: TSESLint.SourceCode.VisitorKeys): void {
  const stack: TSESTree.Node[] = [program];
  while (stack.length > 0) {
    const node = stack.pop() as TSESTree.Node;
    for (const key of visitorKeys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      const children = Array.isArray(child) ? child : [child];
      for (const item of children as (TSESTree.Node | null)[]) {
        if (item && typeof item.type === 'string') {
          (item as { parent?: TSESTree.Node }).parent = node;
          stack.push(item);
        }
      }
    }
  }
}
