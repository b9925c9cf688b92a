import { createRequire } from 'node:module';

interface PackageJson {
  name: string;
  version: string;
  homepage?: string;
  repository: { url: string; directory?: string };
}

// src/ and dist/ both sit one level below the package root.
const pkg = createRequire(import.meta.url)('../package.json') as PackageJson;

export const CLI_NAME = pkg.name;
export const CLI_VERSION = pkg.version;
/** Where SARIF consumers and `--help` send people: the repository's web address. */
export const CLI_INFORMATION_URI = pkg.repository.url.replace(/^git\+/u, '').replace(/\.git$/u, '');
