import { describe, expect, it } from 'vitest';
import { apiPathOf, endpointOfUrl } from '../../src/analysis/api-calls.js';
import { parseUrlText, textValue } from '../../src/analysis/values.js';
import { editDistance, findEndpoint, findNearMiss } from '../../src/knowledge/endpoint-lookup.js';
import { ENDPOINTS } from '../../src/knowledge/endpoints.js';
import { SDK_METHODS } from '../../src/knowledge/sdk-methods.js';

describe('endpoint catalog', () => {
  it('covers at least 80 endpoints, each with method, parameters, kind, account and doc', () => {
    expect(ENDPOINTS.size).toBeGreaterThanOrEqual(80);
    for (const endpoint of ENDPOINTS.values()) {
      expect(['GET', 'POST']).toContain(endpoint.method);
      expect(endpoint.doc).toMatch(/^https:\/\/developers\.weixin\.qq\.com\//u);
      expect(endpoint.id).not.toMatch(/^\/|\/$|\?/u);
      if (endpoint.auth === 'access_token') expect(endpoint.query).toContain('access_token');
    }
  });

  it('points batch alternatives, replacements and SDK methods at catalogued endpoints', () => {
    const referenced: string[] = [];
    for (const endpoint of ENDPOINTS.values()) {
      if (endpoint.batch) referenced.push(endpoint.batch.endpoint);
      if (endpoint.deprecated?.replacement) referenced.push(endpoint.deprecated.replacement);
    }
    for (const methods of Object.values(SDK_METHODS)) {
      for (const method of Object.values(methods)) if (method.endpoint) referenced.push(method.endpoint);
    }
    expect(referenced.filter((id) => !ENDPOINTS.has(id))).toEqual([]);
  });

  it('records the facts of SPEC §2', () => {
    expect(ENDPOINTS.get('cgi-bin/token')).toMatchObject({ method: 'GET', quota: { perDay: 2000 }, mustCache: true });
    expect(ENDPOINTS.get('cgi-bin/stable_token')).toMatchObject({ method: 'POST', quota: { perMinute: 10000 } });
    expect(ENDPOINTS.get('cgi-bin/user/info')?.batch).toEqual({
      endpoint: 'cgi-bin/user/info/batchget',
      listField: 'user_list',
      limit: 100,
    });
    expect(ENDPOINTS.get('cgi-bin/user/info/batchget')?.listLimit).toEqual({ field: 'user_list', max: 100 });
    expect(ENDPOINTS.get('cgi-bin/message/template/send')).toMatchObject({
      body: ['touser', 'template_id'],
      quota: { perDay: 100000 },
      sendsMessage: true,
    });
    expect(ENDPOINTS.get('wxa/msg_sec_check')?.account).toBe('mini-program');
    expect(ENDPOINTS.get('wxa/media_check_async')?.account).toBe('mini-program');
    expect(ENDPOINTS.get('cgi-bin/shorturl')?.deprecated?.replacement).toBe('cgi-bin/shorten/gen');
    expect(ENDPOINTS.get('cgi-bin/user/get')?.returnsFollowerList).toBe(true);
  });
});

describe('API paths from the one URL parser (analysis/values.ts parseUrl)', () => {
  it.each([
    ['https://api.weixin.qq.com/cgi-bin/user/info?access_token=T&openid=O', { host: 'api.weixin.qq.com', path: 'cgi-bin/user/info', queryKeys: ['access_token', 'openid'] }],
    ['//API.weixin.qq.com:443/cgi-bin//token?grant_type=client_credential#x', { host: 'api.weixin.qq.com', path: 'cgi-bin/token', queryKeys: ['grant_type'] }],
    ['/cgi-bin/menu/get', { host: undefined, path: 'cgi-bin/menu/get', queryKeys: [] }],
    ['user/info/batchget?access_token=', { host: undefined, path: 'user/info/batchget', queryKeys: ['access_token'] }],
    ['https://api.weixin.qq.com', { host: 'api.weixin.qq.com', path: '', queryKeys: [] }],
  ])('%s', (text, expected) => {
    const url = parseUrlText(text);
    expect({ host: url.host, path: apiPathOf(url), queryKeys: [...url.query.keys()] }).toEqual(expected);
  });

  it('finds no endpoint for text with spaces', () => {
    expect(endpointOfUrl(textValue('not a url'))).toBeUndefined();
  });
});

describe('findEndpoint', () => {
  it('finds by path with or without the cgi-bin root when relative', () => {
    expect(findEndpoint('cgi-bin/user/info')?.id).toBe('cgi-bin/user/info');
    expect(findEndpoint('user/info', { relative: true })?.id).toBe('cgi-bin/user/info');
    expect(findEndpoint('user/info')).toBeUndefined();
    expect(findEndpoint('sns/userinfo', { relative: true })?.id).toBe('sns/userinfo');
    expect(findEndpoint('cgi-bin/showqrcode')).toBeUndefined();
    expect(findEndpoint('cgi-bin/showqrcode', { host: 'mp.weixin.qq.com' })?.id).toBe('cgi-bin/showqrcode');
  });

  it('finds by URL with query (analysis/api-calls.ts endpointOfUrl)', () => {
    expect(endpointOfUrl(textValue('https://api.weixin.qq.com/cgi-bin/token?grant_type=client_credential&appid=A&secret=S'))?.id).toBe(
      'cgi-bin/token',
    );
    expect(endpointOfUrl(textValue('https://mp.weixin.qq.com/cgi-bin/showqrcode?ticket=T'))?.id).toBe('cgi-bin/showqrcode');
    expect(endpointOfUrl(textValue('https://example.com/cgi-bin/token'))).toBeUndefined();
  });
});

describe('editDistance', () => {
  it.each([
    ['send', 'send', 0],
    ['sned', 'send', 1],
    ['templete', 'template', 1],
    ['batchget', 'batchgett', 1],
    ['abc', 'xyz', 3],
    ['', 'abc', 3],
  ])('%s ↔ %s = %d', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
  });

  it('stops past the limit', () => {
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
  });
});

describe('findNearMiss', () => {
  it.each([
    ['cgi-bin/user/infos', 'cgi-bin/user/info', 1],
    ['cgi-bin/usr/info/batchget', 'cgi-bin/user/info/batchget', 1],
    ['cgi-bin/message/template/sned', 'cgi-bin/message/template/send', 1],
    ['cgi-bin/mesage/templete/send', 'cgi-bin/message/template/send', 2],
    // Typos confined to segments, more than 2 in all: each segment within a third of its length.
    ['cgi-bin/mesage/templte/sedn', 'cgi-bin/message/template/send', 3],
    ['sns/oauth2/acess_token', 'sns/oauth2/access_token', 1],
    ['datacube/getusersumary', 'datacube/getusersummary', 1],
    // A full URL that forgot the cgi-bin root.
    ['user/info/batchget', 'cgi-bin/user/info/batchget', 1],
    ['cgi-bin/Token', 'cgi-bin/token', 1],
  ])('%s → %s', (path, id, distance) => {
    expect(findNearMiss(path)).toEqual({ endpoint: ENDPOINTS.get(id), distance });
  });

  it.each([
    'cgi-bin/message/template/send',
    'cgi-bin/guide/getguideconfig',
    'cgi-bin/component/api_component_token',
    'pay/unifiedorder',
    'cgi-bin/wxopen/qrcodejumpget',
    '',
  ])('%s has none', (path) => {
    expect(findNearMiss(path)).toBeUndefined();
  });
});
