/**
 * The data inventory (SPEC §3.5) collected through real ESLint from server and browser code: what is collected,
 * stored, sent and deleted, which stores have no deletion path (S4), and the per-clause summary.
 */
import { ESLint, type Linter } from 'eslint';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { buildInventory, inventoryToMarkdown, markConsent } from '../../src/inventory/report.js';
import { createInventoryCollector, type FileInventory } from '../../src/inventory/rule.js';

const SERVER = `const express = require('express');
const mongoose = require('mongoose');
const Redis = require('ioredis');
const axios = require('axios');

const Subscriber = mongoose.model('Subscriber', new mongoose.Schema({ openid: String, nickname: String }));
const Visit = mongoose.model('Visit', new mongoose.Schema({ openid: String, page: String }));
const redis = new Redis();
const app = express();

app.post('/wechat', async (req, res) => {
  const message = req.body.xml;
  if (message.Event === 'subscribe') {
    await Subscriber.create({ openid: message.FromUserName });
  } else if (message.Event === 'unsubscribe') {
    await Subscriber.deleteOne({ openid: message.FromUserName });
  }
  res.send('');
});

app.get('/pages/:id', async (req, res) => {
  await Visit.create({ openid: req.session.openid, page: req.params.id });
  await redis.set('session:' + req.session.openid, JSON.stringify({ openid: req.session.openid }), 'EX', 3600);
  await axios.post('https://crm.partner.example.net/events', { openid: req.session.openid });
  res.json({ ok: true });
});
`;

const PAGE = `import wx from 'weixin-js-sdk';

wx.ready(() => {
  wx.getLocation({ success: (res) => localStorage.setItem('lastLocation', JSON.stringify({ latitude: res.latitude })) });
});

document.querySelector('#forget').addEventListener('click', () => {
  localStorage.removeItem('lastLocation');
});
`;

function project(): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'wechat-oa-inventory-'));
  mkdirSync(path.join(root, 'server'));
  mkdirSync(path.join(root, 'web'));
  writeFileSync(path.join(root, 'server/app.js'), SERVER);
  writeFileSync(path.join(root, 'web/page.js'), PAGE);
  return root;
}

async function collect(root: string) {
  const files: FileInventory[] = [];
  const collector = createInventoryCollector(root, (file) => files.push(file));
  const off = Object.fromEntries(Object.keys(plugin.rules).map((id) => [`wechat-oa/${id}`, 'off']));
  const config = [
    ...plugin.configs.recommended,
    { rules: off },
    { plugins: { inventory: { rules: { collect: collector } } }, rules: { 'inventory/collect': 'error' } },
  ] as Linter.Config[];
  const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: config });
  const results = await eslint.lintFiles(['.']);
  expect(results.flatMap((result) => result.messages)).toEqual([]);
  files.sort((a, b) => (a.filePath < b.filePath ? -1 : 1));
  return files;
}

describe('data inventory', () => {
  it('lists what is collected, stored, sent and deleted', async () => {
    const root = project();
    const files = await collect(root);
    const inventory = buildInventory(files, { root, toolName: 'wechat-oa-lint', toolVersion: '0.0.0', relative: (file) => path.relative(root, file) });
    const rows = inventory.entries.map((entry) => [entry.category, `${entry.file}:${entry.line}`, entry.operation, entry.store ?? entry.host ?? '', entry.kinds.join(',')]);
    expect(rows).toEqual([
      ['stored', 'server/app.js:14', 'Subscriber.create', 'model subscriber', 'openid'],
      ['deleted', 'server/app.js:16', 'Subscriber.deleteOne', 'model subscriber', ''],
      ['stored', 'server/app.js:22', 'Visit.create', 'model visit', 'openid'],
      ['stored', 'server/app.js:23', 'redis.set', 'redis session:*', 'openid'],
      ['sent', 'server/app.js:24', 'POST crm.partner.example.net', 'crm.partner.example.net', 'openid'],
      ['collected', 'web/page.js:4', 'wx.getLocation', '', 'location'],
      ['stored', 'web/page.js:4', 'localStorage.setItem', 'localStorage lastLocation', 'location'],
      ['deleted', 'web/page.js:8', 'localStorage.removeItem', 'localStorage lastLocation', ''],
    ]);
    expect(inventory.entries.find((entry) => entry.operation === 'Subscriber.deleteOne')?.onUnsubscribe).toBe(true);
    expect(inventory.entries.find((entry) => entry.operation === 'redis.set')?.expires).toBe(true);
    expect(inventory.unsubscribeHandlers).toEqual([{ file: 'server/app.js', line: 15 }]);
  });

  it('flags the stores holding user data with no deletion path (S4)', async () => {
    const root = project();
    const inventory = buildInventory(await collect(root), { root, toolName: 'wechat-oa-lint', toolVersion: '0.0.0', relative: (file) => path.relative(root, file) });
    expect(inventory.stores.map((store) => [store.store, store.noDeletionPath])).toEqual([
      ['localStorage lastLocation', false],
      ['model subscriber', false],
      ['model visit', true],
      ['redis session:*', false],
    ]);
    expect(inventory.clauses.find((clause) => clause.clause === 'S4')).toEqual({
      clause: 'S4',
      summary: '4 store(s) holding user data; 1 with no deletion path found',
      findings: 1,
    });
    const markdown = inventoryToMarkdown(inventory);
    expect(markdown).toContain('- `model visit` (openid), written at server/app.js:22');
    expect(markdown).toContain('| model subscriber | openid | server/app.js:14 | server/app.js:16 (on unsubscribe) |');
  });

  it('marks a collection point that require-consent reported as missing consent', async () => {
    const root = project();
    const files = await collect(root);
    const page = files.find((file) => file.filePath.endsWith('page.js')) as FileInventory;
    markConsent(files, new Map([[page.filePath, [{ line: 4, column: 3 }]]]));
    expect(page.entries.find((entry) => entry.category === 'collected')?.consent).toBe('missing');
    markConsent(files, new Map());
    expect(page.entries.find((entry) => entry.category === 'collected')?.consent).toBe('covered');
  });
});

describe('every store a rule sees is in the inventory', () => {
  const PROFILE_PAGE = `import localforage from 'localforage';
export async function remember(user) {
  const profile = { nickname: user.nickname, avatar: user.headimgurl };
  window.localStorage.profile = JSON.stringify(profile);
  await localforage.setItem('me', profile);
  document.cookie = 'nick=' + user.nickname;
}
`;

  it('lists the plain-text writes no-plaintext-user-data reports, from the same facts', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'wechat-oa-inventory-'));
    writeFileSync(path.join(root, 'profile.js'), PROFILE_PAGE);
    const files = await collect(root);
    const stored = files
      .flatMap((file) => file.entries)
      .filter((entry) => entry.category === 'stored')
      .sort((a, b) => a.line - b.line);
    expect(stored.map((entry) => [entry.line, entry.operation, entry.store, entry.kinds.join(',')])).toEqual([
      [4, 'localStorage.profile =', 'localStorage profile', 'profile'],
      [5, 'localforage.setItem', 'localforage me', 'profile'],
      [6, 'document.cookie =', 'cookie *', 'profile'],
    ]);
    const eslint = new ESLint({
      cwd: root,
      overrideConfigFile: true,
      overrideConfig: [...plugin.configs.recommended, { rules: { 'wechat-oa/no-plaintext-user-data': 'error' } }] as Linter.Config[],
    });
    const [result] = await eslint.lintFiles(['profile.js']);
    const reported = result.messages.filter((message) => message.ruleId === 'wechat-oa/no-plaintext-user-data').map((message) => message.line);
    expect(reported).toEqual(stored.map((entry) => entry.line));
  });
});

describe('runInventory', () => {
  it('runs the collector with require-consent and marks automatic collection without consent as missing', async () => {
    const { ESLint: ESLintClass } = await import('eslint');
    const { runInventory } = await import('../../src/inventory/run.js');
    const root = project();
    const inventory = await runInventory({ ESLint: ESLintClass, root, files: ['.'], plugin });
    // wx.getLocation runs in wx.ready (automatic) with no consent check: require-consent reports it.
    const collected = inventory.entries.filter((entry) => entry.category === 'collected');
    expect(collected.map((entry) => [entry.operation, entry.consent])).toEqual([['wx.getLocation', 'missing']]);
    expect(inventory.files).toBe(2);
    expect(inventory.clauses.map((clause) => [clause.clause, clause.findings])).toEqual([
      ['S1', 1],
      ['S3', 1],
      ['S4', 1],
    ]);
  });
});
