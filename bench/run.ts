/**
 * `npm run bench`: runs every `*.bench.js` next to this file (dist/bench), one after the other.
 * Each exports `async function run(): Promise<void>` that prints its own figures.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';

async function main(): Promise<void> {
  const files = readdirSync(__dirname).filter((f) => f.endsWith('.bench.js')).sort();
  if (files.length === 0) console.log('No benchmarks found.');
  let failed = 0;
  for (const file of files) {
    console.log(`\n=== ${file.replace(/\.bench\.js$/, '')} ===`);
    const started = Date.now();
    try {
      const mod = require(path.join(__dirname, file)) as { run?: () => Promise<void> };
      if (typeof mod.run !== 'function') throw new Error('does not export run()');
      await mod.run();
      console.log(`(${((Date.now() - started) / 1000).toFixed(1)} s)`);
    } catch (error) {
      failed += 1;
      console.error(`${file} failed: ${(error as Error).stack ?? error}`);
    }
  }
  process.exit(failed > 0 ? 1 : 0);
}

void main();
