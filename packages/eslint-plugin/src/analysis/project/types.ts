import type { HttpClientName } from '../requests.js';
import type { NavigationKind, NavigationSink } from '../navigation.js';

/**
 * What a module summary says (docs/cross-file.md). Summaries hold no AST nodes of the
 * module they describe: they outlive its parse, are shared by every file that imports it and may be rebuilt when
 * the file changes. Values are templates: known text, a parameter of the summarised function (`param` with the
 * property path read from it: `opts.url` is `{ param: 0, path: ['url'] }`) or `null` for an unknown part.
 */
export interface ParamRef {
  readonly param: number;
  readonly path: readonly string[];
}

export type TemplatePart = string | ParamRef | null;
export type Template = readonly TemplatePart[];

/** Where an exported value or function is defined: what a cross-file finding names. */
export interface Origin {
  /** The exported name (`mpRequest`, `Config`); `default` for a default export without a name. */
  readonly name: string;
  /** Absolute path of the module. */
  readonly file: string;
  readonly line: number;
  /** One-based column, as editors and SARIF count. */
  readonly column: number;
}

/** A request the function makes, with the parts that come from its parameters. */
export interface RequestEffect {
  readonly client: HttpClientName;
  /** The method, or the parameter it comes from (`request(method, url)` of a wrapper that passes it on). */
  readonly method: string | ParamRef | undefined;
  readonly url: readonly Template[];
  /** The parameter (or property of one) that becomes the options object, body, query, headers. */
  readonly options: ParamRef | undefined;
  readonly body: ParamRef | undefined;
  readonly query: ParamRef | undefined;
  readonly headers: ParamRef | undefined;
}

/** A navigation the function makes. */
export interface NavigationEffect {
  readonly kind: NavigationKind;
  readonly window: NavigationSink['window'];
  readonly side: NavigationSink['side'];
  readonly target: readonly Template[];
}

/** A plain-text write (a log line, client storage, a cookie) of data that comes from a parameter. */
export interface SinkEffect {
  readonly kind: 'storage' | 'cookie' | 'server-cookie' | 'log' | 'response';
  /** What is written to, for the message: `console.log`, `localStorage`. */
  readonly target: string;
  /** The parameters (or properties of them) whose data the write holds. */
  readonly values: readonly ParamRef[];
}

export interface FunctionSummary {
  readonly requests: readonly RequestEffect[];
  readonly navigations: readonly NavigationEffect[];
  /**
   * The string values the function returns, as templates over its parameters (a URL built by a helper:
   * `https://open.weixin.qq.com/connect/oauth2/authorize?…&scope=snsapi_userinfo`). Empty when unknown.
   */
  readonly returns: readonly Template[];
  /** The parameters whose data the returned value carries (`buildUri(host, path, { openid })` → 2). */
  readonly returnsParams: readonly number[];
  /** Plain-text writes of parameter data done inside the function. */
  readonly sinks: readonly SinkEffect[];
}

/** Another module's export (a re-export, or an exported imported binding), resolved on lookup. */
export interface ExportLink {
  readonly kind: 'link';
  /** The resolved module, undefined when it is missing or outside the project. */
  readonly file: string | undefined;
  /** Property path in that module's exports; empty for the module's whole exports object. */
  readonly path: readonly string[];
}

export type ExportValue =
  | { readonly kind: 'strings'; readonly values: readonly Template[]; readonly origin: Origin }
  | { readonly kind: 'object'; readonly properties: ReadonlyMap<string, ExportValue>; readonly origin: Origin }
  | { readonly kind: 'function'; readonly summary: FunctionSummary; readonly origin: Origin }
  /** An Official Account SDK client the module constructs and exports (`module.exports = new WechatAPI(…)`). */
  | { readonly kind: 'client'; readonly module: string; readonly origin: Origin }
  | ExportLink
  | { readonly kind: 'opaque' };

export interface ModuleSummary {
  readonly file: string;
  /** Named exports; CommonJS `exports.x` and the properties of an object `module.exports` included. */
  readonly exports: ReadonlyMap<string, ExportValue>;
  /** `export * from '…'` modules, in order. */
  readonly star: readonly string[];
  /** Whether the module assigns `module.exports` (its whole value is then its `default`, as Node's interop says). */
  readonly commonjs: boolean;
  /** True when the module has an effect another file can reach: a request or a navigation in an export. */
  readonly hasEffects: boolean;
}
