import { Linter, type Rule } from 'eslint';
import { describe, expect, it } from 'vitest';
import { getFileAnalysis } from '../../src/analysis/index.js';
import plugin from '../../src/index.js';

/** Reports the execution context of every assignment, as the shared analysis sees it (SPEC §3.1). */
const contextRule: Rule.RuleModule = {
  meta: { type: 'problem', schema: [] },
  create(context) {
    return {
      AssignmentExpression(node) {
        const analysis = getFileAnalysis(context as never);
        context.report({ node, message: analysis.contexts.contextOf(node as never) });
      },
    };
  },
};

const config: Linter.Config[] = [
  ...plugin.configs.recommended,
  { plugins: { test: { rules: { context: contextRule } } }, rules: { 'test/context': 'error' } },
];

function contexts(code: string, filename: string): [number, string][] {
  return new Linter({ configType: 'flat' })
    .verify(code, config, filename)
    .filter((message) => message.ruleId === 'test/context')
    .map((message) => [message.line, message.message]);
}

describe('execution context of markup handlers', () => {
  it('Vue: @click/v-on handlers are gestures, lifecycle hooks automatic, other events unknown', () => {
    const code = [
      '<template>',
      '  <button @click="go">a</button> <a v-on:click.prevent="ok ? pay(1) : $router.push(\'/\')">b</a> <input @input="typed">',
      '</template>',
      '<script setup>',
      'import { onMounted } from "vue";',
      "function go() { location.href = 'https://a.example'; }",
      "const pay = (n) => { location.href = 'https://b.example/' + n; };",
      "function typed() { location.href = 'https://c.example'; }",
      "onMounted(() => { location.href = 'https://d.example'; });",
      '</script>',
    ].join('\n');
    expect(contexts(code, 'src/App.vue')).toEqual([
      [6, 'gesture'],
      [7, 'gesture'],
      [8, 'unknown'],
      [9, 'automatic'],
    ]);
  });

  it('Vue Options API: methods bound to @click are gestures, mounted is automatic', () => {
    const code = [
      '<template><p @click="go">x</p></template>',
      '<script>',
      'export default {',
      "  mounted() { location.href = 'https://m.example'; },",
      "  methods: { go() { location.href = 'https://g.example'; } },",
      '};',
      '</script>',
    ].join('\n');
    expect(contexts(code, 'src/B.vue')).toEqual([
      [4, 'automatic'],
      [5, 'gesture'],
    ]);
  });

  it('HTML: on* attribute blocks take their event context, inline scripts run at top level', () => {
    const code = [
      "<body onload=\"location.href = 'https://l.example'\">",
      "<p onclick=\"location.href = 'https://c.example'\" oninput=\"location.href = 'https://i.example'\">x</p>",
      "<script>location.href = 'https://t.example';</script>",
    ].join('\n');
    expect(contexts(code, 'public/p.html')).toEqual([
      [1, 'automatic'],
      [2, 'gesture'],
      [2, 'unknown'],
      [3, 'automatic'],
    ]);
  });
});
