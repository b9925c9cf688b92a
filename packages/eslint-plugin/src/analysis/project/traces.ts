import path from 'node:path';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { Origin } from './types.js';

/**
 * Cross-file findings name where the effect lives (`… (through mpRequest in src/lib/http.js:3:17)`).
 *
 * ESLint messages carry no related locations, and a message's `data` does not reach formatters or the language
 * server. So the other end travels in the message text itself, as a fixed trailing clause that
 * `parseCrossFileTrace` reads back: the CLI turns it into SARIF `relatedLocations`, the server into LSP
 * `relatedInformation` (docs/architecture.md, "Cross-file findings"). The analysis marks the node that reaches the
 * effect (the wrapper call, the imported value); `createRule` reads the mark when a rule reports on that node or
 * one that contains it, and switches to the message's `…_through` variant.
 */
const marks = new WeakMap<object, Origin>();
/** Source codes with at least one mark: reports of every other file skip the look-up. */
const marked = new WeakSet<object>();

export function markCrossFile(sourceCode: object, node: TSESTree.Node, origin: Origin): void {
  if (!marks.has(node)) marks.set(node, origin);
  marked.add(sourceCode);
}

/** The nodes a report's node may contain before the look-up gives up: a call and its arguments are small. */
const MAX_SEARCH = 400;

/** The cross-file origin of a reported node: its own mark, else the first mark inside it. */
export function crossFileOriginOf(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node | undefined): Origin | undefined {
  if (!node || !marked.has(sourceCode)) return undefined;
  const own = marks.get(node);
  if (own) return own;
  const stack: TSESTree.Node[] = [node];
  for (let visited = 0; stack.length > 0 && visited < MAX_SEARCH; visited++) {
    const current = stack.pop() as TSESTree.Node;
    const origin = marks.get(current);
    if (origin) return origin;
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
