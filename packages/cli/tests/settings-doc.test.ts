/**
 * Every settings example of docs/settings.md is valid against the settings file's schema, the way the CLI validates
 * `.wechat-oa.json`; the complete example, saved as `.wechat-oa.json`, is accepted by the CLI.
 * (packages/eslint-plugin/tests/settings-doc.test.ts checks the keys and defaults against the code.)
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { SETTINGS_SCHEMA } from 'eslint-plugin-wechat-oa';
import { SETTINGS_FILE_SCHEMA } from 'eslint-plugin-wechat-oa/node';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, removeTempDirs, runCli } from './helpers/cli.js';
import { problemProject } from './helpers/scratch.js';

afterAll(removeTempDirs);

const text = readFileSync(path.join(REPO_ROOT, 'docs/settings.md'), 'utf8');
const blocks = [...text.matchAll(/```json\n([\s\S]*?)\n```/gu)].map((match) => match[1]);
// `.wechat-oa.json` holds every plugin-wide setting plus `ignores`.
const validate = new Ajv().compile(SETTINGS_FILE_SCHEMA);

describe('docs/settings.md', () => {
  it('has settings examples', () => {
    expect(blocks.length).toBeGreaterThan(Object.keys(SETTINGS_SCHEMA.properties).length);
  });

  it.each(blocks)('this example is valid against the schema of .wechat-oa.json: %s', (block) => {
    expect(validate(JSON.parse(block)), JSON.stringify(validate.errors)).toBe(true);
  });

  it('the complete example works as .wechat-oa.json', () => {
    const complete = blocks.at(-1) ?? '';
    const dir = problemProject({ '.wechat-oa.json': complete, 'src/share.js': `export const label = 'Share to WeChat';\n` });
    const run = runCli(['--format', 'json'], dir);
    // An invalid settings file is a configuration error: exit 2 and no report.
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toHaveLength(1);
  });
});
