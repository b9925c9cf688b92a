import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_CATALOG_FILE, renderApiCatalog } from '../../scripts/api-catalog.js';

describe('docs/api-catalog.md', () => {
  it('is generated from the catalog (run `pnpm --filter eslint-plugin-wechat-oa api-catalog`)', () => {
    expect(readFileSync(API_CATALOG_FILE, 'utf8')).toBe(renderApiCatalog());
  });
});
