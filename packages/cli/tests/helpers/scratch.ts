import { tempDir, writeFiles } from './cli.js';

/** Lines and columns of the problems in `PROBLEM_FILES`, as the CLI must report them. */
export const PROBLEM_FINDINGS = [
  { file: 'src/broken.js', rule: null, line: 1, column: 22 },
  { file: 'src/config.js', rule: 'wechat-oa/no-hardcoded-credentials', line: 6, column: 14 },
  { file: 'src/page.js', rule: 'wechat-oa/no-affiliation-claim', line: 1, column: 22 },
];

/** A small project with one problem of each existing syntactic rule, a file that does not parse and a clean file. */
export const PROBLEM_FILES: Record<string, string> = {
  'src/config.js': `import express from 'express';

export const app = express();
export const wechat = {
  appid: 'wx8a3f2b9c1d4e5f60',
  appSecret: '5e9d2c7a1b8f4e6d3c0a9b8e7f6d5c4b',
};
`,
  'src/page.js': `export const title = '腾讯官方合作伙伴';\n`,
  'src/broken.js': `export const broken = ;\n`,
  'src/fine.js': `export const fine = 'Share to WeChat';\n`,
};

export const APP_SECRET_LINE = `  appSecret: '5e9d2c7a1b8f4e6d3c0a9b8e7f6d5c4b',`;

export function problemProject(files: Record<string, string> = PROBLEM_FILES): string {
  const dir = tempDir();
  writeFiles(dir, files);
  return dir;
}
