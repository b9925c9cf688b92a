// Scoring of one lint run against the hand-written corpus labels (bench/corpus/labels*.tsv). Pure functions: the
// runner (scripts/eval-corpus.mjs) feeds them the CLI's findings, and the CLI's tests feed them a tiny table.
//
// A label is one reported line: `file line rule verdict reason`, file = `<corpus dir>/<path inside the repo>`.
// A finding matches a label when file, rule and line are all equal (no tolerance: a rule that moves its report
// to another node must have its label moved too, so the labels stay a statement about positions).

export const LABEL_HEADER = ['file', 'line', 'rule', 'verdict', 'reason'];

/** Rule ids in labels may carry the plugin prefix or not; scores use the bare id. */
export function bareRuleId(ruleId) {
  return ruleId.startsWith('wechat-oa/') ? ruleId.slice('wechat-oa/'.length) : ruleId;
}

/** The key that ties a finding to its label. */
export function labelKey(file, line, rule) {
  return `${file}\t${line}\t${bareRuleId(rule)}`;
}

/**
 * Parses one labels file. Returns the rows and the problems found in it (bad verdicts, missing fields,
 * a second row for the same file, line and rule), each naming the source line so it can be corrected.
 */
export function parseLabels(text, source = 'labels.tsv') {
  const labels = [];
  const problems = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, index) => {
    if (raw.trim() === '' || raw.startsWith('#')) return;
    const cells = raw.split('\t');
    if (index === 0 && cells[0] === LABEL_HEADER[0]) return;
    const where = `${source}:${index + 1}`;
    if (cells.length < 5) {
      problems.push(`${where}: expected 5 tab-separated fields (${LABEL_HEADER.join(', ')}), got ${cells.length}`);
      return;
    }
    const [file, lineText, rule, verdict, ...reasonParts] = cells;
    const line = Number(lineText);
    if (!Number.isInteger(line) || line < 1) problems.push(`${where}: line "${lineText}" is not a positive integer`);
    else if (verdict !== 'yes' && verdict !== 'no') problems.push(`${where}: verdict "${verdict}" is neither yes nor no`);
    else if (!file.includes('/')) problems.push(`${where}: file "${file}" does not start with the corpus folder`);
    else labels.push({ file, line, rule: bareRuleId(rule), verdict, reason: reasonParts.join('\t').trim(), where });
  });
  return { labels, problems };
}

/** Indexes labels by key; a second label for the same key is a problem (two answers for one reported line). */
export function indexLabels(labels) {
  const byKey = new Map();
  const problems = [];
  for (const label of labels) {
    const key = labelKey(label.file, label.line, label.rule);
    const earlier = byKey.get(key);
    if (earlier) problems.push(`${label.where}: same file, line and rule as ${earlier.where}`);
    else byKey.set(key, label);
  }
  return { byKey, problems };
}

function emptyCounts() {
  return { found: 0, missed: 0, false: 0, notEnabled: 0 };
}

/**
 * Scores one preset's findings.
 * - findings: `{ file, line, rule, message }` (one per reported line: duplicates on the same key count once);
 * - labels: parsed label rows (all of them; only those of `repos`, when given, are scored);
 * - enabledRules: the bare ids the preset turns on; `clauseOf(rule)`: the rule's clause (S1…S11);
 * - repos: the corpus folders that were linted (labels of folders not linted are left out, not missed).
 * A finding with a yes-label is found, with a no-label false (the label's reason), without a label false
 * (unlabelled); a yes-label of an enabled rule that no finding matches is missed; a yes-label of a rule the
 * preset does not enable is counted apart (`notEnabled`), never against the preset.
 */
export function scoreRun({ findings, labels, enabledRules, clauseOf, repos }) {
  const enabled = new Set([...enabledRules].map(bareRuleId));
  const inScope = (file) => !repos || repos.has(file.slice(0, file.indexOf('/')));
  const { byKey } = indexLabels(labels.filter((label) => inScope(label.file)));
  const perRule = new Map();
  const perClause = new Map();
  const perRepo = new Map();
  const bump = (rule, field, file) => {
    for (const [table, key] of [
      [perRule, rule],
      [perClause, clauseOf(rule) ?? '?'],
      [perRepo, file.slice(0, file.indexOf('/'))],
    ]) {
      if (!table.has(key)) table.set(key, emptyCounts());
      table.get(key)[field] += 1;
    }
  };

  const found = [];
  const falseFindings = [];
  const seen = new Set();
  for (const finding of findings) {
    const rule = bareRuleId(finding.rule);
    const key = labelKey(finding.file, finding.line, rule);
    if (seen.has(key)) continue;
    seen.add(key);
    const label = byKey.get(key);
    if (label?.verdict === 'yes') {
      found.push({ ...finding, rule, label });
      bump(rule, 'found', finding.file);
    } else {
      falseFindings.push({ ...finding, rule, label, unlabelled: !label });
      bump(rule, 'false', finding.file);
    }
  }

  const missed = [];
  const notEnabled = [];
  for (const [key, label] of byKey) {
    if (label.verdict !== 'yes' || seen.has(key)) continue;
    if (enabled.has(label.rule)) {
      missed.push(label);
      bump(label.rule, 'missed', label.file);
    } else {
      notEnabled.push(label);
      bump(label.rule, 'notEnabled', label.file);
    }
  }

  const totals = emptyCounts();
  for (const counts of perRule.values()) for (const field of Object.keys(totals)) totals[field] += counts[field];
  return {
    totals,
    perRule,
    perClause,
    perRepo,
    found,
    false: falseFindings,
    missed,
    notEnabled,
    unlabelled: falseFindings.filter((finding) => finding.unlabelled),
  };
}

/** found / (found + false), or undefined with no finding. */
export function precision(counts) {
  const reported = counts.found + counts.false;
  return reported === 0 ? undefined : counts.found / reported;
}

/** found / (found + missed), or undefined with no yes-label. */
export function recall(counts) {
  const expected = counts.found + counts.missed;
  return expected === 0 ? undefined : counts.found / expected;
}
