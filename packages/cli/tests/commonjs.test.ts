// A CommonJS config module with no browser evidence is server code: the secret can move to the environment.
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, runCli } from './helpers/cli.js';
import { problemProject } from './helpers/scratch.js';

afterAll(removeTempDirs);

interface JsonMessage {
  ruleId: string;
  suggestions?: { desc: string; fix: { text: string } }[];
}

const suggestionsOf = (files: Record<string, string>): string[] => {
  const results = JSON.parse(runCli(['--format', 'json'], problemProject(files)).stdout) as { messages: JsonMessage[] }[];
  const [message] = results.flatMap((result) => result.messages);
  expect(message?.ruleId).toBe('wechat-oa/no-hardcoded-credentials');
  return (message?.suggestions ?? []).map((suggestion) => suggestion.fix.text);
};

describe('no-hardcoded-credentials in a CommonJS module', () => {
  it('offers "read it from the environment" in a module.exports config file', () => {
    expect(suggestionsOf({ 'config/default.js': "module.exports = {\n  appsecret: '5e9d2c7a1b8f4e6d3c0a9b8e7f6d5c4b',\n};\n" })).toEqual([
      'process.env.WECHAT_APPSECRET',
    ]);
  });

  it('does not where the module shows it runs in the browser', () => {
    expect(
      suggestionsOf({ 'public/config.js': "module.exports = {\n  appsecret: '5e9d2c7a1b8f4e6d3c0a9b8e7f6d5c4b',\n  width: window.innerWidth,\n};\n" }),
    ).toEqual([]);
  });
});
