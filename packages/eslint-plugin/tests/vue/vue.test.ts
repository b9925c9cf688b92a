import { ESLint, type Linter } from 'eslint';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { defineTemplateVisitor } from '../../src/analysis/template.js';
import { getTemplateEventBindings, getTemplateHandlerFunctions } from '../../src/analysis/vue.js';
import plugin from '../../src/index.js';
import { createRule } from '../../src/util/createRule.js';

const require = createRequire(import.meta.url);
const cwd = path.dirname(fileURLToPath(import.meta.url));

/**
 * A rule made like the plugin's rules, reading templates through the shared helper: it reports `<a href>` and
 * `<meta http-equiv="refresh">` values starting with `http:` (fixing them to `https:`), `@click` handlers with the
 * script functions they call, and script strings starting with `http:`.
 */
const probe = createRule<[], 'http' | 'handler'>({
  name: 'probe',
  meta: {
    type: 'problem',
    fixable: 'code',
    docs: { description: 'probe', descriptionZh: '探针', clause: 'S7', recommended: false },
    schema: [],
    messages: { http: '[S7] http {{kind}} {{value}}', handler: '[S7] {{event}} calls {{names}} ({{functions}})' },
  },
  messagesZh: { http: '[S7] http {{kind}} {{value}}', handler: '[S7] {{event}} 调用 {{names}} ({{functions}})' },
  defaultOptions: [],
  create(context) {
    const report = (kind: string, node: TSESTree.Node, value: string | undefined) => {
      if (!value?.includes('http:')) return;
      context.report({
        node,
        messageId: 'http',
        data: { kind, value },
        fix: (fixer) => {
          const text = context.sourceCode.text.slice(node.range[0], node.range[1]);
          return fixer.replaceTextRange(node.range, text.replace('http:', 'https:'));
        },
      });
    };
    const handlers = getTemplateHandlerFunctions(context.sourceCode);
    return defineTemplateVisitor(
      context,
      {
        anchorHref: (href) => report('href', href.valueNode as TSESTree.Node, href.value),
        metaRefresh: (content) => report('refresh', content.valueNode as TSESTree.Node, content.value),
        eventHandler(handler) {
          const binding = getTemplateEventBindings(context.sourceCode).find((b) => b.directive === handler.directive);
          const functions = [...handlers].filter(([, events]) => events.has(handler.event ?? '')).map(([fn]) => fn.loc.start.line);
          context.report({
            node: handler.directive as unknown as TSESTree.Node,
            messageId: 'handler',
            data: { event: handler.event, names: binding?.handlerNames.join(','), functions: functions.join(',') },
          });
        },
      },
      {
        Literal(node) {
          if (typeof node.value === 'string') report('script', node, node.value);
        },
      },
    );
  },
});

const probeConfig: Linter.Config = {
  plugins: { test: { rules: { probe: probe as never } } },
  files: ['**/*.vue'],
  rules: { 'test/probe': 'error' },
};

async function lint(code: string, options: { fix?: boolean; withProbe?: boolean } = {}) {
  const eslint = new ESLint({
    cwd,
    overrideConfigFile: true,
    overrideConfig: [...plugin.configs.recommended, ...(options.withProbe === false ? [] : [probeConfig])],
    fix: options.fix ?? false,
  });
  const [result] = await eslint.lintText(code, { filePath: path.join(cwd, 'src/App.vue') });
  return {
    messages: result.messages.map(({ ruleId, line, column, endLine, endColumn, message }) => ({ ruleId, line, column, endLine, endColumn, message })),
    output: result.output,
  };
}

const SECRET = 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6';

describe('.vue through the presets (ESLint 10)', () => {
  it('lints <script> and <script setup lang="ts"> as usual, at their lines in the file', async () => {
    const code = [
      '<template><p>ok</p></template>',
      '<script lang="ts">',
      'export default { name: "Pay" };',
      '</script>',
      '<script setup lang="ts">',
      'const appSecret: string = ' + `'${SECRET}';`,
      '</script>',
    ].join('\n');
    const { messages } = await lint(code, { withProbe: false });
    expect(messages).toEqual([
      {
        ruleId: 'wechat-oa/no-hardcoded-credentials',
        line: 6,
        column: 27,
        endLine: 6,
        endColumn: 61,
        message: messages[0]?.message,
      },
    ]);
    expect(messages[0]?.message).toMatch(/^\[S2\] /u);
  });

  it('checks template text and text attributes with no-affiliation-claim', async () => {
    const code = [
      '<template>',
      '  <div title="腾讯官方合作" class="微信官方合作">',
      '    <img alt="微信官方认证" :placeholder="\'Tencent partner\'">',
      '    本站与微信官方合作 {{ \'腾讯战略合作伙伴\' }}',
      '  </div>',
      '</template>',
    ].join('\n');
    const { messages } = await lint(code, { withProbe: false });
    expect(messages.map(({ ruleId, line, column, endLine, endColumn }) => ({ ruleId, line, column, endLine, endColumn }))).toEqual([
      { ruleId: 'wechat-oa/no-affiliation-claim', line: 2, column: 14, endLine: 2, endColumn: 22 },
      { ruleId: 'wechat-oa/no-affiliation-claim', line: 3, column: 14, endLine: 3, endColumn: 22 },
      { ruleId: 'wechat-oa/no-affiliation-claim', line: 3, column: 37, endLine: 3, endColumn: 54 },
      { ruleId: 'wechat-oa/no-affiliation-claim', line: 4, column: 7, endLine: 4, endColumn: 14 },
      { ruleId: 'wechat-oa/no-affiliation-claim', line: 4, column: 18, endLine: 4, endColumn: 28 },
    ]);
  });

  it('maps no-affiliation-claim suggestions onto the template text and attribute', async () => {
    const code = ['<template>', '  <p title="本站与腾讯官方合作">本店，微信官方合作商家。</p>', '</template>'].join('\n');
    const eslint = new ESLint({ cwd, overrideConfigFile: true, overrideConfig: plugin.configs.recommended });
    const [result] = await eslint.lintText(code, { filePath: path.join(cwd, 'src/App.vue') });
    const applied = result.messages.map((message) => {
      const fix = message.suggestions?.[0]?.fix;
      return fix ? code.slice(0, fix.range[0]) + fix.text + code.slice(fix.range[1]) : undefined;
    });
    expect(applied).toEqual([
      code.replace('title="本站与腾讯官方合作"', 'title="本站"'),
      code.replace('本店，微信官方合作商家。', '本店，商家。'),
    ]);
  });

  it('gives rules :href, <meta http-equiv="refresh"> and @click handlers with the script functions they call', async () => {
    const code = [
      '<template>',
      '  <meta http-equiv="Refresh" content="0;url=http://a.cn">',
      '  <a :href="\'http://b.cn\'" @click.prevent="goPay(1)">pay</a>',
      '  <a href="https://c.cn" @click="track">ok</a>',
      '</template>',
      '<script setup>',
      'function goPay(n) { return n; }',
      'const track = () => 0;',
      '</script>',
    ].join('\n');
    const { messages } = await lint(code);
    expect(messages).toEqual([
      { ruleId: 'test/probe', line: 2, column: 38, endLine: 2, endColumn: 57, message: '[S7] http refresh 0;url=http://a.cn' },
      { ruleId: 'test/probe', line: 3, column: 13, endLine: 3, endColumn: 26, message: '[S7] http href http://b.cn' },
      { ruleId: 'test/probe', line: 3, column: 28, endLine: 3, endColumn: 53, message: '[S7] click calls goPay (7,8)' },
      { ruleId: 'test/probe', line: 4, column: 26, endLine: 4, endColumn: 40, message: '[S7] click calls track (7,8)' },
    ]);
  });

  it('applies fixes in the template and the script to the original file', async () => {
    const code = [
      '<template>',
      '  <a href="http://b.cn">b</a>',
      '</template>',
      '<script>',
      'export default { data: () => ({ u: "http://c.cn" }) };',
      '</script>',
    ].join('\n');
    const { output } = await lint(code, { fix: true });
    expect(output).toBe(code.replace('"http://b.cn"', '"https://b.cn"').replace('"http://c.cn"', '"https://c.cn"'));
  });

  it('honours <!-- eslint-disable… --> comments in the template', async () => {
    const code = [
      '<template>',
      '  <div>',
      '    <!-- eslint-disable-next-line test/probe -->',
      '    <a href="http://a.cn">a</a>',
      '    <a href="http://b.cn">b</a> <!-- eslint-disable-line test/probe -->',
      '    <!-- eslint-disable wechat-oa/no-affiliation-claim -- reviewed -->',
      '    <p>本站与微信官方合作</p>',
      '    <!-- eslint-enable wechat-oa/no-affiliation-claim -->',
      '    <p>腾讯官方合作</p>',
      '    <a href="http://c.cn">c</a>',
      '  </div>',
      '</template>',
    ].join('\n');
    const { messages } = await lint(code);
    expect(messages.map(({ ruleId, line, column }) => ({ ruleId, line, column }))).toEqual([
      { ruleId: 'wechat-oa/no-affiliation-claim', line: 9, column: 8 },
      { ruleId: 'test/probe', line: 10, column: 13 },
    ]);
  });

  it('reports template text at the phrase, so a comment on the line before it applies', async () => {
    // The text node starts right after the comment, on the comment's line; the phrase is on the next one.
    const code = [
      '<template>',
      '  <p>',
      '    <!-- eslint-disable-next-line wechat-oa/no-affiliation-claim -- wording approved in the contract -->',
      '    腾讯官方合作',
      '  </p>',
      '  <p>',
      '    <!-- a note that disables nothing -->',
      '    微信官方认证',
      '  </p>',
      '</template>',
    ].join('\n');
    const { messages } = await lint(code, { withProbe: false });
    expect(messages.map(({ ruleId, line, column, endLine, endColumn }) => ({ ruleId, line, column, endLine, endColumn }))).toEqual([
      { ruleId: 'wechat-oa/no-affiliation-claim', line: 8, column: 5, endLine: 8, endColumn: 11 },
    ]);
  });
});

describe('rules that read templates', () => {
  it('require-https: static and bound attribute values, fixed in place', async () => {
    const code = [
      '<template>',
      '  <a href="http://mp.weixin.qq.com/s/a">a</a>',
      '  <a :href="`http://open.weixin.qq.com/connect/x`">b</a>',
      '  <img src="http://cdn.example.com/x.png?openid=1">',
      '  <a href="http://localhost:8080/">dev</a> <a href="https://mp.weixin.qq.com/s/b">ok</a>',
      '</template>',
    ].join('\n');
    const { messages, output } = await lint(code, { withProbe: false });
    expect(messages.map(({ ruleId, line, column, endLine, endColumn }) => ({ ruleId, line, column, endLine, endColumn }))).toEqual([
      { ruleId: 'wechat-oa/require-https', line: 2, column: 11, endLine: 2, endColumn: 40 },
      { ruleId: 'wechat-oa/require-https', line: 3, column: 13, endLine: 3, endColumn: 50 },
      { ruleId: 'wechat-oa/require-https', line: 4, column: 12, endLine: 4, endColumn: 51 },
    ]);
    expect(output).toBeUndefined();
    const fixed = await lint(code, { withProbe: false, fix: true });
    expect(fixed.output).toBe(
      code.replace('"http://mp.', '"https://mp.').replace('`http://open.', '`https://open.'),
    );
  });
});

describe('.vue through the presets on ESLint 9', () => {
  it('reports template text and script problems at the same positions', async () => {
    const { ESLint: ESLint9 } = require('eslint9') as typeof import('eslint');
    const eslint = new ESLint9({ cwd, overrideConfigFile: true, overrideConfig: plugin.configs.recommended });
    const code = [
      '<template>',
      '  <!-- eslint-disable-next-line wechat-oa/no-affiliation-claim -->',
      '  <p>腾讯官方合作</p>',
      '  <p>本站与微信官方合作</p>',
      '</template>',
      '<script setup lang="ts">',
      `const appSecret = '${SECRET}';`,
      '</script>',
    ].join('\n');
    const [result] = await eslint.lintText(code, { filePath: path.join(cwd, 'src/App.vue') });
    expect(result.messages.map(({ ruleId, line, column, endLine, endColumn }) => ({ ruleId, line, column, endLine, endColumn }))).toEqual([
      { ruleId: 'wechat-oa/no-affiliation-claim', line: 4, column: 8, endLine: 4, endColumn: 15 },
      { ruleId: 'wechat-oa/no-hardcoded-credentials', line: 7, column: 19, endLine: 7, endColumn: 53 },
    ]);
  });
});
