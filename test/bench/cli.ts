// `npm run bench -- cli [runs=7] [mentions=300]`: how long the `earshot` command takes to answer,
// the way a shell user calls it — `earshot --help` and `earshot search price` on a SQLite store —
// run from the build (dist/, what bin/earshot.js runs) and, side by side, from the TypeScript
// sources through tsx (how bin/earshot.js ran before there was a build). Prints the median and best
// wall time and the CPU time of each (CPU is steadier on a busy machine), and the ratio.
// The store is filled first by `earshot run --once` from a loopback feed (our own generated text).
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from '../../scripts/build.js';
import { startFeedServer, rssFeed } from '../support/feed-server.js';
import { countStored, nordtelItems, oneFeedConfig } from '../support/stored-mentions.js';
import { printTable, writeResults } from './results.js';

const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`${name}=`))?.split('=')[1] ?? fallback);
const RUNS = arg('runs', 7);
const MENTIONS = arg('mentions', 300);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * How the command is started: the build, or the sources through tsx (the pre-build bin/earshot.js).
 * `node` is the floor: node starting and exiting with nothing to run, on the same machine at the time.
 */
const WAYS = {
  dist: [join(ROOT, 'bin/earshot.js')],
  tsx: ['--import', 'tsx', join(ROOT, 'services/earshot/src/main.ts')],
  node: ['-e', '0'],
} as const;
type Way = keyof typeof WAYS;
const WAY_NAMES: Record<Way, string> = { tsx: 'sources via tsx', dist: 'dist/ (build)', node: 'node -e 0 (the floor)' };

/** CPU seconds of the children this process has waited for (Linux /proc), else undefined. */
function childrenCpuSeconds(): number | undefined {
  if (!existsSync('/proc/self/stat')) return undefined;
  // After the command name the fields start at the 3rd; cutime is the 16th and cstime the 17th (man proc).
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
  const ticks = Number(fields[13]) + Number(fields[14]);
  return ticks / 100; // USER_HZ is 100 on Linux
}

function timeOnce(way: Way, args: string[]): { wallMs: number; cpuMs: number | undefined } {
  const cpuBefore = childrenCpuSeconds();
  const started = performance.now();
  const res = spawnSync(process.execPath, [...WAYS[way], ...(way === 'node' ? [] : args)], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, LOG_LEVEL: 'silent' },
  });
  const wallMs = performance.now() - started;
  if (res.status !== 0) throw new Error(`earshot ${args.join(' ')} (${way}) exited ${res.status}: ${res.stderr}`);
  const cpuAfter = childrenCpuSeconds();
  return { wallMs, cpuMs: cpuBefore === undefined || cpuAfter === undefined ? undefined : (cpuAfter - cpuBefore) * 1000 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

process.stdout.write('building dist/…\n');
await build();

const dir = mkdtempSync(join(tmpdir(), 'earshot-bench-cli-'));
const server = await startFeedServer();
try {
  server.set('/feed.xml', rssFeed(nordtelItems(MENTIONS, 'bench')));
  const config = oneFeedConfig({ dir, sourceId: 'bench-feed', feedUrl: `${server.url}/feed.xml` });
  process.stdout.write(`filling the store: earshot run --once (${MENTIONS} items)…\n`);
  // Not spawnSync: the feed server answers from this process's event loop.
  await promisify(execFile)(process.execPath, [WAYS.dist[0], 'run', '--once', '--json', '--config', config], { env: { ...process.env, LOG_LEVEL: 'silent' } });
  const stored = countStored(join(dir, 'store.db'));

  const commands: { name: string; args: string[] }[] = [
    { name: 'earshot --help', args: ['--help'] },
    { name: 'earshot search price', args: ['search', 'price', '--config', config] },
  ];
  const rows: Record<string, string | number>[] = [];
  const results: Record<string, unknown>[] = [];
  for (const command of commands) {
    const timings: Record<Way, { wallMs: number[]; cpuMs: number[] }> = {
      tsx: { wallMs: [], cpuMs: [] },
      dist: { wallMs: [], cpuMs: [] },
      node: { wallMs: [], cpuMs: [] },
    };
    // Warm-up (file cache, tsx's compile cache), then the ways in turn so load affects each alike.
    for (const way of Object.keys(WAYS) as Way[]) timeOnce(way, command.args);
    for (let i = 0; i < RUNS; i++) {
      for (const way of Object.keys(WAYS) as Way[]) {
        const t = timeOnce(way, command.args);
        timings[way].wallMs.push(t.wallMs);
        if (t.cpuMs !== undefined) timings[way].cpuMs.push(t.cpuMs);
      }
    }
    for (const way of ['tsx', 'dist', 'node'] as Way[]) {
      const { wallMs, cpuMs } = timings[way];
      const row = {
        command: command.name,
        way: WAY_NAMES[way],
        'median wall ms': Math.round(median(wallMs)),
        'best wall ms': Math.round(Math.min(...wallMs)),
        'median cpu ms': cpuMs.length ? Math.round(median(cpuMs)) : '-',
      };
      rows.push(row);
      results.push({ ...row, wallMs, cpuMs });
    }
    const ratio = median(timings.tsx.wallMs) / median(timings.dist.wallMs);
    rows.push({
      command: command.name,
      way: `dist/ is ${ratio.toFixed(1)}× faster (median wall)`,
      'median wall ms': '',
      'best wall ms': '',
      'median cpu ms': '',
    });
  }
  process.stdout.write(`\n${RUNS} runs each, store of ${stored} mentions, node ${process.version}\n\n`);
  printTable(rows);
  writeResults('cli', { runs: RUNS, mentionsStored: stored, node: process.version, results });
} finally {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
