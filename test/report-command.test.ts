// `earshot report` end to end, as a user runs it: a store with a week of mentions and alerts, then
// `earshot report --since 7d --out report.html` writes the report (figures, share of voice, inline
// SVG charts, top alerts; kept as test/artifacts/report.html); --text prints it; a bad --since or
// time zone is a usage error (exit 2).
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqliteStore } from '@earshot/store/sqlite';
import { REPORT_WEEK, reportAlerts, reportMentions } from '../services/notifier/src/testing/report-seed.js';
import { runEarshot } from './support/earshot-cli.js';

describe('earshot report', () => {
  let dir: string;
  let config: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'earshot-report-cli-'));
    // The seeded week, moved so that it ends now.
    const shift = Date.now() - REPORT_WEEK.to;
    const moved = (iso: string) => new Date(Date.parse(iso) + shift).toISOString();
    const store = createSqliteStore({ path: join(dir, 'earshot.db') });
    await store.upsertMentions(reportMentions().map((m) => ({ ...m, publishedAt: moved(m.publishedAt!), collectedAt: moved(m.collectedAt) })));
    for (const a of reportAlerts()) await store.upsertAlert({ ...a, openedAt: moved(a.openedAt), updatedAt: moved(a.updatedAt) });
    await store.close();
    config = join(dir, 'earshot.yaml');
    writeFileSync(
      config,
      `brands:
  - { id: nordtel, name: Nordtel }
  - { id: acme, name: Acme }
sources:
  - { id: demo-ru, type: rss, url: "https://otzyvy.example.org/ru.xml", title: Otzyvy reviews }
store: { kind: sqlite, path: ${join(dir, 'earshot.db')} }
bus: { kind: embedded, path: ${join(dir, 'bus.db')} }
`,
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the HTML report for the last 7 days', async () => {
    const out = join(dir, 'report.html');
    const result = await runEarshot(['report', '--config', config, '--since', '7d', '--out', out, '--time-zone', 'Europe/Tallinn']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`Nordtel, Acme: weekly report: 8 mentions, 3 alerts, written to ${out}\n`);
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toMatch(/<svg [^>]*data-chart="share-of-voice">[\s\S]*?<\/svg>/);
    expect(html).toMatch(/<svg [^>]*data-chart="timeline">[\s\S]*?<\/svg>/);
    expect(html).toContain('(Europe/Tallinn), compared with the period before');
    expect(html).toContain('Nordtel: 75% (before: 100%)');
    expect(html).toContain('Nordtel: &quot;don&#39;t buy&quot; &lt;warning&gt; spreading');
    expect(html).toContain('Acme: high-impact mention');
    expect(html).toContain('Otzyvy reviews (1)');
    const artifacts = fileURLToPath(new URL('./artifacts/', import.meta.url));
    mkdirSync(artifacts, { recursive: true });
    copyFileSync(out, join(artifacts, 'report.html')); // to open in a browser or mail client
  });

  it('prints the text version for one brand and a relative --since', async () => {
    const result = await runEarshot(['report', '--config', config, '--since', '36h', '--brand', 'nordtel', '--text', '--time-zone', 'UTC']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Nordtel: report\n/);
    expect(result.stdout).toContain('- Nordtel: 2 mentions');
  });

  it('refuses a bad --since, time zone or brand with exit code 2', async () => {
    const since = await runEarshot(['report', '--config', config, '--since', '7x']);
    expect(since.code).toBe(2);
    expect(since.stderr).toBe('earshot report: --since: expected a duration such as 24h or 7d, or an ISO time in the past, got "7x"\n');
    const zone = await runEarshot(['report', '--config', config, '--time-zone', 'Mars/Olympus']);
    expect(zone.code).toBe(2);
    expect(zone.stderr).toContain('--time-zone: not a time zone: "Mars/Olympus"');
    const brand = await runEarshot(['report', '--config', config, '--brand', 'nokia']);
    expect(brand.code).toBe(2);
    expect(brand.stderr).toContain('--brand: not a configured brand: nokia (brands: nordtel, acme)');
  });
});
