/** Modules whose import marks a file as browser code. `@vue/*` counts too. */
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

/**
 * The bindings Node gives a CommonJS module (`module.exports`, `exports.x`, `require(…)`). Used free, they make a
 * file a CommonJS module, which is server code when nothing in it says browser. `process` is not among them:
 * bundlers inline `process.env.X` into browser code too.
 */
export const COMMONJS_MODULE_GLOBALS: readonly string[] = ['module', 'exports', 'require'];

/** Array methods whose callback runs once per element (`list.forEach(fn)`, `openids.map(fn)`). */
export const ITERATION_METHODS: ReadonlySet<string> = new Set([
  'forEach',
  'map',
  'flatMap',
  'filter',
  'reduce',
  'reduceRight',
  'some',
  'every',
  'find',
  'findIndex',
  'findLast',
  'findLastIndex',
]);

/** Of those, the methods whose callback's first parameter is an element of the receiver (not an accumulator). */
export const ELEMENT_CALLBACK_METHODS: ReadonlySet<string> = new Set(
  [...ITERATION_METHODS].filter((method) => method !== 'reduce' && method !== 'reduceRight'),
);

/** Libraries whose `(list, fn)` helpers run `fn` per element: async.each, Bluebird Promise.map. */
export const LIST_HELPER_OBJECTS: ReadonlySet<string> = new Set(['async', 'Promise', 'Bluebird', 'bluebird', 'pMap']);
export const LIST_HELPER_METHODS: ReadonlySet<string> = new Set([
  'each',
  'eachSeries',
  'eachLimit',
  'forEach',
  'forEachSeries',
  'forEachLimit',
  'map',
  'mapSeries',
  'mapLimit',
  'mapValues',
]);

/**
 * Where test code lives, by the conventions of the common runners (Mocha's `test/`, Jest's `__tests__/` and
 * `*.test.js`, `*.spec.ts`): globs over the path relative to the working folder. Test code runs on the developer's
 * machine or in CI, never for the account's users.
 */
export const TEST_FILE_GLOBS: readonly string[] = ['**/test/**', '**/tests/**', '**/__tests__/**', '**/*.test.*', '**/*.spec.*'];

/**
 * How a page reads what the visitor typed or chose in a form control: the control's `value` property
 * (`document.querySelector('#mobile').value`, `input.value`) and jQuery's `.val()`.
 */
export const FORM_VALUE_PROPERTY = 'value';
export const FORM_VALUE_METHODS: ReadonlySet<string> = new Set(['val']);
/** Calls that find a form control in the page (`document.getElementById('mobile')`, `$('#mobile')`). */
export const ELEMENT_QUERY_FUNCTIONS: ReadonlySet<string> = new Set([
  'querySelector',
  'getElementById',
  'getElementsByName',
  'getElementsByTagName',
  'getElementsByClassName',
  'querySelectorAll',
  '$',
  'jQuery',
]);

/**
 * Methods that serialise their argument into text, whatever object they are called on: xml2js's
 * `new Builder().buildObject(reply)`, the `stringify` of qs, query-string and JSON5. Their result carries the
 * argument's data (a reply XML holds the `ToUserName` it was built from).
 */
export const SERIALIZER_METHODS: ReadonlySet<string> = new Set(['buildObject', 'stringify']);

/**
 * Command-line frameworks: a file that registers commands with one of them is a command of a tool the operator
 * runs in a terminal, so what its `console` prints goes to the operator's screen, not to a log someone else reads.
 */
export const CLI_FRAMEWORK_MODULES: ReadonlySet<string> = new Set([
  'commander',
  'yargs',
  'cac',
  'meow',
  'sade',
  'citty',
  'clipanion',
  '@oclif/core',
]);
