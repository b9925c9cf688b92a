import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/no-hardcoded-credentials.js';
import { lintWithOptions } from '../lint-options.js';
import { runRuleTests } from '../rule-tester.js';

// Values used below: an AppSecret-shaped value (32 hex), an EncodingAESKey-shaped value (43 letters and digits)
// and a WeChat Pay key-shaped value (32 letters and digits). None is a real credential.
const zh = { 'wechat-oa': { locale: 'zh-CN' } };

runRuleTests('no-hardcoded-credentials', rule, {
  valid: [
    // Placeholders.
    "const appSecret = 'xxx';",
    "const appSecret = 'your-secret';",
    "const config = { appSecret: 'YOUR_APP_SECRET' };",
    "const config = { secret: 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' };",
    "const config = { secret: '00000000000000000000000000000000' };",
    "const config = { secret: 'abcdef0123456789abcdef0123456789' };",
    "const config = { secret: '<APP_SECRET>' };",
    'const config = { secret: `${APP_SECRET}` };',
    "const config = { appid: 'wx1234567890abcdef', token: 'your_token' };",
    "const config = { encodingAESKey: 'your-encoding-aes-key-of-43-characters-here' };",
    // Environment lookups and fallbacks that are no credential.
    'const appSecret = process.env.WECHAT_APP_SECRET;',
    "const appSecret = process.env.WECHAT_APP_SECRET ?? '';",
    "const port = process.env.PORT || '3000';",
    "const appSecret = process.env.WECHAT_APP_SECRET || 'YOUR_APP_SECRET';",
    // Digests and public keys outside a secret position.
    "const hash = 'e10adc3949ba59abbe56e057f20f883e';",
    "const secretHash = 'e10adc3949ba59abbe56e057f20f883e';",
    "const expected = { signature: '9f86d081884c7d659a2feaa0c55ad015' };",
    "const wechatPayPublicKey = '-----BEGIN PUBLIC KEY-----MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA-----END PUBLIC KEY-----';",
    "const publicKeyId = 'PUB_KEY_ID_0114232134912410000000000000';",
    // Identifiers, comments, names that only contain a secret word as a substring.
    'const appSecret = secret;',
    'const config = { appid, secret: appSecret };',
    "// appSecret: 'e10adc3949ba59abbe56e057f20f883e'\nconst appSecret = readSecret();",
    "const secretary = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';",
    // Values of the wrong shape for the name.
    "const jwtSecret = 'not-a-hex-secret';",
    "const config = { secret: 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6' };",
    "const config = { appid: 'wx1234567890abcdef' };",
    // `token` and `key` alone are too common: only next to the account's or merchant's other keys.
    "const token = 'abc123def';",
    "const config = { token: 'abc123def', url: '/wechat' };",
    "const config = { appid: 'wx1234567890abcdef', accessToken: 'abc123def' };",
    "const cache = { key: 'Aa1Bb2Cc3Dd4Ee5Ff6Gg7Hh8Ii9Jj0Kk' };",
    // `secret=` outside the token endpoints, or not a literal.
    "fetch('https://example.com/api?secret=a1b2c3d4e5f60718293a4b5c6d7e8f90');",
    'fetch(`https://api.weixin.qq.com/cgi-bin/token?grant_type=client_credential&appid=${APPID}&secret=${APPSECRET}`);',
    // `token` assigned without the account's other keys next to it; a fallback that is no credential.
    // Form labels: the `appid` next to `token` holds text, not an appid.
    "const labels = { appid: 'AppID', secret: 'AppSecret', token: 'Verify' };",
    "config.token = 'abc123def';",
    "const port = process.env['PORT'] || '8080';",
    // Constructors that are not the SDKs'.
    "const client = new Other('wx1234567890abcdef', 'a1b2c3d4e5f60718293a4b5c6d7e8f90');",
    {
      code: "import type { Config } from './config';\nconst secret: Config['secret'] = process.env.WECHAT_SECRET!;",
      filename: 'src/config.ts',
    },
  ],
  invalid: [
    {
      // A CommonJS config module with no browser evidence is server code: the secret can move to the environment.
      code: "module.exports = {\n  appid: 'wx1234567890abcdef',\n  appsecret: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',\n};",
      filename: 'config/default.js',
      errors: [
        {
          messageId: 'hardcoded',
          data: { kind: 'AppSecret' },
          line: 3,
          column: 14,
          endLine: 3,
          endColumn: 48,
          suggestions: [
            {
              messageId: 'useEnv',
              data: { envName: 'WECHAT_APPSECRET' },
              output: "module.exports = {\n  appid: 'wx1234567890abcdef',\n  appsecret: process.env.WECHAT_APPSECRET,\n};",
            },
          ],
        },
      ],
    },
    {
      // Server code (express import): suggestion to read the environment.
      code: "import express from 'express';\nconst appSecret = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';",
      errors: [
        {
          messageId: 'hardcoded',
          data: { kind: 'AppSecret' },
          line: 2,
          column: 19,
          endLine: 2,
          endColumn: 53,
          suggestions: [
            {
              messageId: 'useEnv',
              data: { envName: 'WECHAT_APP_SECRET' },
              output: "import express from 'express';\nconst appSecret = process.env.WECHAT_APP_SECRET;",
            },
          ],
        },
      ],
    },
    {
      // The co-wechat configuration object: AppSecret, server Token next to appid, EncodingAESKey.
      code: [
        "const http = require('node:http');",
        'module.exports = {',
        "  appid: 'wx1234567890abcdef',",
        "  appSecret: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',",
        "  token: 'weixin',",
        "  encodingAESKey: 'Kq3Zt8Wm1Pv6Ry2Lb9Nc4Xd7Hf0Gj5Sa8Qe3Tu1Yo6I',",
        '};',
      ].join('\n'),
      errors: [
        {
          messageId: 'hardcoded',
          data: { kind: 'AppSecret' },
          line: 4,
          column: 14,
          endLine: 4,
          endColumn: 48,
          suggestions: [
            {
              messageId: 'useEnv',
              data: { envName: 'WECHAT_APP_SECRET' },
              output: [
                "const http = require('node:http');",
                'module.exports = {',
                "  appid: 'wx1234567890abcdef',",
                '  appSecret: process.env.WECHAT_APP_SECRET,',
                "  token: 'weixin',",
                "  encodingAESKey: 'Kq3Zt8Wm1Pv6Ry2Lb9Nc4Xd7Hf0Gj5Sa8Qe3Tu1Yo6I',",
                '};',
              ].join('\n'),
            },
          ],
        },
        {
          messageId: 'hardcoded',
          data: { kind: 'server Token' },
          line: 5,
          column: 10,
          endLine: 5,
          endColumn: 18,
          suggestions: [
            {
              messageId: 'useEnv',
              data: { envName: 'WECHAT_TOKEN' },
              output: [
                "const http = require('node:http');",
                'module.exports = {',
                "  appid: 'wx1234567890abcdef',",
                "  appSecret: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',",
                '  token: process.env.WECHAT_TOKEN,',
                "  encodingAESKey: 'Kq3Zt8Wm1Pv6Ry2Lb9Nc4Xd7Hf0Gj5Sa8Qe3Tu1Yo6I',",
                '};',
              ].join('\n'),
            },
          ],
        },
        {
          messageId: 'hardcoded',
          data: { kind: 'EncodingAESKey' },
          line: 6,
          column: 19,
          endLine: 6,
          endColumn: 64,
          suggestions: [
            {
              messageId: 'useEnv',
              data: { envName: 'WECHAT_ENCODING_AES_KEY' },
              output: [
                "const http = require('node:http');",
                'module.exports = {',
                "  appid: 'wx1234567890abcdef',",
                "  appSecret: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',",
                "  token: 'weixin',",
                '  encodingAESKey: process.env.WECHAT_ENCODING_AES_KEY,',
                '};',
              ].join('\n'),
            },
          ],
        },
      ],
    },
    {
      // Literal fallback of an env lookup: `??` and `||`; the suggestion drops the fallback.
      code: "import Koa from 'koa';\nconst secret = process.env.WECHAT_SECRET ?? 'a1b2c3d4e5f60718293a4b5c6d7e8f90';\nconst key = process.env.WECHAT_ENCODING_AES_KEY || 'Kq3Zt8Wm1Pv6Ry2Lb9Nc4Xd7Hf0Gj5Sa8Qe3Tu1Yo6I';",
      errors: [
        {
          messageId: 'hardcoded',
          data: { kind: 'AppSecret' },
          line: 2,
          column: 45,
          endLine: 2,
          endColumn: 79,
          suggestions: [
            {
              messageId: 'dropFallback',
              data: { envName: 'WECHAT_SECRET' },
              output: "import Koa from 'koa';\nconst secret = process.env.WECHAT_SECRET;\nconst key = process.env.WECHAT_ENCODING_AES_KEY || 'Kq3Zt8Wm1Pv6Ry2Lb9Nc4Xd7Hf0Gj5Sa8Qe3Tu1Yo6I';",
            },
          ],
        },
        {
          messageId: 'hardcoded',
          data: { kind: 'EncodingAESKey' },
          line: 3,
          column: 52,
          endLine: 3,
          endColumn: 97,
          suggestions: [
            {
              messageId: 'dropFallback',
              data: { envName: 'WECHAT_ENCODING_AES_KEY' },
              output: "import Koa from 'koa';\nconst secret = process.env.WECHAT_SECRET ?? 'a1b2c3d4e5f60718293a4b5c6d7e8f90';\nconst key = process.env.WECHAT_ENCODING_AES_KEY;",
            },
          ],
        },
      ],
    },
    {
      // A fallback whose env name says nothing: the key it is stored under (`token` next to `appid`) decides.
      code: "import fs from 'fs';\nconst config = { appid: process.env.APPID, token: process.env.TOKEN || 'k8Zq2Lw9' };",
      errors: [
        {
          messageId: 'hardcoded',
          data: { kind: 'server Token' },
          line: 2,
          column: 72,
          endLine: 2,
          endColumn: 82,
          suggestions: [
            {
              messageId: 'dropFallback',
              data: { envName: 'TOKEN' },
              output: "import fs from 'fs';\nconst config = { appid: process.env.APPID, token: process.env.TOKEN };",
            },
          ],
        },
      ],
    },
    {
      // `secret=` in a cgi-bin/token URL string: the suggestion turns it into a template reading the env.
      code: "import https from 'node:https';\nhttps.get('https://api.weixin.qq.com/cgi-bin/token?grant_type=client_credential&appid=wx1234567890abcdef&secret=a1b2c3d4e5f60718293a4b5c6d7e8f90');",
      errors: [
        {
          messageId: 'hardcoded',
          data: { kind: 'AppSecret' },
          line: 2,
          column: 11,
          endLine: 2,
          endColumn: 146,
          suggestions: [
            {
              messageId: 'useEnv',
              data: { envName: 'WECHAT_SECRET' },
              output:
                "import https from 'node:https';\nhttps.get(`https://api.weixin.qq.com/cgi-bin/token?grant_type=client_credential&appid=wx1234567890abcdef&secret=${process.env.WECHAT_SECRET}`);",
            },
          ],
        },
      ],
    },
    {
      // The string holds a backtick and `${`: escaped in the template the suggestion writes.
      code: "import https from 'node:https';\nhttps.get('https://api.weixin.qq.com/cgi-bin/token?appid=wx1234567890abcdef&secret=a1b2c3d4e5f60718293a4b5c6d7e8f90&note=`${x}`');",
      errors: [
        {
          messageId: 'hardcoded',
          line: 2,
          column: 11,
          endLine: 2,
          endColumn: 129,
          suggestions: [
            {
              messageId: 'useEnv',
              output:
                "import https from 'node:https';\nhttps.get(`https://api.weixin.qq.com/cgi-bin/token?appid=wx1234567890abcdef&secret=${process.env.WECHAT_SECRET}&note=\\`\\${x}\\``);",
            },
          ],
        },
      ],
    },
    {
      // sns/oauth2 URL in a template: the path and `secret=` sit in different quasis.
      code: "import axios from 'axios';\nimport express from 'express';\nconst url = `https://api.weixin.qq.com/sns/oauth2/access_token?appid=${appid}&secret=a1b2c3d4e5f60718293a4b5c6d7e8f90&code=${code}&grant_type=authorization_code`;",
      errors: [
        {
          messageId: 'hardcoded',
          data: { kind: 'AppSecret' },
          line: 3,
          column: 13,
          endLine: 3,
          endColumn: 162,
          suggestions: [
            {
              messageId: 'useEnv',
              data: { envName: 'WECHAT_SECRET' },
              output:
                "import axios from 'axios';\nimport express from 'express';\nconst url = `https://api.weixin.qq.com/sns/oauth2/access_token?appid=${appid}&secret=${process.env.WECHAT_SECRET}&code=${code}&grant_type=authorization_code`;",
            },
          ],
        },
      ],
    },
    {
      // SDK constructors take the AppSecret positionally: CommonJS require of co-wechat-api, ES import of wechat-oauth.
      code: "const WechatAPI = require('co-wechat-api');\nconst api = new WechatAPI('wx1234567890abcdef', 'a1b2c3d4e5f60718293a4b5c6d7e8f90');",
      // A CommonJS module with no browser evidence is server code, so the secret can move to the environment.
      errors: [
        {
          messageId: 'hardcoded',
          data: { kind: 'AppSecret' },
          line: 2,
          column: 49,
          endLine: 2,
          endColumn: 83,
          suggestions: [
            {
              messageId: 'useEnv',
              data: { envName: 'WECHAT_APP_SECRET' },
              output:
                "const WechatAPI = require('co-wechat-api');\nconst api = new WechatAPI('wx1234567890abcdef', process.env.WECHAT_APP_SECRET);",
            },
          ],
        },
      ],
    },
    {
      code: "import OAuth from 'wechat-oauth';\nimport express from 'express';\nconst client = new OAuth('wx1234567890abcdef', 'a1b2c3d4e5f60718293a4b5c6d7e8f90');",
      errors: [
        {
          messageId: 'hardcoded',
          data: { kind: 'AppSecret' },
          line: 3,
          column: 48,
          endLine: 3,
          endColumn: 82,
          suggestions: [
            {
              messageId: 'useEnv',
              data: { envName: 'WECHAT_APP_SECRET' },
              output:
                "import OAuth from 'wechat-oauth';\nimport express from 'express';\nconst client = new OAuth('wx1234567890abcdef', process.env.WECHAT_APP_SECRET);",
            },
          ],
        },
      ],
    },
    {
      // Default parameter value, destructuring default and assignment to a property; unknown file kind: no suggestion.
      code: [
        "function createClient(appid, appSecret = 'a1b2c3d4e5f60718293a4b5c6d7e8f90') {}",
        "const { secret = 'b1b2c3d4e5f60718293a4b5c6d7e8f90' } = options;",
        "config.wechat.appSecret = 'c1b2c3d4e5f60718293a4b5c6d7e8f90';",
      ].join('\n'),
      errors: [
        { messageId: 'hardcoded', line: 1, column: 42, endLine: 1, endColumn: 76, suggestions: [] },
        { messageId: 'hardcoded', line: 2, column: 18, endLine: 2, endColumn: 52, suggestions: [] },
        { messageId: 'hardcoded', line: 3, column: 27, endLine: 3, endColumn: 61, suggestions: [] },
      ],
    },
    {
      // TypeScript: a class field behind modifiers and a value behind `as const`.
      filename: 'src/wechat.service.ts',
      code: [
        "import { Injectable } from '@nestjs/common';",
        '@Injectable()',
        'export class WechatService {',
        "  private readonly appSecret: string = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';",
        "  readonly pay = { mchId: '1900000109', apiV3Key: 'Aa1Bb2Cc3Dd4Ee5Ff6Gg7Hh8Ii9Jj0Kk' as const };",
        '}',
      ].join('\n'),
      errors: [
        {
          messageId: 'hardcoded',
          data: { kind: 'AppSecret' },
          line: 4,
          column: 40,
          endLine: 4,
          endColumn: 74,
          suggestions: [
            {
              messageId: 'useEnv',
              data: { envName: 'WECHAT_APP_SECRET' },
              output: [
                "import { Injectable } from '@nestjs/common';",
                '@Injectable()',
                'export class WechatService {',
                '  private readonly appSecret: string = process.env.WECHAT_APP_SECRET;',
                "  readonly pay = { mchId: '1900000109', apiV3Key: 'Aa1Bb2Cc3Dd4Ee5Ff6Gg7Hh8Ii9Jj0Kk' as const };",
                '}',
              ].join('\n'),
            },
          ],
        },
        {
          messageId: 'hardcoded',
          data: { kind: 'WeChat Pay API key' },
          line: 5,
          column: 51,
          endLine: 5,
          endColumn: 85,
          suggestions: [
            {
              messageId: 'useEnv',
              data: { envName: 'WECHAT_API_V3_KEY' },
              output: [
                "import { Injectable } from '@nestjs/common';",
                '@Injectable()',
                'export class WechatService {',
                "  private readonly appSecret: string = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';",
                "  readonly pay = { mchId: '1900000109', apiV3Key: process.env.WECHAT_API_V3_KEY };",
                '}',
              ].join('\n'),
            },
          ],
        },
      ],
    },
    {
      // TypeScript enum member: a string enum needs a constant initializer, so no suggestion.
      filename: 'src/keys.ts',
      code: "import fs from 'node:fs';\nexport enum Keys { AppSecret = 'a1b2c3d4e5f60718293a4b5c6d7e8f90' }",
      errors: [{ messageId: 'hardcoded', line: 2, column: 32, endLine: 2, endColumn: 66, suggestions: [] }],
    },
    {
      // WeChat Pay v2 key next to mch_id; the server Token in a SCREAMING_SNAKE_CASE variable.
      code: "import express from 'express';\nconst pay = { mch_id: '1900000109', key: 'Aa1Bb2Cc3Dd4Ee5Ff6Gg7Hh8Ii9Jj0Kk' };\nconst WECHAT_TOKEN = 'Tk20240601';",
      errors: [
        {
          messageId: 'hardcoded',
          data: { kind: 'WeChat Pay API key' },
          line: 2,
          column: 42,
          endLine: 2,
          endColumn: 76,
          suggestions: [
            {
              messageId: 'useEnv',
              data: { envName: 'WECHAT_KEY' },
              output: "import express from 'express';\nconst pay = { mch_id: '1900000109', key: process.env.WECHAT_KEY };\nconst WECHAT_TOKEN = 'Tk20240601';",
            },
          ],
        },
        {
          messageId: 'hardcoded',
          data: { kind: 'server Token' },
          line: 3,
          column: 22,
          endLine: 3,
          endColumn: 34,
          suggestions: [
            {
              messageId: 'useEnv',
              data: { envName: 'WECHAT_TOKEN' },
              output: "import express from 'express';\nconst pay = { mch_id: '1900000109', key: 'Aa1Bb2Cc3Dd4Ee5Ff6Gg7Hh8Ii9Jj0Kk' };\nconst WECHAT_TOKEN = process.env.WECHAT_TOKEN;",
            },
          ],
        },
      ],
    },
    {
      // Option envNames: the suggestion reads the project's own variable name.
      code: "import express from 'express';\nconst appSecret = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';",
      options: [{ envNames: { appSecret: 'MP_APP_SECRET' } }],
      errors: [
        {
          messageId: 'hardcoded',
          line: 2,
          column: 19,
          endLine: 2,
          endColumn: 53,
          suggestions: [
            {
              messageId: 'useEnv',
              data: { envName: 'MP_APP_SECRET' },
              output: "import express from 'express';\nconst appSecret = process.env.MP_APP_SECRET;",
            },
          ],
        },
      ],
    },
    {
      // A JSX attribute string in server code (server-side rendering): `{process.env.X}` is no literal swap, so
      // no suggestion.
      filename: 'src/server.tsx',
      code: "import express from 'express';\nexport const C = () => <WechatProvider appid=\"wx1234567890abcdef\" appSecret=\"a1b2c3d4e5f60718293a4b5c6d7e8f90\" />;",
      errors: [{ messageId: 'hardcoded', line: 2, column: 77, endLine: 2, endColumn: 111, suggestions: [] }],
    },
    {
      // `import.meta.env` fallback in a file of unknown kind: reported, no suggestion. Vite writes `VITE_`
      // variables into the browser bundle, so the variable itself exposes the secret too (a second problem).
      code: "const secret = import.meta.env.VITE_WECHAT_SECRET || 'a1b2c3d4e5f60718293a4b5c6d7e8f90';",
      errors: [
        { messageId: 'publicEnv', data: { kind: 'AppSecret', envName: 'VITE_WECHAT_SECRET', prefix: 'VITE_' }, line: 1, column: 16, endLine: 1, endColumn: 50 },
        { messageId: 'hardcoded', data: { kind: 'AppSecret' }, line: 1, column: 54, endLine: 1, endColumn: 88, suggestions: [] },
      ],
    },
    {
      // Browser code (React, JSX): no suggestion, and the message says the secret must move to the server.
      filename: 'src/Login.jsx',
      code: "import React from 'react';\nexport const Login = () => <WechatLogin appid=\"wx1234567890abcdef\" appSecret={'a1b2c3d4e5f60718293a4b5c6d7e8f90'} />;",
      errors: [
        {
          messageId: 'hardcodedInBrowser',
          data: { kind: 'AppSecret' },
          line: 2,
          column: 79,
          endLine: 2,
          endColumn: 113,
          suggestions: [],
        },
      ],
    },
    {
      // Browser code by a browser-only global; TSX.
      filename: 'src/share.tsx',
      code: "const secret = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';\nwindow.fetch(`/api/token?secret=${secret}`);",
      errors: [{ messageId: 'hardcodedInBrowser', line: 1, column: 16, endLine: 1, endColumn: 50, suggestions: [] }],
    },
    {
      // Chinese messages.
      code: "import express from 'express';\nconst appSecret = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';",
      settings: zh,
      errors: [
        {
          messageId: 'hardcoded_zhCN',
          data: { kind: 'AppSecret' },
          line: 2,
          column: 19,
          endLine: 2,
          endColumn: 53,
          suggestions: [
            {
              messageId: 'useEnv_zhCN',
              data: { envName: 'WECHAT_APP_SECRET' },
              output: "import express from 'express';\nconst appSecret = process.env.WECHAT_APP_SECRET;",
            },
          ],
        },
      ],
    },
    {
      code: "import Vue from 'vue';\nconst encodingAESKey = 'Kq3Zt8Wm1Pv6Ry2Lb9Nc4Xd7Hf0Gj5Sa8Qe3Tu1Yo6I';",
      settings: zh,
      errors: [
        {
          messageId: 'hardcodedInBrowser_zhCN',
          data: { kind: 'EncodingAESKey（消息加解密密钥）' },
          line: 2,
          column: 24,
          endLine: 2,
          endColumn: 69,
          suggestions: [],
        },
      ],
    },
  ],
});

describe('no-hardcoded-credentials options', () => {
  it('rejects an unknown option with a schema error naming the rule', () => {
    expect(() => lintWithOptions('no-hardcoded-credentials', rule, [{ envName: { appSecret: 'X' } }])).toThrow(
      /no-hardcoded-credentials[\s\S]*(?:additional properties|additionalProperties)/u,
    );
  });
  it('rejects an env name that is not a string', () => {
    expect(() => lintWithOptions('no-hardcoded-credentials', rule, [{ envNames: { appSecret: 42 } }])).toThrow(
      /no-hardcoded-credentials[\s\S]*should be string/u,
    );
  });
});
