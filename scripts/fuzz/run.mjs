// Runs a fuzz campaign; used by `npm run fuzz` and by the bounded fuzz test in CI.
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { checkSample, createLinter, minimise, mutate, prng, randomProgram } from './fuzz-core.mjs';
import { seedSources } from './sources.mjs';

/**
 * @param {{ plugin: any, root: string, seed: number, parsingPrograms: number, mutations: number,
 *           regressionsDir?: string, onProgress?: (line: string) => void }} options
 */
export function runFuzz(options) {
  const { plugin, root, seed, parsingPrograms, mutations } = options;
  const random = prng(seed);
  const linter = createLinter();
  const configs = { all: plugin.configs.all, strict: plugin.configs.strict };
  const stats = { seed, generated: 0, parsed: 0, mutated: 0, mutatedParsed: 0, failures: [] };
  const record = (code, filename, failure) => {
    const minimal = minimise(linter, configs, code, filename, failure.problem);
    const hash = createHash('sha1').update(minimal).digest('hex').slice(0, 10);
    const entry = { ...failure, filename: path.basename(filename), code: minimal, hash };
    stats.failures.push(entry);
    if (options.regressionsDir) {
      mkdirSync(options.regressionsDir, { recursive: true });
      const extension = path.extname(filename) || '.js';
      writeFileSync(path.join(options.regressionsDir, `${hash}${extension}`), `${minimal}\n`);
    }
  };
  // Random programs: eslump's output parses about half the time; count only those that do.
  const maxAttempts = parsingPrograms * 6;
  while (stats.parsed < parsingPrograms && stats.generated < maxAttempts) {
    const code = randomProgram(random);
    const filename = path.join(root, `fuzz/random-${stats.generated}.js`);
    stats.generated++;
    const { parsed, failures } = checkSample(linter, configs, code, filename);
    if (parsed) stats.parsed++;
    for (const failure of failures) record(code, filename, failure);
    if (stats.generated % 100 === 0) options.onProgress?.(`random: ${stats.parsed} parsed of ${stats.generated}`);
  }
  const sources = seedSources(root);
  for (let index = 0; index < mutations && sources.length > 0; index++) {
    const source = sources[Math.floor(random() * sources.length)];
    let sample = { code: source.code, filename: source.filename };
    const steps = 1 + Math.floor(random() * 3);
    for (let step = 0; step < steps; step++) sample = mutate(sample.code, sample.filename, random);
    stats.mutated++;
    const { parsed, failures } = checkSample(linter, configs, sample.code, sample.filename);
    if (parsed) stats.mutatedParsed++;
    for (const failure of failures) record(sample.code, sample.filename, failure);
  }
  return stats;
}
