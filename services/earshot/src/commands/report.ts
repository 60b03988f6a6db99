// `earshot report --since 7d --out report.html`: the scheduled report on demand — the same builder
// and renderer as the e-mail (headline figures, share of voice, charts, top alerts) for the period
// up to now, written as an HTML file (or the text version with --text).
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { parseDuration, type EarshotConfig } from '@earshot/config';
import { isTimeZone } from '@earshot/store';

interface ReportOptions {
  config?: string;
  since: string;
  brand?: string;
  timeZone?: string;
  out?: string;
  text?: boolean;
}

function usage(message: string): never {
  process.stderr.write(`earshot report: ${message}\n`);
  process.exit(2);
}

/** The zone of the first scheduled report in the config, else this machine's. */
function defaultZone(config: EarshotConfig): string {
  return config.subscriptions.find((s) => s.report)?.report?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC';
}

export function registerReportCommand(program: Command): void {
  program
    .command('report')
    .description('write the report (headline figures, share of voice, charts, top alerts) for a period up to now')
    .option('-c, --config <file>', 'config file')
    .option('--since <period>', 'how far back: a duration such as 24h or 7d, or an ISO time', '7d')
    .option('--brand <ids>', 'only these brands, comma-separated (default: all)')
    .option('--time-zone <zone>', "IANA time zone for dates and days (default: the first report subscription's, else this machine's)")
    .option('--out <file>', 'write to this file (default: standard output)')
    .option('--text', 'the plain-text version instead of HTML')
    .action(async (opts: ReportOptions) => {
      const { loadOrExit } = await import('../load.js');
      const { config } = loadOrExit(opts.config);
      const now = Date.now();
      const ago = parseDuration(opts.since);
      const from = ago !== undefined ? now - ago : Date.parse(opts.since);
      if (!Number.isFinite(from) || from >= now)
        usage(`--since: expected a duration such as 24h or 7d, or an ISO time in the past, got ${JSON.stringify(opts.since)}`);
      const timeZone = opts.timeZone ?? defaultZone(config);
      if (!isTimeZone(timeZone)) usage(`--time-zone: not a time zone: ${JSON.stringify(timeZone)} (use an IANA name such as Europe/Tallinn or UTC)`);
      const brandIds = opts.brand
        ?.split(',')
        .map((b) => b.trim())
        .filter(Boolean);
      const unknown = brandIds?.filter((id) => !config.brands.some((b) => b.id === id)) ?? [];
      if (unknown.length) usage(`--brand: not a configured brand: ${unknown.join(', ')} (brands: ${config.brands.map((b) => b.id).join(', ')})`);

      const { createStore } = await import('../adapters.js');
      const { buildReport, renderReportHtml, renderReportText } = await import('./report-run.js');
      const store = await createStore(config);
      try {
        await store.init();
        const report = await buildReport({
          store,
          brands: config.brands,
          sources: config.sources,
          ...(brandIds?.length ? { brandIds } : {}),
          period: { from, to: now },
          timeZone,
        });
        const output = opts.text ? `${renderReportText(report)}\n` : renderReportHtml(report);
        if (!opts.out || opts.out === '-') process.stdout.write(output);
        else {
          writeFileSync(opts.out, output);
          const mentions = report.brands.reduce((n, b) => n + b.volume, 0);
          process.stdout.write(`${report.title}: ${mentions} mentions, ${report.alerts.length} alerts, written to ${opts.out}\n`);
        }
      } finally {
        await store.close();
      }
    });
}
