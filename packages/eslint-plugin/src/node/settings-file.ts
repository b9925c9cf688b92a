import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import { SETTINGS_SCHEMA, type WechatOaSettings } from '../util/settings.js';

/** The settings of embedded mode, in a project's folder: the plugin-wide settings plus `ignores`. */
export const SETTINGS_FILE = '.wechat-oa.json';

/** JSON schema of `.wechat-oa.json`: every plugin-wide setting, and `ignores` (globs relative to the file's folder). */
export const SETTINGS_FILE_SCHEMA = {
  ...SETTINGS_SCHEMA,
  properties: {
    ...SETTINGS_SCHEMA.properties,
    ignores: { type: 'array', items: { type: 'string' } },
  },
} as const;

/** Every key `.wechat-oa.json` knows, in the order the schema lists them. */
export const SETTINGS_FILE_KEYS: readonly string[] = Object.keys(SETTINGS_FILE_SCHEMA.properties);

export interface SettingsFile {
  /** The folder that holds the file: its settings apply to the files below it. */
  folder: string;
  file: string;
  /** The plugin-wide settings (`settings['wechat-oa']`) it gives. */
  settings: WechatOaSettings;
  /** Flat-config globs of files not to lint, relative to `folder`. */
  ignores: string[];
}

/** A `.wechat-oa.json` that is not valid JSON or not valid settings; `describe` names the file as the caller shows it. */
export class SettingsFileError extends Error {
  constructor(
    readonly file: string,
    readonly describe: (where: string) => string,
  ) {
    super(describe(SETTINGS_FILE));
    this.name = 'SettingsFileError';
  }

  /** The message with the file's path relative to `cwd`. */
  messageFrom(cwd: string): string {
    return this.describe(path.relative(cwd, this.file) || SETTINGS_FILE);
  }
}

const validate = new Ajv({ allErrors: false }).compile(SETTINGS_FILE_SCHEMA);

/** Reads and validates one settings file; throws `SettingsFileError`. */
export function readSettingsFile(file: string): SettingsFile {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const reason = (error as Error).message;
    throw new SettingsFileError(file, (where) => `${where} is not valid JSON (${reason}): fix the file or remove it`);
  }
  if (!validate(data)) {
    const problem = describeSchemaError(validate.errors?.[0]);
    throw new SettingsFileError(file, (where) => `${where}: ${problem}`);
  }
  const { ignores = [], ...settings } = data as WechatOaSettings & { ignores?: string[] };
  return { folder: path.dirname(file), file, settings, ignores };
}

function describeSchemaError(error: ErrorObject | undefined): string {
  if (!error) return 'invalid settings';
  const at = error.instancePath ? `"${error.instancePath.slice(1).replaceAll('/', '.')}"` : 'the top level';
  if (error.keyword === 'additionalProperties' && !error.instancePath) {
    const key = (error.params as { additionalProperty: string }).additionalProperty;
    return `unknown setting "${key}": remove it or use one of ${SETTINGS_FILE_KEYS.join(', ')}`;
  }
  if (error.keyword === 'enum') {
    const allowed = (error.params as { allowedValues: unknown[] }).allowedValues.map((value) => JSON.stringify(value));
    return `${at} must be one of ${allowed.join(', ')}`;
  }
  return `${at} ${error.message ?? 'is invalid'}: fix the value`;
}

/**
 * Finds, for each file, the nearest `.wechat-oa.json` in its folder or above (not above the top of the git work
 * tree, whose folders belong to something else), reading and validating each settings file once.
 */
export class SettingsFiles {
  readonly #byFolder = new Map<string, SettingsFile | null>();

  nearest(file: string): SettingsFile | null {
    return this.inFolder(path.dirname(file));
  }

  inFolder(folder: string): SettingsFile | null {
    const cached = this.#byFolder.get(folder);
    if (cached !== undefined) return cached;
    const file = path.join(folder, SETTINGS_FILE);
    let found: SettingsFile | null;
    if (existsSync(file)) found = readSettingsFile(file);
    else if (existsSync(path.join(folder, '.git')) || path.dirname(folder) === folder) found = null;
    else found = this.inFolder(path.dirname(folder));
    this.#byFolder.set(folder, found);
    return found;
  }
}
