import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ESLint, type Linter } from 'eslint';
import wechatOa, { createFactsCollector, explainText, SETTINGS_KEY, type FileFacts } from 'eslint-plugin-wechat-oa';
import { SettingsFiles } from 'eslint-plugin-wechat-oa/node';
import { UsageError } from './usage-error.js';

/**
 * `wechat-oa-lint --explain FILE`: which facts the file got and why — the prefilter's trigger words (or why there are
 * none, or the vendored copy it recognised), the HTML processor's view of a page (saved copy, template scripts),
 * and the shared model's facts where the rules build it. Read with the embedded preset and the nearest
 * `.wechat-oa.json`, as embedded mode lints.
 */
export async function explainFile(file: string, write: (text: string) => void = (text) => process.stdout.write(text)): Promise<number> {
  const filePath = path.resolve(file);
  if (!existsSync(filePath) || !statSync(filePath).isFile()) throw new UsageError(`--explain needs a file; ${file} is not one`);
  const text = readFileSync(filePath, 'utf8');
  const settingsFile = new SettingsFiles().nearest(filePath);
  const settings = settingsFile?.settings ?? {};
  const explanation = explainText(text, filePath, settings);

  const facts: FileFacts[] = [];
  // typescript-eslint's rule type and ESLint's differ only in typing; the inventory registers its collector alike.
  const collector = { rules: { facts: createFactsCollector((found) => facts.push(found)) } } as never;
  const config: Linter.Config[] = [
    ...wechatOa.configs.recommended,
    { plugins: { explain: collector }, rules: { 'explain/facts': 'error' }, settings: { [SETTINGS_KEY]: settings } },
  ];
  const eslint = new ESLint({ cwd: path.dirname(filePath), overrideConfigFile: true, overrideConfig: config, warnIgnored: false });
  await eslint.lintText(text, { filePath });

  const lines: string[] = [`${path.relative(process.cwd(), filePath) || filePath}`];
  lines.push(settingsFile ? `  settings: ${path.relative(process.cwd(), settingsFile.file) || settingsFile.file}` : '  settings: none (.wechat-oa.json not found), built-in defaults');
  if (explanation.savedCopy) {
    const { kind, url } = explanation.savedCopy;
    lines.push(`  skipped: a saved copy of another site's page (${kind} ${url}); add its host to ownHosts or set "lintSavedPages": true in .wechat-oa.json to lint it`);
  }
  if (explanation.templates) {
    const { masked, skippedLines, skippedHandlers } = explanation.templates;
    if (masked > 0) lines.push(`  template scripts: ${masked} linted with their template tags masked`);
    for (const line of skippedLines) lines.push(`  template script at line ${line}: skipped, it parses neither as written nor with its tags masked`);
    if (skippedHandlers > 0) lines.push(`  template handlers: ${skippedHandlers} on* attribute(s) written by the server, skipped`);
  }
  for (const part of explanation.prefilter) {
    const name = explanation.prefilter.length > 1 ? `  ${path.basename(part.part)}: ` : '  ';
    if (part.verdict === 'vendored' && part.vendored) {
      lines.push(`${name}skipped: a vendored copy (${part.vendored.kind === 'jssdk' ? 'the JS-SDK' : 'a minified bundle'}: ${part.vendored.evidence}); set "lintVendored": true to lint it`);
    } else if (part.verdict === 'no-trigger') {
      lines.push(`${name}skipped: no trigger word (no Weixin host or name, API path, SDK, user-data or credential name, redirect, store, http:// URL or tracker): no rule has anything to act on`);
    } else {
      const byGroup = new Map<string, string[]>();
      for (const trigger of part.triggers) {
        for (const group of trigger.groups) byGroup.set(group, [...(byGroup.get(group) ?? []), `${trigger.word} (line ${trigger.line})`]);
      }
      lines.push(`${name}linted: ${part.triggers.length} trigger word(s)`);
      for (const [group, words] of byGroup) lines.push(`    ${group}: ${words.slice(0, 8).join(', ')}${words.length > 8 ? `, … ${words.length - 8} more` : ''}`);
    }
  }
  for (const found of facts) {
    const where = explanation.prefilter.length > 1 ? ` (${path.basename(found.filename)}, lines of the block)` : '';
    lines.push(`  facts${where}: ${found.fileKind} code; ${found.requests.length} request(s), ${found.navigation.length} navigation(s), ${found.sdkClients.length} SDK client(s)`);
    for (const request of found.requests.slice(0, 10)) lines.push(`    request line ${request.line}: ${request.client}${request.method ? ` ${request.method}` : ''}`);
    for (const navigation of found.navigation.slice(0, 10)) lines.push(`    navigation line ${navigation.line}: ${navigation.kind}`);
    for (const client of found.sdkClients.slice(0, 10)) lines.push(`    SDK client line ${client.line}: ${client.sdk}`);
  }
  if (facts.length === 0) lines.push('  facts: none built (the rules skip this file)');
  write(`${lines.join('\n')}\n`);
  return 0;
}
