import { createRequire } from 'node:module';

interface PackageJson {
  name: string;
  version: string;
  repository: { url: string; directory: string };
}

// Both src/util and dist/util sit two levels below the package root.
const pkg = createRequire(import.meta.url)('../../package.json') as PackageJson;

export const PLUGIN_NAME = pkg.name;
export const PLUGIN_VERSION = pkg.version;

/** Web address of a rule's English doc, built from the package's `repository` field. */
export function ruleDocsUrl(ruleName: string): string {
  const base = pkg.repository.url.replace(/^git\+/u, '').replace(/\.git$/u, '');
  return `${base}/blob/main/${pkg.repository.directory}/docs/rules/${ruleName}.md`;
}
