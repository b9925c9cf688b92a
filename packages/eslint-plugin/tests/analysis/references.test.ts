import { describe, expect, it } from 'vitest';
import { analyze } from './harness.js';

/** Every global access as `kind path` (path joined with dots, `<global>` for the global object itself). */
function accesses(code: string): string[] {
  return analyze(code, (analysis) =>
    analysis.globals.accesses
      .map((access) => `${access.kind} ${access.path.join('.') || '<global>'} @${access.node.loc.start.line}:${access.node.loc.start.column}`)
      .sort(),
  );
}

describe('free global references', () => {
  it.each([
    ['assignment to location', `location = '/a';`, ['write location @1:0']],
    ['location.href through window', `window.location.href = '/a';`, ['write location.href @1:0']],
    ['globalThis and self are the global object', `globalThis.location.assign('/a'); self.location.replace('/b');`, ['call location.assign @1:0', 'call location.replace @1:34']],
    ['frames and window.window', `frames.window.location.href = '/a';`, ['write location.href @1:0']],
    ['top and parent stay in the path', `top.location = '/a'; window.parent.location.href = '/b';`, ['write parent.location.href @1:21', 'write top.location @1:0']],
    ['document.location is location', `document.location.href = '/a';`, ['write location.href @1:0']],
    ['optional chain and computed literal key', `window?.['location'].replace('/a');`, ['call location.replace @1:0']],
    ['local alias of the global object', `const w = window;\nw.location.href = '/a';`, ['read <global> @1:10', 'write location.href @2:0']],
    ['destructured alias', `const { location: loc } = window;\nloc.href = '/a';`, ['read <global> @1:26', 'write location.href @2:0']],
    ['alias of location', `const l = window.location;\nl.assign('/a');`, ['call location.assign @2:0', 'read location @1:10']],
    ['reassigned alias is not followed', `let w = window; w = other;\nw.location.href = '/a';`, ['read <global> @1:8', 'read other @1:20']],
    ['shadowed names are not globals', `function f(location, window) { location.href = '/a'; window.open('/b'); }`, []],
    ['local declaration shadows', `const location = { href: '' };\nlocation.href = '/a';`, []],
    ['construct', `const x = new XMLHttpRequest();`, ['construct XMLHttpRequest @1:14']],
    ['dynamic member stops the path', `window[key].href = '/a';`, ['read <global> @1:0', 'read key @1:7']],
  ])('%s', (_name, code, expected) => {
    expect(accesses(code)).toEqual(expected);
  });

  it('finds globals the config declares', () => {
    const result = analyze(
      `location.href = '/a';`,
      (analysis) => analysis.globals.accessesTo(['location', 'href'], { exact: true, kind: 'write' }).length,
      { settings: {} },
    );
    expect(result).toBe(1);
  });
});
