/**
 * Turns per-file inventory entries into the project inventory: stores with their writes and deletions, the stores
 * holding user data with no deletion path (S4), and a summary per clause. Renders Markdown for people; the JSON
 * form follows schema/inventory.schema.json.
 */
import type { ClauseSummary, Inventory, InventoryEntry, StoreSummary } from './types.js';
import type { FileInventory } from './rule.js';

/** `redis *` deletes any Redis key, `localStorage *` any key of that storage, `cookie *` any cookie. */
function deletionCovers(deletionStore: string, store: string): boolean {
  if (deletionStore === store) return true;
  if (!deletionStore.endsWith(' *')) return false;
  const family = deletionStore.slice(0, -2);
  return store.startsWith(`${family} `);
}

const byPosition = (a: { file: string; line: number }, b: { file: string; line: number }) =>
  a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1;

export function buildInventory(
  files: readonly FileInventory[],
  options: { root: string; toolName: string; toolVersion: string; relative: (filePath: string) => string },
): Inventory {
  const entries: InventoryEntry[] = files.flatMap((file) => file.entries).sort((a, b) => byPosition(a, b) || a.column - b.column);
  const stores = new Map<string, StoreSummary>();
  const deletions = entries.filter((entry) => entry.category === 'deleted');
  for (const entry of entries) {
    if (entry.category !== 'stored' || !entry.store) continue;
    let summary = stores.get(entry.store);
    if (!summary) {
      summary = { store: entry.store, kinds: [], writes: [], deletions: [], expiresOnWrite: true, noDeletionPath: false };
      stores.set(entry.store, summary);
    }
    summary.kinds = [...new Set([...summary.kinds, ...entry.kinds])].sort();
    summary.writes.push({ file: entry.file, line: entry.line });
    summary.expiresOnWrite &&= entry.expires === true;
  }
  for (const summary of stores.values()) {
    for (const deletion of deletions) {
      if (deletion.store && deletionCovers(deletion.store, summary.store)) {
        summary.deletions.push({ file: deletion.file, line: deletion.line, onUnsubscribe: deletion.onUnsubscribe === true });
      }
    }
    // Logs are kept by the logging system; their retention is configured outside the code.
    summary.noDeletionPath = summary.store !== 'logs' && summary.deletions.length === 0 && !summary.expiresOnWrite;
  }
  const storeList = [...stores.values()].sort((a, b) => (a.store < b.store ? -1 : 1));
  const unsubscribeHandlers = files
    .flatMap((file) => file.unsubscribeHandlers.map((line) => ({ file: options.relative(file.filePath), line })))
    .sort(byPosition);

  const collected = entries.filter((entry) => entry.category === 'collected');
  const missingConsent = collected.filter((entry) => entry.consent === 'missing');
  const thirdParty = entries.filter((entry) => entry.category === 'sent' && entry.destination === 'third-party' && entry.kinds.length > 0);
  const noDeletion = storeList.filter((store) => store.noDeletionPath);
  const clauses: ClauseSummary[] = [
    {
      clause: 'S1',
      summary: `${collected.length} collection point(s); ${missingConsent.length} without a consent check or user gesture`,
      findings: missingConsent.length,
    },
    {
      clause: 'S3',
      summary: `${thirdParty.length} place(s) where user data is sent to a third-party host`,
      findings: thirdParty.length,
    },
    {
      clause: 'S4',
      summary: `${storeList.length} store(s) holding user data; ${noDeletion.length} with no deletion path found`,
      findings: noDeletion.length,
    },
  ];
  return {
    tool: { name: options.toolName, version: options.toolVersion },
    root: options.root,
    files: files.length,
    entries,
    stores: storeList,
    unsubscribeHandlers,
    clauses,
  };
}

const CATEGORY_TITLES = {
  collected: 'Collected',
  stored: 'Stored',
  sent: 'Sent',
  deleted: 'Deleted',
} as const;

function cell(text: string): string {
  return text.replace(/\|/gu, '\\|').replace(/\n/gu, ' ');
}

export function inventoryToMarkdown(inventory: Inventory): string {
  const lines: string[] = [];
  lines.push(`# Data inventory`, '');
  lines.push(`${inventory.files} file(s) under \`${inventory.root}\`, by ${inventory.tool.name} ${inventory.tool.version}.`, '');
  lines.push('| clause | summary |', '|---|---|');
  for (const clause of inventory.clauses) lines.push(`| ${clause.clause} | ${cell(clause.summary)} |`);
  for (const category of ['collected', 'stored', 'sent', 'deleted'] as const) {
    const rows = inventory.entries.filter((entry) => entry.category === category);
    lines.push('', `## ${CATEGORY_TITLES[category]} (${rows.length})`, '');
    if (rows.length === 0) {
      lines.push('None found.');
      continue;
    }
    if (category === 'collected') {
      lines.push('| where | operation | data | source | consent (S1) |', '|---|---|---|---|---|');
      for (const row of rows) lines.push(`| ${row.file}:${row.line} | \`${cell(row.operation)}\` | ${row.kinds.join(', ') || '–'} | ${row.source ?? ''} | ${row.consent ?? ''} |`);
    } else if (category === 'stored') {
      lines.push('| where | operation | data | store | expires |', '|---|---|---|---|---|');
      for (const row of rows) lines.push(`| ${row.file}:${row.line} | \`${cell(row.operation)}\` | ${row.kinds.join(', ')} | ${cell(row.store ?? '')} | ${row.expires ? 'yes' : ''} |`);
    } else if (category === 'sent') {
      lines.push('| where | operation | data | host | destination |', '|---|---|---|---|---|');
      for (const row of rows) lines.push(`| ${row.file}:${row.line} | \`${cell(row.operation)}\` | ${row.kinds.join(', ') || '–'} | ${cell(row.host ?? '')} | ${row.destination ?? ''} |`);
    } else {
      lines.push('| where | operation | store | on unsubscribe |', '|---|---|---|---|');
      for (const row of rows) lines.push(`| ${row.file}:${row.line} | \`${cell(row.operation)}\` | ${cell(row.store ?? '')} | ${row.onUnsubscribe ? 'yes' : ''} |`);
    }
  }
  lines.push('', '## Stores', '');
  if (inventory.stores.length === 0) lines.push('None found.');
  else {
    lines.push('| store | data | writes | deletion path |', '|---|---|---|---|');
    for (const store of inventory.stores) {
      const path = store.store === 'logs'
        ? 'log retention is configured outside the code'
        : store.deletions.length
          ? store.deletions.map((d) => `${d.file}:${d.line}${d.onUnsubscribe ? ' (on unsubscribe)' : ''}`).join(', ')
          : store.expiresOnWrite
            ? 'expires on write'
            : '**none found (S4)**';
      lines.push(`| ${cell(store.store)} | ${store.kinds.join(', ')} | ${store.writes.map((w) => `${w.file}:${w.line}`).join(', ')} | ${path} |`);
    }
  }
  const missing = inventory.stores.filter((store) => store.noDeletionPath);
  lines.push('', '## S4: stores with no deletion path', '');
  if (missing.length === 0) lines.push('Every store holding user data has a deletion path or an expiry.');
  else {
    lines.push('Data must be deleted when Tencent requires it, and all of it (backups too) when the service is no longer used. No delete call or expiry was found for:', '');
    for (const store of missing) lines.push(`- \`${store.store}\` (${store.kinds.join(', ')}), written at ${store.writes.map((w) => `${w.file}:${w.line}`).join(', ')}`);
  }
  lines.push('', '## Unsubscribe handlers', '');
  if (inventory.unsubscribeHandlers.length === 0) lines.push('None found: a user who unfollows keeps their data unless another path deletes it.');
  else for (const handler of inventory.unsubscribeHandlers) lines.push(`- ${handler.file}:${handler.line}`);
  lines.push('');
  return lines.join('\n');
}

/**
 * S1 status of the collection points: a browser collection that `require-consent` reported (same line and column)
 * is `missing`; the others are covered by a consent check or a user gesture. Server-side sources are not
 * consent prompts (the OAuth authorize page and the user's own request are), so they stay `not-applicable`.
 */
export function markConsent(
  files: readonly FileInventory[],
  consentReports: ReadonlyMap<string, readonly { line: number; column: number }[]>,
): void {
  for (const file of files) {
    const reports = consentReports.get(file.filePath) ?? [];
    for (const entry of file.entries) {
      if (entry.category !== 'collected' || entry.consent === 'not-applicable') continue;
      entry.consent = reports.some((report) => report.line === entry.line && report.column === entry.column) ? 'missing' : 'covered';
    }
  }
}
