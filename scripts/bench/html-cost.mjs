// The HTML processor's cost per MB of page, beside ESLint's own cost on the same pages (the blocks' parse with
// every rule off, and the recommended preset), for `npm run bench`. Pages: the corpus's `.html` files and a
// generated page the size of the scraped page dumps real repositories keep (about 1 MB: long article markup,
// inline scripts, event attributes). Benchmarks only.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { prng } from '../lib-prng.mjs';

/** A large article page written for the benchmark (text, nested markup, inline scripts, `on*` attributes). */
export function largePage(targetBytes = 1_000_000, seed = 3) {
  const rand = prng(seed);
  const words = ['订单', '会员', '活动', 'member', 'coupon', 'article', '预约', 'ticket', 'profile', 'survey', '门店', 'event'];
  const word = () => words[Math.floor(rand() * words.length)];
  const parts = [
    '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n<title>Article</title>\n',
    '<script>\nvar pageConfig = { id: 1, tags: ["a", "b"], author: "editor" };\nfunction track(name) { return name.length; }\n</script>\n',
    '</head>\n<body onload="track(\'load\')">\n<div id="app">\n',
  ];
  let size = parts.join('').length;
  let index = 0;
  while (size < targetBytes) {
    const block =
      `<section class="para para-${index}" data-index="${index}">\n` +
      `  <h3 style="margin:0 0 8px;font-size:16px">${word()} ${word()} &amp; ${word()}</h3>\n` +
      `  <p style="line-height:1.75;color:#333">${Array.from({ length: 24 }, word).join(' ')} &nbsp;${index}</p>\n` +
      `  <a href="/article/${index}" onclick="track('a${index}')">${word()}</a> <span><em>${word()}</em></span>\n` +
      (index % 40 === 0 ? `  <script>\n  (function () { var n = ${index}; document.title = 'part ' + n; })();\n  </script>\n` : '') +
      '</section>\n';
    parts.push(block);
    size += block.length;
    index++;
  }
  parts.push('</div>\n</body>\n</html>\n');
  return parts.join('');
}

function htmlFiles(dir, found = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === '.git') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) htmlFiles(full, found);
    else if (/\.html?$/iu.test(entry.name)) found.push(full);
  }
  return found;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export async function htmlProcessorCost({ ESLint, wechatOa, rounds, corpus, allOff }) {
  const pages = [];
  if (corpus) for (const file of htmlFiles(corpus)) pages.push({ name: file, text: readFileSync(file, 'utf8') });
  const corpusCount = pages.length;
  const large = largePage();
  // Pages outside ESLint's `cwd` would be ignored: every page lives under it (the generated one only in memory).
  const cwd = corpus ?? os.tmpdir();
  pages.push({ name: path.join(cwd, 'generated-large-page.html'), text: large });
  const megabytes = pages.reduce((sum, page) => sum + Buffer.byteLength(page.text), 0) / 1e6;
  const processor = wechatOa.processors.html;
  const none = new ESLint({ cwd, overrideConfigFile: true, overrideConfig: [...wechatOa.configs.recommended, { rules: allOff }] });
  const recommended = new ESLint({ cwd, overrideConfigFile: true, overrideConfig: wechatOa.configs.recommended });
  const samples = { processor: [], none: [], recommended: [] };
  const run = {
    processor: async () => {
      for (const page of pages) {
        const blocks = processor.preprocess(page.text, page.name);
        processor.postprocess(blocks.map(() => []), page.name);
      }
    },
    none: async () => {
      for (const page of pages) await none.lintText(page.text, { filePath: page.name });
    },
    recommended: async () => {
      for (const page of pages) await recommended.lintText(page.text, { filePath: page.name });
    },
  };
  const names = Object.keys(run);
  for (let round = -1; round < rounds; round++) {
    for (const name of round % 2 === 0 ? names : [...names].reverse()) {
      const start = process.hrtime.bigint();
      await run[name]();
      if (round >= 0) samples[name].push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  }
  const perMb = Object.fromEntries(names.map((name) => [name, median(samples[name]) / megabytes]));
  const markdown = [
    `${corpusCount} pages of the corpus and one generated page of ${(Buffer.byteLength(large) / 1e6).toFixed(1)} MB (${megabytes.toFixed(2)} MB in all), linted with \`lintText\`. The processor line is \`preprocess\` + \`postprocess\` alone (htmlparser2, the blocks and their offset maps); the no-rules line adds ESLint's parse of every block.`,
    '',
    '| | per MB of page |',
    '|---|---|',
    `| HTML processor alone | ${perMb.processor.toFixed(0)} ms |`,
    `| ESLint, no rules (processor + parse of the blocks) | ${perMb.none.toFixed(0)} ms |`,
    `| wechat-oa recommended | ${perMb.recommended.toFixed(0)} ms |`,
  ].join('\n');
  return { perMb, markdown };
}
