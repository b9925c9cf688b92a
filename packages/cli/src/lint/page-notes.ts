import { readFileSync } from 'node:fs';
import { describeHtmlPage, savedCopySkip } from 'eslint-plugin-wechat-oa';
import type { SettingsFiles } from 'eslint-plugin-wechat-oa/node';

/** A page whose inline scripts hold template tags and parse neither as written nor masked: they are not linted. */
export interface TemplateSkip {
  file: string;
  /** Lines where the skipped scripts start. */
  lines: number[];
  /** `on*` attributes that hold template tags, also left out. */
  handlers: number;
}

/** What the HTML processor and the rules' gate leave out of the pages embedded mode lints. */
export interface PageNotes {
  templateSkips: TemplateSkip[];
  /** Saved copies of other sites' pages, which the rules skip. */
  savedCopies: number;
}

const PAGE = /\.html?$/iu;

/**
 * Reads the pages among `files` (only `.html`/`.htm`: the processor's pages; their text is small and read again by
 * the lint anyway) and asks the plugin what it will make of each under the page's own `.wechat-oa.json`: a saved
 * copy of another site's page (skipped by every rule), or template scripts it cannot lint.
 */
export function pageNotesOf(files: readonly string[], settingsFiles: SettingsFiles): PageNotes {
  const notes: PageNotes = { templateSkips: [], savedCopies: 0 };
  for (const file of files) {
    if (!PAGE.test(file)) continue;
    const { evidence, templates } = describeHtmlPage(readFileSync(file, 'utf8'));
    if (savedCopySkip(evidence, settingsFiles.nearest(file)?.settings ?? {})) {
      notes.savedCopies += 1;
      continue;
    }
    if (templates.skippedLines.length > 0) {
      notes.templateSkips.push({ file, lines: templates.skippedLines, handlers: templates.skippedHandlers });
    }
  }
  return notes;
}
