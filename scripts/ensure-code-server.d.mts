// Types for ensure-code-server.mjs, imported by the VS Code extension's end-to-end test.
export declare const CODE_SERVER_VERSION: string;
export declare const NODE24_VERSION: string;
export declare function codeServerCacheDir(): string;
/** Installs code-server into the cache when absent; throws an Error naming the failed step. */
export declare function ensureCodeServer(options?: { quiet?: boolean }): { dir: string; node: string; entry: string };
export declare function removeCodeServerCache(): void;
