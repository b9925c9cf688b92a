/**
 * Where a page or a server sends the browser (docs/architecture.md, no-auto-redirect, clause S7). The analysis in
 * analysis/navigation.ts finds these operations; rules read the result.
 */

/** Names of the global object (`window.location` ≡ `location`); `frames` is the same object too. */
export const GLOBAL_OBJECT_NAMES: readonly string[] = ['window', 'globalThis', 'self', 'frames'];

/** Properties of the global object that are other windows whose location can be set. */
export const OTHER_WINDOW_NAMES: readonly string[] = ['top', 'parent'];

/** `location.assign(url)` and `location.replace(url)` navigate. */
export const LOCATION_NAVIGATION_METHODS: readonly string[] = ['assign', 'replace'];
/** Properties of `location` whose assignment navigates (`location.href = …`); `location = …` itself too. */
export const LOCATION_NAVIGATION_PROPERTIES: readonly string[] = ['href'];

/** Server responses that redirect: `res.redirect(url)`, `ctx.redirect(url)`, `reply.redirect(url)`. */
export const SERVER_REDIRECT_METHODS: readonly string[] = ['redirect'];
/** Egg's redirect that skips its domain allowlist. */
export const SERVER_UNSAFE_REDIRECT_METHODS: readonly string[] = ['unsafeRedirect'];
/** Methods that set one response header: `res.setHeader('Location', url)`, `ctx.set('Location', url)`. */
export const SERVER_SET_HEADER_METHODS: readonly string[] = ['setHeader', 'set', 'header', 'append'];
/** Methods that write the status line and headers: `res.writeHead(302, { Location: url })`. */
export const SERVER_WRITE_HEAD_METHODS: readonly string[] = ['writeHead'];
/** The redirect header. */
export const LOCATION_HEADER = 'location';
/** Names a response object goes by in route handlers when it is not a tracked handler parameter. */
export const RESPONSE_OBJECT_NAMES: readonly string[] = ['res', 'response', 'reply', 'ctx', 'context'];

/** `redirect()`/`permanentRedirect()` of `next/navigation`, and `NextResponse.redirect()` of `next/server`. */
export const NEXT_NAVIGATION_MODULE = 'next/navigation';
export const NEXT_REDIRECT_FUNCTIONS: readonly string[] = ['redirect', 'permanentRedirect'];
export const NEXT_SERVER_MODULE = 'next/server';
/** Nest's `@Redirect(url, status)` decorator. */
export const NEST_COMMON_MODULE = '@nestjs/common';
export const NEST_REDIRECT_DECORATOR = 'Redirect';
/** Next.js data functions whose `{ redirect: { destination } }` result redirects on the server. */
export const NEXT_DATA_FUNCTIONS: readonly string[] = ['getServerSideProps', 'getStaticProps'];
