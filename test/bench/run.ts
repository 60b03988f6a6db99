// `npm run bench -- <name> [args]`: runs test/bench/<name>.ts. Benchmarks print a summary table and
// write JSON results to test/bench/results/ (git-ignored) so runs can be compared.
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const dir = fileURLToPath(new URL('./', import.meta.url));
const available = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && !['run.ts', 'results.ts'].includes(f))
  .map((f) => f.replace(/\.ts$/, ''));
const name = process.argv[2];
if (!name || !available.includes(name)) {
  process.stderr.write(`usage: npm run bench -- <name> [args]\navailable: ${available.join(', ') || '(none)'}\n`);
  process.exit(name ? 2 : 0);
}
process.argv.splice(2, 1);
const file = `${dir}${name}.ts`;
if (!existsSync(file)) process.exit(2);
await import(pathToFileURL(file).href);
