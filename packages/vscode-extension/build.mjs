// Bundles the extension with esbuild into dist/:
//   extension.cjs CommonJS, as VS Code loads extensions; `vscode` is provided by the host
//   server.mjs    the language server with ESLint, the plugin and the parsers inlined (ESM)
//   worker.mjs    the server's lint worker, found by the server as its sibling `worker.<same extension>`
// so the .vsix runs offline in a folder with no node_modules. `--production` minifies and drops source maps.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const production = process.argv.includes('--production');
const require = createRequire(import.meta.url);
const serverRoot = dirname(require.resolve('wechat-oa-language-server/package.json'));
const pluginRoot = dirname(createRequire(join(serverRoot, 'package.json')).resolve('eslint-plugin-wechat-oa/package.json'));

// Type-check first: esbuild only strips types.
const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(here, 'tsconfig.json'), '--noEmit'], {
  stdio: 'inherit',
});
if (tsc.status !== 0) process.exit(tsc.status ?? 1);

rmSync(join(here, 'dist'), { recursive: true, force: true });
mkdirSync(join(here, 'dist'), { recursive: true });

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  minify: production,
  sourcemap: production ? false : 'linked',
  logLevel: 'warning',
  legalComments: production ? 'none' : 'inline',
};

await esbuild.build({
  ...common,
  entryPoints: { extension: join(here, 'src', 'extension.ts') },
  outdir: join(here, 'dist'),
  format: 'cjs',
  outExtension: { '.js': '.cjs' },
  external: ['vscode'],
});

/**
 * Packages that read a JSON file next to them at run time with `createRequire(import.meta.url)('../x.json')`
 * (the plugin's package-info does, for its name, version and docs URL) would look for it beside the bundle.
 * Inline such JSON at build time instead.
 */
const inlineCreateRequireJson = {
  name: 'inline-create-require-json',
  setup(build) {
    build.onLoad({ filter: /\.[cm]?[jt]s$/ }, (args) => {
      if (args.path.includes(`${join('node_modules', '')}`) && !args.path.includes('wechat-oa')) return undefined;
      const source = readFileSync(args.path, 'utf8');
      const pattern = /createRequire\(import\.meta\.url\)\((['"])(\.{1,2}\/[^'"]+\.json)\1\)/gu;
      if (!pattern.test(source)) return undefined;
      const contents = source.replace(pattern, (_match, _quote, relative) =>
        `(${JSON.stringify(JSON.parse(readFileSync(resolve(dirname(args.path), relative), 'utf8')))})`,
      );
      return { contents, loader: args.path.endsWith('ts') ? 'ts' : 'js', resolveDir: dirname(args.path) };
    });
  },
};

const serverEntries = { server: join(serverRoot, 'src', 'server.ts'), worker: join(serverRoot, 'src', 'worker.ts') };
const missing = Object.values(serverEntries).filter((file) => !existsSync(file));
if (missing.length > 0) {
  // The extension builds without them (the rest of the workspace must keep building); the .vsix and the e2e test
  // need them and say so.
  console.warn(`wechat-oa-vscode: language server entry missing (${missing.join(', ')}); dist/server.mjs not built`);
} else {
  await esbuild.build({
    ...common,
    entryPoints: serverEntries,
    outdir: join(here, 'dist'),
    outExtension: { '.js': '.mjs' },
    format: 'esm',
    // The server reads rule metadata from the plugin and the worker runs it: code both use goes into shared
    // chunks instead of being inlined twice.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    // ESLint imports jiti only to load a TypeScript config file (eslint.config.ts) and reports its absence itself.
    external: ['jiti', 'jiti/package.json'],
    // Give CommonJS dependencies (ESLint, typescript, parsers) the `require`, `__filename` and `__dirname` they
    // expect inside an ES module.
    banner: {
      js: [
        "import { createRequire as __wechatOaCreateRequire } from 'node:module';",
        "import { fileURLToPath as __wechatOaFileURLToPath } from 'node:url';",
        "import { dirname as __wechatOaDirname } from 'node:path';",
        'const require = __wechatOaCreateRequire(import.meta.url);',
        'const __filename = __wechatOaFileURLToPath(import.meta.url);',
        'const __dirname = __wechatOaDirname(__filename);',
      ].join('\n'),
    },
    plugins: [inlineCreateRequireJson],
  });
  // The rule docs travel with the server: diagnostics link to them (codeDescription.href).
  if (existsSync(join(pluginRoot, 'docs'))) cpSync(join(pluginRoot, 'docs'), join(here, 'dist', 'docs'), { recursive: true });
}
