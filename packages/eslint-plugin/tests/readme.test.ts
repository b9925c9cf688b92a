/**
 * The disable comments the package README shows work: each example block of its "Disable comments" section lints
 * clean with the `recommended` preset, and reports once its `eslint-disable` lines are taken out (so the comment,
 * not the example, is what keeps it clean).
 */
import { Linter } from 'eslint';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const section = readme.slice(readme.indexOf('\n## Disable comments\n'), readme.indexOf('\n## Rules\n'));
const examples = [...section.matchAll(/```(js|jsx|vue|html)\n([\s\S]*?)\n```/gu)].map((match) => ({
  lang: match[1],
  code: match[2],
}));

function wechatOaMessages(code: string, lang: string): Linter.LintMessage[] {
  const linter = new Linter({ configType: 'flat' });
  return linter.verify(code, plugin.configs.recommended, `src/example.${lang}`);
}

describe('README: disable comments', () => {
  it('shows scripts, JSX, Vue templates and HTML', () => {
    expect(examples.map((example) => example.lang)).toEqual(['js', 'jsx', 'vue', 'html']);
  });

  it.each(examples)('$lang: the example lints clean with its comment and reports without it', ({ lang, code }) => {
    expect(wechatOaMessages(code, lang)).toEqual([]);
    const withoutComments = code
      .split('\n')
      .filter((line) => !line.includes('eslint-disable'))
      .join('\n');
    const messages = wechatOaMessages(withoutComments, lang);
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.every((message) => message.ruleId?.startsWith('wechat-oa/'))).toBe(true);
  });
});
