// Real code to mutate: the fixture projects and the ❌/✅ examples of the rule docs.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

function walk(dir, out) {
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (/\.(?:[cm]?[jt]sx?)$/u.test(entry.name)) out.push({ code: readFileSync(full, 'utf8'), filename: full });
  }
  return out;
}

export function seedSources(root) {
  const sources = walk(path.join(root, 'test-fixtures'), []);
  const docs = path.join(root, 'packages/eslint-plugin/docs/rules');
  if (existsSync(docs)) {
    for (const file of readdirSync(docs).filter((name) => name.endsWith('.md') && !name.includes('zh-CN'))) {
      const text = readFileSync(path.join(docs, file), 'utf8');
      let index = 0;
      for (const match of text.matchAll(/```(js|jsx|ts|tsx|javascript|typescript)\n([\s\S]*?)```/gu)) {
        const extension = { javascript: 'js', typescript: 'ts' }[match[1]] ?? match[1];
        sources.push({ code: match[2], filename: path.join(root, `docs-example/${file}-${index++}.${extension}`) });
      }
    }
  }
  return sources;
}
