import path from 'node:path';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { findVariable, unwrap } from '../ast.js';
import type { Origin } from './types.js';

/**
 * Cross-file findings name where the effect lives (`… (through mpRequest in src/lib/http.js:3:17)`).
 *
 * ESLint messages carry no related locations, and a message's `data` does not reach formatters or the language
 * server. So the other end travels in the message text itself, as a fixed trailing clause that
 * `parseCrossFileTrace` reads back: the CLI turns it into SARIF `relatedLocations`, the server into LSP
 * `relatedInformation` (docs/cross-file.md, "Cross-file findings"). The analysis marks the node that reaches the
 * effect (the wrapper call, the imported value); `createRule` reads the mark when a rule reports on that node or
 * one that contains it, and switches to the message's `…_through` variant.
 */
const marks = new WeakMap<object, { origin: Origin; kind: 'call' | 'value' }>();
/** Source codes with at least one mark: reports of every other file skip the look-up. */
const marked = new WeakSet<object>();

/** `call`: a call of another module's function; `value`: an imported value (a config entry). */
export function markCrossFile(sourceCode: object, node: TSESTree.Node, origin: Origin, kind: 'call' | 'value'): void {
  if (!marks.has(node)) marks.set(node, { origin, kind });
  marked.add(sourceCode);
}

/** The nodes a report's node may contain before the look-up gives up: a call and its arguments are small. */
const MAX_SEARCH = 400;

/**
 * The cross-file origin of a reported node: its own mark, else the first call of another module's function inside
 * it, else an imported value that starts its first argument (the URL of `axios.post(Config.api.bizlogin + …)`).
 * An imported value elsewhere in the node (a token in a query, a field of a body) is not what the finding is about.
 */
export function crossFileOriginOf(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node | undefined): Origin | undefined {
  if (!node || !marked.has(sourceCode)) return undefined;
  const own = marks.get(node);
  if (own) return own.origin;
  const leading = leadingStart(node);
  const stack: TSESTree.Node[] = [node];
  for (let visited = 0; stack.length > 0 && visited < MAX_SEARCH; visited++) {
    const current = stack.pop() as TSESTree.Node;
    const atLeading = leading !== undefined && current.range[0] === leading;
    // A constant at the start of the value that holds a helper's result (`location.replace(url)`); elsewhere in
    // the node (a token in a query) it is not what the finding is about.
    const mark = marks.get(current) ?? (atLeading && current.type === 'Identifier' ? initialCallMark(sourceCode, current) : undefined);
    if (mark && (mark.kind === 'call' || atLeading)) return mark.origin;
    for (const key of sourceCode.visitorKeys[current.type] ?? []) {
      const child = (current as unknown as Record<string, unknown>)[key];
      const children = Array.isArray(child) ? child : [child];
      for (let index = children.length - 1; index >= 0; index--) {
        const item = children[index] as TSESTree.Node | null;
        if (item && typeof item.type === 'string') stack.push(item);
      }
    }
  }
  return undefined;
}

/**
 * The mark of the call a constant holds: `const url = authorizeUrl(…)` then `location.replace(url)` reaches the
 * helper that built the URL. One step, a name with one definition and no reassignment.
 */
function initialCallMark(sourceCode: Readonly<TSESLint.SourceCode>, identifier: TSESTree.Identifier): { origin: Origin; kind: 'call' | 'value' } | undefined {
  const scopeManager = sourceCode.scopeManager;
  const variable = scopeManager ? findVariable(scopeManager, identifier) : undefined;
  if (!variable || variable.defs.length !== 1 || variable.defs[0].type !== 'Variable') return undefined;
  if (variable.references.filter((reference) => reference.isWrite()).length > 1) return undefined;
  const declarator = variable.defs[0].node as TSESTree.VariableDeclarator;
  let init = declarator.init ? unwrap(declarator.init) : undefined;
  if (init?.type === 'AwaitExpression') init = unwrap(init.argument);
  const mark = init?.type === 'CallExpression' ? marks.get(init) : undefined;
  return mark?.kind === 'call' ? mark : undefined;
}

/**
 * Where the leading part of the reported node's URL starts: the first argument of a call (or the node itself),
 * entered through templates that start with an expression, concatenations and an options object's first property.
 */
function leadingStart(node: TSESTree.Node): number | undefined {
  let target: TSESTree.Node | undefined = node.type === 'CallExpression' || node.type === 'NewExpression' ? node.arguments[0] : node;
  for (let steps = 0; target && steps < 20; steps++) {
    if (target.type === 'BinaryExpression') target = target.left;
    else if (target.type === 'TemplateLiteral' && target.quasis[0]?.value.cooked === '' && target.expressions[0]) target = target.expressions[0];
    else if (target.type === 'ObjectExpression') {
      // `mpRequest({ url: Config.api.bizlogin })`: the first property's value.
      const first: TSESTree.ObjectLiteralElement | undefined = target.properties[0];
      target = first?.type === 'Property' ? first.value : undefined;
    } else break;
  }
  return target?.range[0];
}

/** The message data of an origin: the name and `path:line:column` relative to the working directory. */
export function crossFileData(origin: Origin, cwd: string): { throughName: string; throughFile: string } {
  const relative = path.relative(cwd, origin.file).split(path.sep).join('/');
  return { throughName: origin.name, throughFile: `${relative}:${origin.line}:${origin.column}` };
}

/** The clause appended to English and Chinese messages, with `{{throughName}}` and `{{throughFile}}`. */
export const THROUGH_SUFFIX_EN = ' (through {{throughName}} in {{throughFile}})';
export const THROUGH_SUFFIX_ZH = '（经由 {{throughFile}} 中的 {{throughName}}）';
/** Suffix of the message ids that carry the clause. */
export const THROUGH_MESSAGE_SUFFIX = '_through';

export interface CrossFileTrace {
  readonly name: string;
  /** As written in the message: relative to the linted project's working directory, `/`-separated. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

const TRACE_PATTERN = /(?: \(through (?<nameEn>[^\s()]+) in (?<fileEn>[^()]+):(?<lineEn>\d+):(?<columnEn>\d+)\)|（经由 (?<fileZh>[^（）]+):(?<lineZh>\d+):(?<columnZh>\d+) 中的 (?<nameZh>[^\s（）]+)）)$/u;

/** The other end of a cross-file finding, read back from its message; undefined for a one-file finding. */
export function parseCrossFileTrace(message: string): CrossFileTrace | undefined {
  const groups = TRACE_PATTERN.exec(message)?.groups;
  if (!groups) return undefined;
  const name = groups.nameEn ?? groups.nameZh;
  const file = groups.fileEn ?? groups.fileZh;
  const line = Number(groups.lineEn ?? groups.lineZh);
  const column = Number(groups.columnEn ?? groups.columnZh);
  return { name, file, line, column };
}
