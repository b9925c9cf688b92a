import { describe, expect, it } from 'vitest';
import { findTriggers, prefilterText } from '../../src/util/prefilter.js';
import { AFFILIATION_PATTERN } from '../../src/knowledge/affiliation-phrases.js';
import { AFFILIATION_ANCHORS, TRIGGER_GROUPS } from '../../src/knowledge/prefilter.js';
import { optionTriggered } from '../../src/util/skip-gate.js';

/** The top-level alternatives of a regular expression's source. */
function alternatives(source: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < source.length; index++) {
    const char = source[index];
    if (char === '\\') index++;
    else if (char === '(') depth++;
    else if (char === ')') depth--;
    else if (char === '|' && depth === 0) {
      parts.push(source.slice(start, index));
      start = index + 1;
    }
  }
  parts.push(source.slice(start));
  return parts;
}

describe('trigger table', () => {
  it('every phrase of the affiliation catalog holds one of the anchors', () => {
    const missing = alternatives(AFFILIATION_PATTERN.source).filter(
      (alternative) => !AFFILIATION_ANCHORS.some((anchor) => alternative.toLowerCase().includes(anchor)),
    );
    expect(missing).toEqual([]);
  });

  it('has no empty group and no word shorter than two characters', () => {
    for (const group of TRIGGER_GROUPS) {
      expect(group.words.length).toBeGreaterThan(0);
      expect(group.words.filter((word) => word.length < 2)).toEqual([]);
    }
  });
});

describe('matching', () => {
  const words = (text: string) => findTriggers(text, true).map((match) => match.word);

  it('finds words case-insensitively anywhere in the text, once each', () => {
    expect(words('const OPENID = x.openId; // see https://API.WEIXIN.QQ.COM and api.weixin.qq.com')).toEqual(['openid', 'api.weixin.qq.com']);
  });

  it('matches short words only at identifier-word boundaries', () => {
    expect(words('const build = gap + fluid;')).toEqual([]);
    expect(words('wx.config({}); userUid; ga("send")')).toEqual(['wx', 'uid', 'ga']);
    expect(words('const user_tel = 1')).toEqual(['tel']);
  });

  it('matches short words written with capitals only as spelled (Node’s fs is not FullStory’s FS)', () => {
    expect(words("const fs = require('fs');")).toEqual([]);
    expect(words("FS.identify(id);")).toEqual(['FS']);
  });

  it('finds an escaped affiliation name', () => {
    expect(prefilterText("const s = '\\u817e讯官方合作';").verdict).toBe('lint');
  });

  it('stops at the first match unless asked for all', () => {
    expect(findTriggers('openid unionid').map((match) => match.word)).toEqual(['openid']);
  });

  it('does not count the comment the HTML processor opens a block with', () => {
    expect(prefilterText('/* wechat-oa: the markup of an HTML page, as JSX */\n<><p>hello</p></>;').verdict).toBe('no-trigger');
    expect(prefilterText('/*wechat-oa:html-event-handlers*/\nfunction onclick(event) {go()\n}').verdict).toBe('no-trigger');
  });

  it('lets a file without any trigger word go', () => {
    expect(prefilterText("export const sum = (a, b) => a + b;\nexport function debounce(fn) { return fn; }").verdict).toBe('no-trigger');
  });

  it('lets a rule option’s string count as a trigger of that rule', () => {
    expect(optionTriggered("import { record } from '@acme/replay';", [{ sdks: ['@acme/replay'] }])).toBe(true);
    expect(optionTriggered('export const a = 1;', [{ sdks: ['@acme/replay'] }])).toBe(false);
  });
});

describe('vendored copies recognised by content', () => {
  it('recognises a copy of the JS-SDK by what it defines, whatever its name', () => {
    const sdk = '!function(e,n){n(e)}(this,function(o){if(!o.jWeixin){var c={config:"preVerifyJSAPI"};o.wx=o.jWeixin=c}});';
    expect(prefilterText(sdk)).toMatchObject({ verdict: 'vendored', vendored: { kind: 'jssdk' } });
    expect(prefilterText('const wx = window.jWeixin;\nwx.ready(() => {});').verdict).toBe('lint');
    // A project's own bridge wrapper calls the bridge as the SDK does: still project code.
    expect(prefilterText("export const verify = (config) => WeixinJSBridge.invoke('preVerifyJSAPI', config);").verdict).toBe('lint');
  });

  it('recognises a library copied in by its `/*!` banner with a version', () => {
    const library = '/*!\n * jQuery-like Library v1.10.2\n * (c) someone\n */\n(function (window) {\n  window.location.hash = "";\n})(window);\n';
    expect(prefilterText(library)).toMatchObject({ verdict: 'vendored', vendored: { kind: 'library' } });
    expect(prefilterText('/*! keep this comment */\nlocation.href = next;\n').verdict).toBe('lint');
  });

  it('recognises a minified bundle by its lines and whitespace, not a hand-written file', () => {
    const minified = Array.from({ length: 200 }, (_, index) => `o.f${index}=function(a,b){return a+b*${index}}`).join(';');
    expect(prefilterText(`/*! bundle */\n${minified}`)).toMatchObject({ verdict: 'vendored', vendored: { kind: 'minified' } });
    const written = Array.from({ length: 200 }, (_, index) => `function f${index}(a, b) {\n  return a + b * ${index};\n}`).join('\n');
    expect(prefilterText(`${written}\nwx.ready(f1);`).verdict).toBe('lint');
  });

  it('lints them with lintVendored', () => {
    const minified = Array.from({ length: 200 }, (_, index) => `wx.f${index}=function(a,b){return a+b*${index}}`).join(';');
    expect(prefilterText(minified, { lintVendored: true }).verdict).toBe('lint');
  });
});
