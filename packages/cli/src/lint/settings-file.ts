import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import { SETTINGS_SCHEMA, type WechatOaSettings } from 'eslint-plugin-wechat-oa';
import { UsageError } from '../usage-error.js';

/** Plugin-wide settings for embedded mode, in the project's root folder (§3.1 of the spec). */
export const SETTINGS_FILE = '.wechat-oa.json';

export interface SettingsFile {
  /** The folder that holds the file: its settings apply to the files below it. */
  folder: string;
  file: string;
  settings: WechatOaSettings;
}

const validate = new Ajv({ allErrors: false }).compile(SETTINGS_SCHEMA);

/**
 * Finds, for each file, the nearest `.wechat-oa.json` in its folder or above (not above the top of the git work
 * tree, whose folders belong to something else), reading and validating each settings file once.
 */
export class SettingsFiles {
  readonly #byFolder = new Map<string, SettingsFile | null>();

  nearest(file: string): SettingsFile | null {
    return this.#inFolder(path.dirname(file));
  }

  #inFolder(folder: string): SettingsFile | null {
    const cached = this.#byFolder.get(folder);
    if (cached !== undefined) return cached;
    const file = path.join(folder, SETTINGS_FILE);
    let found: SettingsFile | null;
    if (existsSync(file)) found = { folder, file, settings: readSettings(file) };
    else if (existsSync(path.join(folder, '.git')) || path.dirname(folder) === folder) found = null;
    else found = this.#inFolder(path.dirname(folder));
    this.#byFolder.set(folder, found);
    return found;
  }
}

function readSettings(file: string): WechatOaSettings {
  const where = path.relative(process.cwd(), file) || SETTINGS_FILE;
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`${where} is not valid JSON (${(error as Error).message}): fix the file or remove it`);
  }
  if (!validate(data)) throw new UsageError(`${where}: ${describe(validate.errors?.[0])}`);
  return data as WechatOaSettings;
}

function describe(error: ErrorObject | undefined): string {
  if (!error) return 'invalid settings';
  const at = error.instancePath ? `"${error.instancePath.slice(1).replaceAll('/', '.')}"` : 'the top level';
  if (error.keyword === 'additionalProperties') {
    const key = (error.params as { additionalProperty: string }).additionalProperty;
    const known = Object.keys(SETTINGS_SCHEMA.properties).join(', ');
    return `unknown setting "${key}": remove it or use one of ${known}`;
  }
  if (error.keyword === 'enum') {
    const allowed = (error.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v));
    return `${at} must be one of ${allowed.join(', ')}`;
  }
  return `${at} ${error.message ?? 'is invalid'}: fix the value`;
}
