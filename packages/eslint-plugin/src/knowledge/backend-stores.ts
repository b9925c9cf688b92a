/**
 * Where a back end keeps data, and how it deletes it — for the data inventory and the deletion clause
 * S4: every store that holds user data needs a deletion path (on Tencent's request, and of everything — backups
 * too — when the service stops).
 */

export type StoreFamily = 'mongoose' | 'sequelize' | 'prisma' | 'typeorm' | 'knex' | 'mongodb' | 'redis' | 'fs' | 'sql';

export interface StoreFamilyInfo {
  /** Modules whose import makes the family's methods unambiguous in a file. */
  modules: readonly string[];
  /** Methods that write a record. */
  writes: ReadonlySet<string>;
  /** Methods that delete records, or set an expiry (which deletes them later). */
  deletes: ReadonlySet<string>;
}

export const STORE_FAMILIES: Readonly<Record<StoreFamily, StoreFamilyInfo>> = {
  mongoose: {
    modules: ['mongoose'],
    writes: new Set(['create', 'insertMany', 'save', 'updateOne', 'updateMany', 'findOneAndUpdate', 'findByIdAndUpdate', 'replaceOne', 'bulkWrite']),
    deletes: new Set(['deleteOne', 'deleteMany', 'findOneAndDelete', 'findByIdAndDelete', 'findOneAndRemove', 'findByIdAndRemove', 'remove']),
  },
  sequelize: {
    modules: ['sequelize', 'sequelize-typescript'],
    writes: new Set(['create', 'bulkCreate', 'update', 'upsert', 'save']),
    deletes: new Set(['destroy', 'truncate']),
  },
  prisma: {
    modules: ['@prisma/client'],
    writes: new Set(['create', 'createMany', 'update', 'updateMany', 'upsert']),
    deletes: new Set(['delete', 'deleteMany']),
  },
  typeorm: {
    modules: ['typeorm', '@nestjs/typeorm'],
    writes: new Set(['save', 'insert', 'update', 'upsert']),
    deletes: new Set(['delete', 'remove']),
  },
  knex: {
    modules: ['knex'],
    writes: new Set(['insert', 'update', 'upsert']),
    deletes: new Set(['del', 'delete', 'truncate']),
  },
  mongodb: {
    modules: ['mongodb'],
    writes: new Set(['insertOne', 'insertMany', 'updateOne', 'updateMany', 'replaceOne', 'findOneAndUpdate', 'findOneAndReplace', 'bulkWrite']),
    deletes: new Set(['deleteOne', 'deleteMany', 'findOneAndDelete', 'drop']),
  },
  redis: {
    modules: ['redis', 'ioredis', '@redis/client'],
    writes: new Set(['set', 'setex', 'psetex', 'setnx', 'mset', 'hset', 'hmset', 'hsetnx', 'lpush', 'rpush', 'sadd', 'zadd', 'xadd']),
    deletes: new Set(['del', 'unlink', 'expire', 'pexpire', 'expireat', 'pexpireat', 'hdel', 'srem', 'zrem', 'lrem', 'ltrim', 'getdel', 'flushdb', 'flushall']),
  },
  sql: {
    modules: ['mysql', 'mysql2', 'mysql2/promise', 'pg', 'sqlite3', 'better-sqlite3'],
    // storeCall() reads the statement verb of the SQL text and names the operation insert or delete.
    writes: new Set(['insert']),
    deletes: new Set(['delete']),
  },
  fs: {
    modules: ['fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'fs-extra'],
    writes: new Set(['writeFile', 'writeFileSync', 'appendFile', 'appendFileSync', 'createWriteStream', 'outputFile', 'outputJson', 'writeJson', 'writeJSON']),
    deletes: new Set(['unlink', 'unlinkSync', 'rm', 'rmSync', 'remove', 'removeSync', 'emptyDir']),
  },
};

/** Drivers that run SQL text (mysql2, pg, sqlite): `db.query('INSERT INTO t …', params)`. */
export const SQL_METHODS: ReadonlySet<string> = new Set(['query', 'execute', 'run', 'exec', 'raw']);
/** The statement verb and table of SQL text: writes (INSERT, REPLACE, UPDATE) and deletions (DELETE, TRUNCATE). */
export const SQL_STATEMENT = /^\s*(insert\s+(?:ignore\s+)?into|replace\s+into|update|delete\s+from|truncate(?:\s+table)?)\s+[`"[]?([\w.]+)/iu;

/** Redis writes that set an expiry in the same call (`setex`, or `set(key, value, 'EX', n)` / `{ EX: n }`). */
export const REDIS_EXPIRING_WRITES: ReadonlySet<string> = new Set(['setex', 'psetex']);
export const REDIS_EXPIRY_ARGUMENTS: ReadonlySet<string> = new Set(['EX', 'PX', 'EXAT', 'PXAT', 'ex', 'px']);

/** Receiver names that mean a Redis client when the file imports no Redis module (`redis.set`, `this.redis.del`). */
export const REDIS_RECEIVER_WORDS: ReadonlySet<string> = new Set(['redis', 'cache']);

/** Suffixes stripped from receiver names to find the entity a store holds (`userModel` → user). */
export const STORE_NAME_SUFFIXES: readonly string[] = ['model', 'repository', 'repo', 'collection', 'table', 'schema', 'dao', 'store'];

/** Entities that hold people (a write to such a store holds user data even when its fields are not named). */
export const USER_ENTITY_STORE_WORDS: ReadonlySet<string> = new Set([
  'user',
  'member',
  'customer',
  'follower',
  'subscriber',
  'fan',
  'profile',
  'visitor',
  'visit',
  'session',
  'account',
  'openid',
  'wxuser',
  'wechatuser',
]);

/** Browser storage removal (`localStorage.removeItem`, `clear`). */
export const BROWSER_STORAGE_DELETE_METHODS: ReadonlySet<string> = new Set(['removeItem', 'clear']);

/** The inbound event an Official Account receives when a user unfollows: the natural place to delete their data. */
export const UNSUBSCRIBE_EVENT = 'unsubscribe';

/**
 * Methods that keep what they are given, whatever the library: a key-value store, a database, a file,
 * `localStorage` (not `update`: a hash's `update(data)` keeps nothing).
 */
export const GENERIC_STORE_WRITE_METHODS: ReadonlySet<string> = new Set([
  'set', 'setex', 'setEx', 'hset', 'hSet', 'hmset', 'mset', 'put', 'setItem', 'lpush', 'rpush', 'sadd',
  'writeFile', 'writeFileSync', 'appendFile', 'appendFileSync', 'outputFile', 'outputJson', 'writeJson', 'writeJSON',
  'save', 'insert', 'insertOne', 'insertMany', 'create', 'updateOne', 'upsert', 'findOneAndUpdate',
]);
/** Of those, the ones whose first argument is a key or a path, not the value kept. */
export const KEYED_STORE_WRITE_METHODS: ReadonlySet<string> = new Set([
  'set', 'setex', 'setEx', 'hset', 'hSet', 'put', 'setItem', 'writeFile', 'writeFileSync', 'appendFile', 'appendFileSync',
  'outputFile', 'outputJson', 'writeJson', 'writeJSON',
]);
/**
 * Words of a project module's path that say the module keeps data (`../storage/db.js`, `@/repositories/session`):
 * a value handed to a function imported from such a module is stored.
 */
export const PROJECT_STORE_MODULE_WORDS: ReadonlySet<string> = new Set([
  'db', 'database', 'storage', 'store', 'stores', 'repository', 'repositories', 'dao', 'persistence',
]);
