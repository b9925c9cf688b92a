import { ESLint } from 'eslint';
import wechatOa from 'eslint-plugin-wechat-oa';
import { CLI_NAME, CLI_VERSION } from './package-info.js';

export function versionText(): string {
  return `${CLI_NAME} ${CLI_VERSION} (${wechatOa.meta.name} ${wechatOa.meta.version}, ESLint ${ESLint.version})`;
}
