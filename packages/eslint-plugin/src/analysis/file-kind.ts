import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { isBuiltin } from 'node:module';
import path from 'node:path';
import { minimatch } from 'minimatch';
import { BROWSER_FRAMEWORK_MODULES, BROWSER_ONLY_GLOBALS, COMMONJS_MODULE_GLOBALS, SERVER_FRAMEWORK_MODULES, TEST_FILE_GLOBS } from '../knowledge/runtime.js';
import type { ResolvedSettings } from '../util/settings.js';
import { freeGlobalReferenceMap, moduleSpecifiers } from './globals.js';

/** Where a file's code runs. Checks that need one side skip `unknown` files. */
export type FileKind = 'browser' | 'server' | 'unknown';

export interface FileKindInput {
  filename: string;
  cwd: string;
  program: TSESTree.Program;
  scopeManager: TSESLint.Scope.ScopeManager | null;
  settings: Pick<ResolvedSettings, 'browserFiles' | 'serverFiles'>;
}

function matchesGlobs(filename: string, cwd: string, globs: readonly string[]): boolean {
  if (globs.length === 0) return false;
  const relative = path.relative(cwd, filename).split(path.sep).join('/');
  return globs.some((glob) => minimatch(relative, glob, { dot: true }) || minimatch(filename, glob, { dot: true }));
}

function moduleRoot(specifier: string): string {
  if (specifier.startsWith('@')) return specifier.split('/').slice(0, 2).join('/');
  return specifier.split('/')[0];
}

function isBrowserFramework(specifier: string): boolean {
  return BROWSER_FRAMEWORK_MODULES.has(specifier) || BROWSER_FRAMEWORK_MODULES.has(moduleRoot(specifier)) || specifier.startsWith('@vue/');
}

function isServerModule(specifier: string): boolean {
  if (specifier.startsWith('node:') || isBuiltin(specifier)) return true;
  return SERVER_FRAMEWORK_MODULES.has(specifier) || SERVER_FRAMEWORK_MODULES.has(moduleRoot(specifier)) || specifier.startsWith('@nestjs/');
}

/**
 * Browser code: `.vue`/`.html`, `browserFiles`, a front-end framework import or a browser-only global.
 * Server code: `serverFiles`, a Node built-in or server framework import, or a CommonJS module with no browser
 * evidence. Globs win over imports, imports over globals; a file that imports both sides is unknown.
 */
export function classifyFile(input: FileKindInput): FileKind {
  const { filename, cwd, settings } = input;
  const extension = path.extname(filename).toLowerCase();
  // Blocks of a processed file are named `page.html/0_x.js`.
  if (extension === '.vue' || extension === '.html' || extension === '.htm' || /\.(?:html|htm|vue)[/\\]/u.test(filename)) return 'browser';
  if (matchesGlobs(filename, cwd, settings.browserFiles)) return 'browser';
  if (matchesGlobs(filename, cwd, settings.serverFiles)) return 'server';
  let browserImport = false;
  let serverImport = false;
  for (const specifier of moduleSpecifiers(input.program, input.scopeManager)) {
    if (isBrowserFramework(specifier)) browserImport = true;
    else if (isServerModule(specifier)) serverImport = true;
  }
  if (browserImport && serverImport) return 'unknown';
  if (browserImport) return 'browser';
  if (serverImport) return 'server';
  const globals = freeGlobalReferenceMap(input.scopeManager);
  for (const name of BROWSER_ONLY_GLOBALS) if (globals.has(name)) return 'browser';
  // A CommonJS module (`module.exports = { appsecret: … }`, a config file) with nothing of the browser in it runs
  // in Node. Decided from this file alone for now: a CommonJS module that browser code imports through a bundler
  // counts as server code too until the whole-project import graph can say who imports it.
  if (COMMONJS_MODULE_GLOBALS.some((name) => globals.has(name))) return 'server';
  return 'unknown';
}

/** True for test code (knowledge/runtime.ts `TEST_FILE_GLOBS`): it runs for developers, never for the account's users. */
export function isTestFile(filename: string, cwd: string): boolean {
  // Only the path inside the project counts: a checkout kept under some `/tests/` folder is no test.
  const relative = path.relative(cwd, filename).split(path.sep).join('/');
  return TEST_FILE_GLOBS.some((glob) => minimatch(relative, glob, { dot: true }));
}
