import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { isFunctionNode } from './ast.js';
import { alwaysLeaves, type GuardedRegion, regionContains } from './code-paths-ast.js';

export { alwaysLeaves, type GuardedRegion } from './code-paths-ast.js';

type Segment = TSESLint.CodePathSegment;
type CodePath = TSESLint.CodePath;

/**
 * Code path facts for "runs before / dominates" questions. ESLint gives code paths only
 * to rule listeners, so the first rule that builds its visitor with `defineAnalysisVisitor` registers these
 * collector listeners too (analysis/index.ts). They keep their own segment stack (ESLint 9+ has no
 * `currentSegments`) and record:
 * - the segments current when operations are entered (calls, assignments, `new`, decorators) and, for a
 *   function, the outer segments where it is defined (other nodes take those of their nearest such ancestor);
 * - the segments that start at each node (an `if`'s consequent, its merge point, a `&&`'s right operand);
 * - each function's code path;
 * - the `if` branches after which no path continues (every segment current when the branch is left is
 *   unreachable): "every path leaves here", asked through `alwaysLeaves`.
 * Everything is complete after `Program:exit`; rules that ask dominance questions report from the Program's
 * `onCodePathEnd`, which ESLint calls after every `Program:exit`.
 *
 * An engine that does not deliver code path events (see docs/oxlint.md) still calls `Program`: the collector
 * decides there, once per file, which source answers (`source`), and without events every query is answered
 * from the tree (code-paths-ast.ts), never left empty. `createRule` then calls the rules' Program
 * `onCodePathEnd` at `Program:exit` (`codePathEventsProbe`).
 */
export class CodePathFacts {
  readonly #segmentsAt = new Map<TSESTree.Node, Segment[]>();
  readonly #startedAt = new Map<TSESTree.Node, Segment[]>();
  readonly #startNode = new Map<Segment, TSESTree.Node>();
  readonly #codePaths = new Map<TSESTree.Node, CodePath>();
  readonly #stack: { codePath: CodePath; current: Set<Segment> }[] = [];
  /** `if` consequents and alternates after which no path continues. */
  readonly #leaving = new Set<TSESTree.Node>();
  #collecting = false;
  #complete = false;
  #sawCodePath = false;
  #source: 'events' | 'ast' | undefined;

  /**
   * Where the facts of this file come from: ESLint's code path events when the engine delivered them before
   * `Program`, else the tree. Undefined before the traversal reached `Program` (or without the collector).
   */
  get source(): 'events' | 'ast' | undefined {
    return this.#source;
  }

  /** True once the whole file was traversed with the collector registered. */
  get complete(): boolean {
    return this.#complete;
  }

  /** True once a rule registered the collector listeners. */
  get collecting(): boolean {
    return this.#collecting;
  }

  /** The collector listeners; handed out once per file. */
  listeners(): TSESLint.RuleListener {
    this.#collecting = true;
    const record = (node: TSESTree.Node) => {
      const frame = this.#stack[this.#stack.length - 1];
      if (frame) this.#segmentsAt.set(node, [...frame.current]);
    };
    const enter = (segment: Segment, node: TSESTree.Node) => {
      this.#stack[this.#stack.length - 1]?.current.add(segment);
      this.#startNode.set(segment, node);
      const list = this.#startedAt.get(node);
      if (list) list.push(segment);
      else this.#startedAt.set(node, [segment]);
    };
    const leave = (segment: Segment) => {
      this.#stack[this.#stack.length - 1]?.current.delete(segment);
    };
    const branchEnd = (node: TSESTree.Node) => {
      const current = this.#stack[this.#stack.length - 1]?.current;
      if (!current || current.size === 0) return;
      for (const segment of current) if (segment.reachable) return;
      this.#leaving.add(node);
    };
    return {
      Program: () => {
        this.#source = this.#sawCodePath ? 'events' : 'ast';
      },
      onCodePathStart: (codePath: CodePath, node: TSESTree.Node) => {
        this.#sawCodePath = true;
        const outer = this.#stack[this.#stack.length - 1];
        if (outer) this.#segmentsAt.set(node, [...outer.current]);
        this.#codePaths.set(node, codePath);
        this.#stack.push({ codePath, current: new Set() });
      },
      onCodePathEnd: () => {
        this.#stack.pop();
      },
      onCodePathSegmentStart: enter,
      onCodePathSegmentEnd: leave,
      onUnreachableCodePathSegmentStart: enter,
      onUnreachableCodePathSegmentEnd: leave,
      CallExpression: record,
      NewExpression: record,
      AssignmentExpression: record,
      Decorator: record,
      'IfStatement > .consequent:exit': branchEnd,
      'IfStatement > .alternate:exit': branchEnd,
      'Program:exit': () => {
        this.#complete = true;
      },
    } as unknown as TSESLint.RuleListener;
  }

  /**
   * The segments current at `node` in the code path of `fn` (the function or Program that owns them): a node
   * inside a nested function is represented by that function's definition point.
   */
  segmentsOf(node: TSESTree.Node, owner: TSESTree.Node): Segment[] | undefined {
    // The outermost function between `node` and `owner` stands for the node: it is defined in owner's path.
    let outermost: TSESTree.Node | undefined;
    let current: TSESTree.Node | undefined = node;
    while (current && current !== owner) {
      if (isFunctionNode(current)) outermost = current;
      current = current.parent;
    }
    if (current !== owner) return undefined;
    if (outermost) return this.#segmentsAt.get(outermost);
    current = node;
    while (current && current !== owner) {
      const recorded = this.#segmentsAt.get(current);
      if (recorded) return recorded;
      // A node that starts segments (a branch of `?:`, the right of `&&`) is inside them.
      const started = this.#startedAt.get(current);
      if (started && started.length > 0 && current.type !== 'IfStatement') return [...started];
      current = current.parent;
    }
    return undefined;
  }

  /**
   * True when every path through `branch` (an `if` consequent or alternate) returns, throws, breaks or continues:
   * no path falls through to the code after the `if`. From the code paths when the engine delivered them (the
   * branch was left with only unreachable segments), from the tree otherwise (`alwaysLeaves`,
   * code-paths-ast.ts). Complete after `Program:exit`.
   */
  alwaysLeaves(branch: TSESTree.Node): boolean {
    // A bare `return`/`throw`/`continue`/`break` branch: ESLint fires its `:exit` before it ends the segment.
    if (
      branch.type === 'ReturnStatement' ||
      branch.type === 'ThrowStatement' ||
      branch.type === 'ContinueStatement' ||
      branch.type === 'BreakStatement'
    ) {
      return true;
    }
    if (this.#source === 'ast') return alwaysLeaves(branch);
    return this.#leaving.has(branch);
  }

  /** Segments that start when `node` is entered (or, for an `if`, when it is left: its merge point). */
  startedAt(node: TSESTree.Node): readonly Segment[] {
    return this.#startedAt.get(node) ?? [];
  }

  /** The node a segment started at. */
  startNodeOf(segment: Segment): TSESTree.Node | undefined {
    return this.#startNode.get(segment);
  }

  /** The code path of a function or the Program. */
  codePathOf(owner: TSESTree.Node): CodePath | undefined {
    return this.#codePaths.get(owner);
  }

  /**
   * True when `use` runs only inside `region` (code entered only when a test had one outcome). From the code
   * paths when the engine delivered them: the region's first segments dominate the use's. From the tree
   * otherwise (code-paths-ast.ts), which says "guarded" only for the plain shapes.
   */
  regionDominates(region: GuardedRegion, use: TSESTree.Node): boolean {
    if (this.#source === 'ast') return regionContains(region, use);
    const owner = ownerOf(region.root);
    let segments: readonly Segment[];
    if (region.kind === 'branch') {
      segments = this.startedAt(region.branch);
    } else {
      // The code after the `if` is reached only through the test's false branch when the consequent cannot fall
      // through into it: no segment entering the merge point started inside the consequent.
      segments = this.startedAt(region.root);
      const [start, end] = region.root.consequent.range;
      for (const segment of segments) {
        for (const previous of segment.prevSegments) {
          const startNode = this.startNodeOf(previous);
          if (startNode && startNode.range[0] >= start && startNode.range[1] <= end) return false;
        }
      }
    }
    if (segments.length === 0) return false;
    const useSegments = this.segmentsOf(use, owner);
    return useSegments !== undefined && this.dominates(new Set(segments), useSegments, owner);
  }

  /**
   * True when every path from the start of `owner`'s code path to a segment of `use` passes through `guard`
   * (no path avoids it). False when facts are missing.
   */
  dominates(guard: ReadonlySet<Segment>, use: readonly Segment[], owner: TSESTree.Node): boolean {
    const codePath = this.#codePaths.get(owner);
    if (!codePath || use.length === 0 || guard.size === 0) return false;
    const targets = new Set(use.filter((segment) => !guard.has(segment)));
    if (targets.size === 0) return true;
    const seen = new Set<Segment>();
    const queue: Segment[] = [codePath.initialSegment];
    while (queue.length > 0) {
      const segment = queue.pop() as Segment;
      if (seen.has(segment) || guard.has(segment)) continue;
      seen.add(segment);
      if (targets.has(segment)) return false;
      for (const next of segment.nextSegments) queue.push(next);
    }
    return true;
  }
}

/** The function (or Program) whose code path contains `node`. */
export function ownerOf(node: TSESTree.Node): TSESTree.Node {
  let current = node.parent;
  while (current) {
    if (isFunctionNode(current) || current.type === 'Program') return current;
    current = current.parent;
  }
  return node;
}

/**
 * Whether the engine delivers code path events for the file being linted, decided at `Program` (ESLint calls
 * the Program's `onCodePathStart` before any `Program` listener). One probe per rule instance, so per file.
 */
export function codePathEventsProbe(): { listeners: TSESLint.RuleListener; readonly delivered: boolean | undefined } {
  let started = false;
  let delivered: boolean | undefined;
  return {
    listeners: {
      onCodePathStart: () => {
        started = true;
      },
      Program: () => {
        delivered = started;
      },
    } as unknown as TSESLint.RuleListener,
    get delivered() {
      return delivered;
    },
  };
}
