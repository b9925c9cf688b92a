/** The data inventory: where user data is collected, stored, sent and deleted. */

export type InventoryCategory = 'collected' | 'stored' | 'sent' | 'deleted';

export interface InventoryEntry {
  category: InventoryCategory;
  /** Path relative to the inventory's root folder, `/`-separated. */
  file: string;
  line: number;
  column: number;
  /** The operation as written, shortened: `wx.getLocation`, `User.create`, `POST api.example.com/orders`. */
  operation: string;
  /** Kinds of user data involved (openid, unionid, profile, phone, location, media, address, credential, content). */
  kinds: string[];
  /** stored/deleted: the store, e.g. `mongoose user`, `redis session:*`, `localStorage token`. */
  store?: string;
  /** collected: whether a consent check or user gesture covers it (from `require-consent`), when it applies. */
  consent?: 'covered' | 'missing' | 'not-applicable';
  /** collected: where the data comes from (jssdk, browser, sdk, api, inbound, request, database). */
  source?: string;
  /** sent: the destination host and how it is classed. */
  host?: string;
  destination?: 'own' | 'weixin' | 'third-party' | 'unknown';
  /** deleted: the deletion runs when a user unfollows (`unsubscribe` event). */
  onUnsubscribe?: boolean;
  /** stored: the write sets an expiry (Redis `EX`, `setex`), which deletes the data later. */
  expires?: boolean;
}

export interface StoreSummary {
  store: string;
  kinds: string[];
  writes: { file: string; line: number }[];
  deletions: { file: string; line: number; onUnsubscribe: boolean }[];
  /** Every write to it sets an expiry. */
  expiresOnWrite: boolean;
  /** S4: no deletion path found (no delete call on the same store and no expiry on write). */
  noDeletionPath: boolean;
}

export interface ClauseSummary {
  clause: 'S1' | 'S3' | 'S4';
  summary: string;
  findings: number;
}

export interface Inventory {
  $schema?: string;
  tool: { name: string; version: string };
  root: string;
  files: number;
  entries: InventoryEntry[];
  stores: StoreSummary[];
  unsubscribeHandlers: { file: string; line: number }[];
  clauses: ClauseSummary[];
}
