import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { SIGNATURE_CHECK_PARTS } from '../knowledge/credentials.js';

/**
 * Where a literal is used as a credential, known from the code around it rather than from its name: the server
 * Token of a signature check, and a variable's literal handed to an SDK constructor as its secret.
 * no-hardcoded-credentials asks these questions (docs/rules/no-hardcoded-credentials.md).
 */

type Node = TSESTree.Node;

function skipWrappers(node: Node): Node {
  let current = node;
  while (
    current.parent &&
    (current.parent.type === AST_NODE_TYPES.TSAsExpression ||
      current.parent.type === AST_NODE_TYPES.TSNonNullExpression ||
      current.parent.type === AST_NODE_TYPES.TSSatisfiesExpression)
  ) {
    current = current.parent;
  }
  return current;
}

/** The last name of an element: `nonce` for `nonce`, `query.nonce` and `options['nonce']`. */
function elementName(node: Node | null): string | undefined {
  if (!node) return undefined;
  if (node.type === AST_NODE_TYPES.Identifier) return node.name;
  if (node.type === AST_NODE_TYPES.MemberExpression) {
    if (!node.computed && node.property.type === AST_NODE_TYPES.Identifier) return node.property.name;
    if (node.property.type === AST_NODE_TYPES.Literal && typeof node.property.value === 'string') return node.property.value;
  }
  return undefined;
}

/** True when `node` is an element of an array that also holds the request's `timestamp` and `nonce`. */
function isSignatureElement(node: Node): boolean {
  const element = skipWrappers(node);
  const array = element.parent;
  if (array?.type !== AST_NODE_TYPES.ArrayExpression || array.elements.length !== SIGNATURE_CHECK_PARTS.length + 1) return false;
  const others = array.elements.filter((item) => item !== element).map((item) => elementName(item)?.toLowerCase());
  return SIGNATURE_CHECK_PARTS.every((part) => others.includes(part));
}

/** The variable a literal initialises (`let token = '…'`), if it is declared once and never reassigned. */
function initialisedVariable(literal: Node, scopeManager: TSESLint.Scope.ScopeManager): TSESLint.Scope.Variable | undefined {
  const value = skipWrappers(literal);
  const declarator = value.parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== value) return undefined;
  if (declarator.id.type !== AST_NODE_TYPES.Identifier) return undefined;
  const [variable] = scopeManager.getDeclaredVariables(declarator);
  if (!variable || variable.defs.length !== 1) return undefined;
  if (variable.references.some((reference) => reference.isWrite() && reference.writeExpr !== value)) return undefined;
  return variable;
}

/**
 * True when a string literal is the server Token of a signature check: it is an element of `[token, timestamp,
 * nonce]`, or initialises a variable that is.
 */
export function isSignatureToken(literal: Node, scopeManager: TSESLint.Scope.ScopeManager | null): boolean {
  if (isSignatureElement(literal)) return true;
  if (!scopeManager) return false;
  const variable = initialisedVariable(literal, scopeManager);
  return variable?.references.some((reference) => reference.isRead() && isSignatureElement(reference.identifier)) ?? false;
}

/**
 * The literal an SDK constructor argument stands for: the argument itself, or the literal that initialises the
 * variable it names (`var secret = '…'; new OAuth(appid, secret)`) when that variable is never reassigned.
 * `scope` is the scope the argument is in (`sourceCode.getScope`).
 */
export function argumentLiteral(argument: Node, scope: TSESLint.Scope.Scope): Node | undefined {
  if (argument.type !== AST_NODE_TYPES.Identifier) return argument;
  const variable = ASTUtils.findVariable(scope, argument);
  if (!variable || variable.defs.length !== 1) return undefined;
  const def = variable.defs[0];
  if (def.node.type !== AST_NODE_TYPES.VariableDeclarator || !def.node.init) return undefined;
  const init = def.node.init;
  if (variable.references.some((use) => use.isWrite() && use.writeExpr !== init)) return undefined;
  return init.type === AST_NODE_TYPES.Literal || init.type === AST_NODE_TYPES.TemplateLiteral ? init : undefined;
}
