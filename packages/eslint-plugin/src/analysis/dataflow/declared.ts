import type { TSESTree } from '@typescript-eslint/utils';
import { matchesAnyWordPattern } from '../../util/name-words.js';

/**
 * The first function, in source order, that the file imports or declares at its top level and whose name matches
 * one of `patterns` as whole words: `import { askConsent } from './privacy'`,
 * `const { maskOpenid } = require('./mask')`, `function maskPhone(p) {…}`, `const redact = (v) => …`.
 * Suggestions call it by that name; without one they are not offered.
 */
export function firstDeclaredFunction(program: TSESTree.Program, patterns: readonly string[]): string | undefined {
  if (patterns.length === 0) return undefined;
  const matches = (name: string) => matchesAnyWordPattern(name, patterns);
  for (const item of program.body) {
    const statement =
      (item.type === 'ExportNamedDeclaration' || item.type === 'ExportDefaultDeclaration') && item.declaration
        ? item.declaration
        : item;
    switch (statement.type) {
      case 'ImportDeclaration':
        if (statement.importKind === 'type') break;
        for (const specifier of statement.specifiers) {
          if (specifier.type === 'ImportSpecifier' && specifier.importKind === 'type') continue;
          if (matches(specifier.local.name)) return specifier.local.name;
        }
        break;
      case 'FunctionDeclaration':
        if (statement.id && matches(statement.id.name)) return statement.id.name;
        break;
      case 'VariableDeclaration':
        for (const declarator of statement.declarations) {
          const init = declarator.init;
          if (!init) continue;
          const isFunction = init.type === 'ArrowFunctionExpression' || init.type === 'FunctionExpression';
          const isRequire =
            init.type === 'CallExpression' && init.callee.type === 'Identifier' && init.callee.name === 'require';
          if (declarator.id.type === 'Identifier' && (isFunction || isRequire) && matches(declarator.id.name)) {
            return declarator.id.name;
          }
          if (declarator.id.type === 'ObjectPattern' && isRequire) {
            for (const property of declarator.id.properties) {
              if (property.type === 'Property' && property.value.type === 'Identifier' && matches(property.value.name)) {
                return property.value.name;
              }
            }
          }
        }
        break;
      default:
        break;
    }
  }
  return undefined;
}
