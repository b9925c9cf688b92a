/** Modules whose import marks a file as browser code (SPEC §3.1). `@vue/*` counts too. */
export const BROWSER_FRAMEWORK_MODULES: ReadonlySet<string> = new Set([
  'react',
  'react-dom',
  'vue',
  'weixin-js-sdk',
  'jweixin-module',
]);

/** Modules whose import marks a file as server code, besides Node built-ins and `@nestjs/*`. */
export const SERVER_FRAMEWORK_MODULES: ReadonlySet<string> = new Set([
  'express',
  'koa',
  '@koa/router',
  'koa-router',
  'egg',
  'fastify',
  'next/server',
  'midway',
  '@midwayjs/core',
  '@midwayjs/web',
]);

/** Globals that exist only in browsers (and the JS-SDK's `wx`); their use marks a file as browser code. */
export const BROWSER_ONLY_GLOBALS: readonly string[] = [
  'window',
  'document',
  'location',
  'navigator',
  'localStorage',
  'sessionStorage',
  'wx',
];
