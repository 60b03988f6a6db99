// `npm run bench -- feeds [feeds=1000] [concurrency=64]`: the collector polls N feeds served from
// loopback (by a separate process, so CPU figures are the collector's own) — first cold, then again
// with conditional GET answered 304 — and prints feeds/minute, CPU time and peak memory.
// The feeds are generated here: RSS, Atom and JSON Feed, a tenth in windows-1251, some gzip'd.
import { spawn } from 'node:child_process';
import { createEmbeddedBus } from '@earshot/bus/embedded';
import { createCollector } from '@earshot/collector';
import { parseConfig } from '@earshot/config';
import { createMetrics, silentLogger } from '@earshot/observability';
import { createSqliteStore } from '@earshot/store/sqlite';
import { printTable, writeResults } from './results.js';

const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`${name}=`))?.split('=')[1] ?? fallback);
const FEEDS = arg('feeds', 1000);
const CONCURRENCY = arg('concurrency', 64);
const ITEMS = 20;

// The feed server, as a child process: feed n is /f/n, 304 when If-None-Match matches its ETag.
const serverCode = `
const http = require('node:http'); const zlib = require('node:zlib');
const words = 'price support network coverage bill refund app outage speed router contract signal'.split(' ');
const cyr = 'цена поддержка сеть покрытие счёт возврат приложение сбой скорость роутер договор'.split(' ');
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
function text(n, i, pool) { let s = ''; for (let k = 0; k < 40; k++) s += pool[(n * 7 + i * 13 + k * 5) % pool.length] + ' '; return s; }
function body(n) {
  const brand = (i) => (i % 4 === 0 ? (n % 10 === 3 ? 'Нордтел ' : 'Nordtel ') : '');
  const kind = n % 3;
  const pool = n % 10 === 3 ? cyr : words;
  if (kind === 2) return JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'feed ' + n, items: Array.from({ length: ${ITEMS} }, (_, i) => ({ id: n + '-' + i, url: 'https://bench.example/' + n + '/' + i, title: brand(i) + 'item ' + i, content_html: '<p>' + brand(i) + text(n, i, pool) + '</p>', date_published: new Date(Date.UTC(2026, 10, 1, 0, i)).toISOString() })) });
  if (kind === 1) return '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>feed ' + n + '</title>' + Array.from({ length: ${ITEMS} }, (_, i) => '<entry><id>urn:' + n + ':' + i + '</id><title>' + brand(i) + 'item ' + i + '</title><link href="https://bench.example/' + n + '/' + i + '"/><updated>2026-11-01T00:' + String(i).padStart(2, '0') + ':00Z</updated><content type="html">' + esc('<p>' + brand(i) + text(n, i, pool) + '</p>') + '</content></entry>').join('') + '</feed>';
  const enc = n % 10 === 3 ? 'windows-1251' : 'utf-8';
  return '<?xml version="1.0" encoding="' + enc + '"?><rss version="2.0"><channel><title>feed ' + n + '</title>' + Array.from({ length: ${ITEMS} }, (_, i) => '<item><title>' + brand(i) + 'item ' + i + '</title><link>https://bench.example/' + n + '/' + i + '</link><guid>' + n + '-' + i + '</guid><pubDate>Sun, 01 Nov 2026 00:' + String(i).padStart(2, '0') + ':00 GMT</pubDate><description>' + esc('<p>' + brand(i) + text(n, i, pool) + '</p>') + '</description></item>').join('') + '</channel></rss>';
}
const cache = new Map();
const win1251 = new TextDecoder('windows-1251'); const table = new Map(); for (let b = 0; b < 256; b++) table.set(win1251.decode(Uint8Array.of(b)), b);
const encode1251 = (s) => Buffer.from(Array.from(s, (ch) => table.get(ch) ?? 63));
http.createServer((req, res) => {
  const n = Number((req.url || '').split('/')[2]);
  const etag = '"' + n + '"';
  if (req.headers['if-none-match'] === etag) return res.writeHead(304, { etag }).end();
  if (!cache.has(n)) { const raw = n % 10 === 3 && n % 3 === 0 ? encode1251(body(n)) : Buffer.from(body(n)); cache.set(n, n % 5 === 0 ? { gz: true, data: zlib.gzipSync(raw) } : { gz: false, data: raw }); }
  const { gz, data } = cache.get(n);
  res.writeHead(200, { 'content-type': n % 3 === 2 ? 'application/feed+json' : 'application/xml', etag, ...(gz ? { 'content-encoding': 'gzip' } : {}) }).end(data);
}).listen(0, '127.0.0.1', function () { process.stdout.write(String(this.address().port) + '\\n'); });
`;

const server = spawn(process.execPath, ['-e', serverCode], { stdio: ['ignore', 'pipe', 'inherit'] });
const port = await new Promise<number>((resolve) => server.stdout!.once('data', (d: Buffer) => resolve(Number(d.toString().trim()))));

const config = parseConfig(
  JSON.stringify({
    brands: [{ id: 'nordtel', name: 'Nordtel', query: 'Nordtel OR Нордтел' }],
    sources: Array.from({ length: FEEDS }, (_, n) => ({ id: `f${n}`, type: 'feed', url: `http://127.0.0.1:${port}/f/${n}`, allowPrivateNetwork: true })),
    // All feeds share one loopback host here, so the per-host caps are opened up for the benchmark.
    collector: { concurrency: CONCURRENCY, perHostConcurrency: CONCURRENCY },
    bus: { kind: 'embedded', path: ':memory:' },
    store: { kind: 'sqlite', path: ':memory:' },
  }),
  'bench.yaml',
);
const bus = createEmbeddedBus({ path: ':memory:' });
const store = createSqliteStore({ path: ':memory:' });
await store.init();
const collector = createCollector({ config, bus, store, logger: silentLogger(), metrics: createMetrics(), perHostIntervalMs: 0 });

let peakRss = 0;
let peakHeap = 0;
const sample = () => {
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed);
};
const sampler = setInterval(sample, 20);

async function round(name: string) {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const report = await collector.collectOnce();
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  sample();
  const cpuSeconds = (used.user + used.system) / 1e6;
  return { name, seconds, cpuSeconds, report };
}

const baseRss = process.memoryUsage().rss;
const cold = await round('cold (200, parse, match, publish)');
const warm = await round('conditional GET (304)');
clearInterval(sampler);
await collector.stop();
await bus.close();
await store.close();
server.kill();

const rows = [cold, warm].map((r) => ({
  round: r.name,
  feeds: r.report.sources,
  failed: r.report.failed,
  items: r.report.items,
  mentions: r.report.mentions,
  'feeds/min': Math.round((r.report.sources / r.seconds) * 60),
  'wall s': r.seconds.toFixed(2),
  'CPU s': r.cpuSeconds.toFixed(2),
  'CPU ms/feed': ((r.cpuSeconds * 1000) / r.report.sources).toFixed(2),
}));
printTable(rows);
process.stdout.write(
  `peak RSS ${(peakRss / 1048576).toFixed(0)} MB (start ${(baseRss / 1048576).toFixed(0)} MB), peak heap ${(peakHeap / 1048576).toFixed(0)} MB; ${ITEMS} items per feed, concurrency ${CONCURRENCY}\n`,
);
writeResults('feeds', {
  at: new Date().toISOString(),
  feeds: FEEDS,
  itemsPerFeed: ITEMS,
  concurrency: CONCURRENCY,
  rounds: rows,
  peakRssBytes: peakRss,
  baseRssBytes: baseRss,
  peakHeapBytes: peakHeap,
});
