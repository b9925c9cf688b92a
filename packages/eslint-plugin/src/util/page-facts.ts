/**
 * What the HTML processor learnt about a page that the rules' gate needs while the page's blocks are linted:
 * whether it is a saved copy of another site's page. ESLint runs a processor's `preprocess` and the rules of the
 * blocks it returns back to back in one thread (Linter#verify), so the processor records the page here, by the
 * page's own file name (the blocks' `physicalFilename`), and the gate in util/createRule.ts reads it.
 */

/** Evidence in a page that it was saved from another site, with the host it names. */
export interface SavedPageEvidence {
  kind: 'saved-from' | 'base' | 'canonical' | 'og:url';
  /** The URL the page names. */
  url: string;
  /** Its host as the plugin's one URL parser reads it (analysis/values.ts `parseUrl`), lowercased; '' when the URL has none. */
  host: string;
}

const pages = new Map<string, readonly SavedPageEvidence[]>();

/** Called by the processor for every page it splits (an empty list clears what an earlier run recorded). */
export function recordPageEvidence(filename: string, evidence: readonly SavedPageEvidence[]): void {
  if (evidence.length === 0) pages.delete(filename);
  else pages.set(filename, evidence);
}

/** The saved-page evidence recorded for a page, or an empty list. */
export function pageEvidenceOf(filename: string): readonly SavedPageEvidence[] {
  return pages.get(filename) ?? [];
}
