import { describe, expect, it } from 'vitest';
import { identifierWords, matchesAnyWordPattern, matchesWordPattern } from '../../src/util/name-words.js';

describe('identifierWords', () => {
  it.each([
    ['requestPrivacyConsent', ['request', 'privacy', 'consent']],
    ['has_consent', ['has', 'consent']],
    ['maskOpenID', ['mask', 'open', 'id']],
    ['HTTPServer', ['http', 'server']],
    ['WECHAT_APP_SECRET', ['wechat', 'app', 'secret']],
    ['encodingAESKey', ['encoding', 'aes', 'key']],
    ['EncodingAESKey', ['encoding', 'aes', 'key']],
    ['apiV3Key', ['api', 'v3', 'key']],
    ['sha256Hash', ['sha256', 'hash']],
    ['x-request-id', ['x', 'request', 'id']],
    ['$el', ['el']],
    ['__proto__', ['proto']],
    ['appsecret', ['appsecret']],
    ['', []],
  ])('%s → %j', (name, words) => {
    expect(identifierWords(name)).toEqual(words);
  });
});

describe('matchesWordPattern', () => {
  it.each([
    ['askConsent', 'consent', true],
    ['requestPrivacyConsent', 'consent', true],
    ['has_consent', 'consent', true],
    ['consentless', 'consent', false],
    ['runContentCheck', 'contentCheck', true],
    ['content_check', 'contentCheck', true],
    ['checkContent', 'contentCheck', false],
    ['unmask', 'mask', false],
    ['maskOpenid', 'mask', true],
    ['updateAppMessageShareData', 'hash', false],
    ['auditLog', 'moderate', false],
    ['WECHAT_APP_SECRET', 'appSecret', true],
    ['secretary', 'secret', false],
    ['secret', 'appSecret', false],
    ['anything', '', false],
  ])('%s ~ %s → %s', (name, pattern, expected) => {
    expect(matchesWordPattern(name, pattern)).toBe(expected);
  });
});

describe('matchesAnyWordPattern', () => {
  it.each([
    ['redactPhone', ['mask', 'redact'], true],
    ['encryptOpenid', ['mask', 'redact'], false],
    ['encryptOpenid', [], false],
  ] as const)('%s ~ %j → %s', (name, patterns, expected) => {
    expect(matchesAnyWordPattern(name, patterns)).toBe(expected);
  });
});
