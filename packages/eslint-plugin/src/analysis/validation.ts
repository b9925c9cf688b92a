import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { calleeName, calleeObject, consumerOf, findVariable, memberName, unwrap } from './ast.js';
import { type CodePathFacts, type GuardedRegion, ownerOf } from './code-paths.js';
import type { NodeIndex } from './node-index.js';
import { classifyOrigin, isUnderUrlPrefix, leadingHole, type OriginSettings, parseUrl, type StaticValues } from './values.js';

/**
 * Allowlist validation: a value checked against an allowlist — `ALLOWED.has(x)`, `list.includes(x)`,
 * `list.indexOf(x) !== -1`, `x === 'literal'`, `x.startsWith(<own or trusted origin>)`, or the same on
 * `new URL(x).host|hostname|origin` — is *validated* where the check's success dominates the use: inside the
 * branch the check guards, or after `if (!check) return/throw/continue`. Dominance comes from the code path
 * facts (analysis/code-paths.ts: ESLint's code paths, or the tree on engines without them), so the answer is final
 * only after `Program:exit`.
 */
export type CheckKind = 'set-has' | 'includes' | 'index-of' | 'equals' | 'starts-with';

export interface AllowlistCheck {
  /** The check expression: the call or comparison. */
  readonly node: TSESTree.Node;
  /** The checked expression (the value, or `new URL(value).host`). */
  readonly subject: TSESTree.Node;
  readonly kind: CheckKind;
}

export interface ValidationInput {
  readonly scopeManager: TSESLint.Scope.ScopeManager | null;
  readonly sourceCode: Readonly<TSESLint.SourceCode>;
  readonly nodes: NodeIndex;
  readonly values: StaticValues;
  readonly codePaths: CodePathFacts;
  readonly settings: OriginSettings & { readonly trustedUrls: readonly string[] };
}

function isLiteralLike(node: TSESTree.Node, values: StaticValues): boolean {
  const target = unwrap(node);
  return target.type === 'Literal' || (target.type === 'TemplateLiteral' && target.expressions.length === 0) || values.textOf(target) !== undefined;
}

/** `new URL(x).host` → `x`: a check of the URL's host validates the value. */
function urlPartSubject(node: TSESTree.Node): TSESTree.Node {
  const { node: wrapped, parent } = consumerOf(node);
  void wrapped;
  if (parent?.type === 'NewExpression' && parent.arguments[0] === node) {
    const callee = unwrap(parent.callee);
    const member = consumerOf(parent).parent;
    if (callee.type === 'Identifier' && callee.name === 'URL' && member?.type === 'MemberExpression') {
      const name = memberName(member);
      if (name === 'host' || name === 'hostname' || name === 'origin') return member;
    }
  }
  return node;
}

export class Validation {
  readonly #input: ValidationInput;

  constructor(input: ValidationInput) {
    this.#input = input;
  }

  /** The allowlist check that an occurrence of the value takes part in, if any. */
  checkAt(occurrence: TSESTree.Node): AllowlistCheck | undefined {
    const { values, settings } = this.#input;
    const subject = urlPartSubject(occurrence);
    const { node, parent } = consumerOf(subject);
    if (!parent) return undefined;
    if (parent.type === 'CallExpression' && parent.arguments[0] === node) {
      const name = calleeName(parent);
      const object = calleeObject(parent);
      if (!object || object === node) return undefined;
      if (name === 'has') return { node: parent, subject: node, kind: 'set-has' };
      if (name === 'includes') return { node: parent, subject: node, kind: 'includes' };
      if (name === 'indexOf') {
        const comparison = consumerOf(parent).parent;
        if (comparison?.type === 'BinaryExpression' && ['!==', '!=', '>', '>='].includes(comparison.operator)) {
          return { node: comparison, subject: node, kind: 'index-of' };
        }
      }
      return undefined;
    }
    if (parent.type === 'BinaryExpression' && (parent.operator === '===' || parent.operator === '==')) {
      const other = parent.left === node ? parent.right : parent.left;
      if (isLiteralLike(other, values)) return { node: parent, subject: node, kind: 'equals' };
      return undefined;
    }
    if (parent.type === 'MemberExpression' && parent.object === node && memberName(parent) === 'startsWith') {
      const call = consumerOf(parent).parent;
      if (call?.type !== 'CallExpression' || call.callee !== consumerOf(parent).node || !call.arguments[0]) return undefined;
      const prefixes = values.valuesOf(call.arguments[0]);
      const safe = prefixes.every((prefix) => {
        const origin = classifyOrigin(prefix, settings);
        // `startsWith('/')` also admits `//evil.example`: only an absolute own or trusted prefix validates.
        const absoluteOwn = origin === 'own' && (parseUrl(prefix).form === 'absolute' || leadingHole(prefix)?.own === 'origin');
        return absoluteOwn || isUnderUrlPrefix(prefix, settings.trustedUrls);
      });
      if (safe) return { node: call, subject: node, kind: 'starts-with' };
    }
    return undefined;
  }

  #byText: Map<string, TSESTree.MemberExpression[]> | undefined;

  /** Member chains by source text (`req.query.next`), built once on first use. */
  #membersByText(): Map<string, TSESTree.MemberExpression[]> {
    if (!this.#byText) {
      this.#byText = new Map();
      const { sourceCode, nodes } = this.#input;
      for (const member of nodes.ofType('MemberExpression')) {
        // Long chains are never the subject of an allowlist check; skip their text.
        if (member.range[1] - member.range[0] > 200) continue;
        const text = sourceCode.getText(member);
        const list = this.#byText.get(text);
        if (list) list.push(member);
        else this.#byText.set(text, [member]);
      }
    }
    return this.#byText;
  }

  /** Every occurrence of the same value as `target`: references of its variable, or the same member chain. */
  #occurrences(target: TSESTree.Node): TSESTree.Node[] {
    const { scopeManager, nodes } = this.#input;
    const value = unwrap(target);
    if (value.type === 'Identifier' && scopeManager) {
      const variable = findVariable(scopeManager, value);
      if (!variable) {
        // An undeclared (global) name: its other free references by name.
        return nodes.identifiersNamed(value.name).filter((identifier) => identifier !== value && !findVariable(scopeManager, identifier));
      }
      const occurrences = variable.references.filter((reference) => reference.isRead()).map((reference) => reference.identifier as TSESTree.Node);
      // `const next = req.query.next`: a check of the source validates the alias too.
      const definition = variable.defs[0];
      if (variable.defs.length === 1 && definition.type === 'Variable') {
        const init = (definition.node as TSESTree.VariableDeclarator).init;
        if (init && (definition.node as TSESTree.VariableDeclarator).id === definition.name) {
          const source = unwrap(init);
          if (source.type === 'MemberExpression' || source.type === 'Identifier') occurrences.push(...this.#occurrences(source));
        }
      }
      return occurrences;
    }
    if (value.type === 'MemberExpression') {
      const text = this.#input.sourceCode.getText(value);
      const owner = ownerOf(value);
      return this.#membersByText().get(text)?.filter((member) => member !== value && ownerOf(member) === owner) ?? [];
    }
    return [];
  }

  /** True when an allowlist check of `target`'s value dominates `use` (the operation that uses it). */
  isValidated(target: TSESTree.Node, use: TSESTree.Node): boolean {
    const { codePaths } = this.#input;
    if (!codePaths.collecting) return false;
    for (const occurrence of this.#occurrences(target)) {
      if (occurrence.range[0] >= use.range[0] && occurrence.range[1] <= use.range[1]) continue;
      const check = this.checkAt(occurrence);
      if (!check) continue;
      const region = this.#guardRegion(check.node);
      if (region && codePaths.regionDominates(region, use)) return true;
    }
    return false;
  }

  /** The code entered only when the check succeeded, from the test it stands in. */
  #guardRegion(check: TSESTree.Node): GuardedRegion | undefined {
    const { codePaths } = this.#input;
    // Climb through `!`, `&&` and `||` while "test outcome ⇒ check passed" still holds.
    let polarity: 'true' | 'false' = 'true';
    let node: TSESTree.Node = check;
    for (let steps = 0; steps < 50; steps++) {
      const parent: TSESTree.Node | undefined = node.parent;
      if (!parent) return undefined;
      if (parent.type === 'UnaryExpression' && parent.operator === '!') {
        polarity = polarity === 'true' ? 'false' : 'true';
        node = parent;
        continue;
      }
      if (parent.type === 'LogicalExpression') {
        if (parent.left === node && ((parent.operator === '&&' && polarity === 'true') || (parent.operator === '||' && polarity === 'false'))) {
          // `check && use(x)` / `!check || use(x)`: the right operand runs only when the check passed. (With code
          // paths, a right operand that starts no segment of its own is looked at as part of the outer test.)
          const startsSegments = codePaths.source === 'ast' || codePaths.startedAt(parent.right).length > 0;
          if (startsSegments && this.#isTestRoot(parent) === undefined) return { kind: 'branch', root: parent, branch: parent.right };
        }
        if ((parent.operator === '&&' && polarity === 'true') || (parent.operator === '||' && polarity === 'false')) {
          node = parent;
          continue;
        }
        return undefined;
      }
      if ((parent.type === 'TSAsExpression' || parent.type === 'TSNonNullExpression') && parent.expression === node) {
        node = parent;
        continue;
      }
      break;
    }
    const root = this.#isTestRoot(node);
    if (!root) return undefined;
    if (polarity === 'true') return { kind: 'branch', root, branch: root.consequent };
    if (root.alternate) return { kind: 'branch', root, branch: root.alternate };
    // `if (!check) return;`: the code after the `if`, when the consequent cannot fall through into it.
    return root.type === 'IfStatement' ? { kind: 'after', root } : undefined;
  }

  #isTestRoot(node: TSESTree.Node): TSESTree.IfStatement | TSESTree.ConditionalExpression | undefined {
    const parent = node.parent;
    if ((parent?.type === 'IfStatement' || parent?.type === 'ConditionalExpression') && parent.test === node) return parent;
    return undefined;
  }
}
