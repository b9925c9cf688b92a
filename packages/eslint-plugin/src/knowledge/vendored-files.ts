/**
 * File names of vendored third-party code that a project keeps beside its own: minified bundles and copies of
 * the JS-SDK (`jweixin-1.6.0.js`). What such a file does is not the project's code, so neither the presets nor
 * the command line's embedded mode lint it. Written as file-name globs (no folders): the presets prefix `**∕`,
 * the command line uses them as `.gitignore` lines.
 */
export const VENDORED_FILE_NAMES: readonly string[] = ['*.min.js', '*.min.mjs', '*.min.cjs', 'jweixin-*.js'];

/** The same names as flat-config globs that match at any depth. */
export const VENDORED_FILE_GLOBS: readonly string[] = VENDORED_FILE_NAMES.map((name) => `**/${name}`);
