import path from 'node:path';
import { linkPackage, PLUGIN_ROOT, REPO_ROOT, tempDir, writeFiles } from './cli.js';

/**
 * A scratch project that uses the plugin through its own `eslint.config.js`, with `eslint` and
 * `eslint-plugin-wechat-oa` resolvable from its `node_modules` as after an install.
 */
export function scratchProject(files: Record<string, string>, eslintPackage = 'eslint'): string {
  const dir = tempDir('wechat-oa-project-');
  writeFiles(dir, { 'package.json': '{ "type": "module" }\n', ...files });
  linkPackage(dir, 'eslint', path.join(REPO_ROOT, 'node_modules', eslintPackage));
  linkPackage(dir, 'eslint-plugin-wechat-oa', PLUGIN_ROOT);
  return dir;
}
