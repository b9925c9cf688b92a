// The data inventory of a workspace folder, built in a worker thread of its own so that a long walk
// over a big project never holds up the lints of open documents.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import wechatOa, { INVENTORY_DEFAULT_IGNORES, inventoryToMarkdown, runInventory, type Inventory, type WechatOaSettings } from 'eslint-plugin-wechat-oa';
import { SETTINGS_FILE } from 'eslint-plugin-wechat-oa/node';

export interface InventoryWorkerData {
  mode: 'inventory';
  /** The workspace folder to map. */
  root: string;
}

export type InventoryReply =
  | { type: 'inventory'; markdown: string; inventory: Inventory }
  | { type: 'inventory-failed'; message: string };

/** `.wechat-oa.json` at the folder's root, when it is there and valid JSON; the lints validate it in full. */
function rootSettings(root: string): WechatOaSettings | undefined {
  const file = path.join(root, SETTINGS_FILE);
  if (!existsSync(file)) return undefined;
  try {
    const data: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return data && typeof data === 'object' ? (data as WechatOaSettings) : undefined;
  } catch {
    return undefined;
  }
}

export async function runInventoryJob(job: InventoryWorkerData): Promise<InventoryReply> {
  const inventory = await runInventory({
    ESLint,
    root: job.root,
    files: ['.'],
    settings: rootSettings(job.root),
    plugin: wechatOa,
    ignores: INVENTORY_DEFAULT_IGNORES,
    toolName: 'wechat-oa-language-server',
  });
  return { type: 'inventory', markdown: inventoryToMarkdown(inventory), inventory };
}
