// Types for score.mjs, imported by the CLI's unit test of the corpus scoring (packages/cli/tests/eval-corpus-score.test.ts).
export interface Label {
  file: string;
  line: number;
  rule: string;
  verdict: 'yes' | 'no';
  reason: string;
  where: string;
}
export interface Finding {
  file: string;
  line: number;
  rule: string;
  message: string;
}
export interface Counts {
  found: number;
  missed: number;
  false: number;
  notEnabled: number;
}
export interface ScoredFinding extends Finding {
  label?: Label;
  unlabelled?: boolean;
}
export interface Score {
  totals: Counts;
  perRule: Map<string, Counts>;
  perClause: Map<string, Counts>;
  perRepo: Map<string, Counts>;
  found: ScoredFinding[];
  false: ScoredFinding[];
  missed: Label[];
  notEnabled: Label[];
  unlabelled: ScoredFinding[];
}
export declare const LABEL_HEADER: string[];
export declare function bareRuleId(ruleId: string): string;
export declare function labelKey(file: string, line: number, rule: string): string;
export declare function parseLabels(text: string, source?: string): { labels: Label[]; problems: string[] };
export declare function indexLabels(labels: Label[]): { byKey: Map<string, Label>; problems: string[] };
export declare function scoreRun(input: {
  findings: Finding[];
  labels: Label[];
  enabledRules: Iterable<string>;
  clauseOf: (rule: string) => string | undefined;
  repos?: Set<string>;
}): Score;
export declare function precision(counts: Counts): number | undefined;
export declare function recall(counts: Counts): number | undefined;
