// `earshot run`: every stage in one process. Without --once it keeps polling and prints where the
// data is; with --once it collects every source once, drains the pipeline, prints counts and exits.
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { CollectProgress, CollectReport } from '@earshot/collector';
import type { EarshotConfig } from '@earshot/config';
import { startHealthServer, type HealthServer } from '@earshot/observability';
import { installFatalHandlers } from '../fatal-errors.js';
import { startDemoServer, type DemoServer } from '../demo-server.js';
import { busiestHost, everyFewSeconds } from '../once-progress.js';
import type { Runtime } from '../runtime.js';
import { onStopSignals } from '../stop-signals.js';
import { stopWithin } from '../stop-within.js';
import { PIPELINE_STAGES, STAGE_NAMES } from '../stage-names.js';

export interface RunSummary {
  sources: number;
  failedSources: number;
  items: number;
  /** Items not read past a feed's limits (truncated) or of the wrong type (malformed). */
  itemsDropped: { truncated: number; malformed: number };
  /** Item links that were not http(s), removed. */
  linksDropped: number;
  mentionsCollected: number;
  mentionsStored: number;
  bySentiment: Record<string, number>;
  byLang: Record<string, number>;
  alertsOpen: number;
}

type Report = Pick<CollectReport, 'sources' | 'failed' | 'items' | 'mentions' | 'dropped'>;

async function summarize(runtime: Runtime, report: Report): Promise<RunSummary> {
  const bucket = async (field: 'sentiment' | 'lang') =>
    Object.fromEntries((await runtime.store.aggregate({ filter: {}, groupBy: [field] })).map((b) => [b.keys[field] ?? '', b.count]));
  return {
    sources: report.sources,
    failedSources: report.failed,
    items: report.items,
    itemsDropped: { truncated: report.dropped.truncated, malformed: report.dropped.malformed },
    linksDropped: report.dropped.links,
    mentionsCollected: report.mentions,
    mentionsStored: await runtime.store.count({}),
    bySentiment: await bucket('sentiment'),
    byLang: await bucket('lang'),
    alertsOpen: (await runtime.store.listAlerts({ state: 'open', limit: 1000 })).length,
  };
}

function describeBackend(config: EarshotConfig): string[] {
  const store =
    config.store.kind === 'sqlite' ? `SQLite file ${resolve(config.store.path)}` : `Elasticsearch ${config.store.url ?? `cloud id ${config.store.cloudId}`}`;
  const bus =
    config.bus.kind === 'embedded' ? `embedded bus, file ${resolve(config.bus.path)}` : `Kafka ${config.bus.brokers.join(',')} (${config.bus.client})`;
  return [`  Mentions:  ${store}`, `  Bus:       ${bus}`];
}

export function registerRunCommand(program: Command): void {
  program
    .command('run')
    .description('run every stage in one process (the demo config when none is given)')
    .option('-c, --config <file>', 'config file (default: $EARSHOT_CONFIG, ./earshot.yaml, else the bundled demo)')
    .option('--once', 'collect every source once, drain the pipeline, print counts and exit')
    .option('--json', 'with --once: print the counts as JSON')
    .option('--lenient', 'warn about unknown config keys instead of refusing the file')
    .action(async (opts: { config?: string; once?: boolean; json?: boolean; lenient?: boolean }) => {
      // Loaded here, not at the top: `earshot --help` must not load the stages (see main.ts).
      const { loadOrExit } = await import('../load.js');
      const { makeLogger } = await import('../make-logger.js');
      const { createRuntime } = await import('../runtime.js');
      const { isApi, isCollector } = await import('../stages.js');
      const { config, file } = loadOrExit(opts.config, { starting: true, lenient: opts.lenient });
      // With --once --json, stdout is one JSON document for scripts: the logs go to stderr.
      const logger = makeLogger(config, 'earshot', opts.once && opts.json ? process.stderr : undefined);
      const out = (line: string) => process.stdout.write(`${line}\n`);
      let demo: DemoServer | undefined;
      if (config.demo) {
        demo = await startDemoServer({
          port: config.demo.port,
          onWebhook: (body) => {
            const alert = (body as { alert?: { severity?: string; title?: string; state?: string } }).alert;
            if (alert && !opts.once) out(`[${new Date().toISOString()}] demo webhook received a ${alert.severity} alert (${alert.state}): ${alert.title}`);
          },
        });
      }
      const runtime = await createRuntime({ config, logger, stages: opts.once ? PIPELINE_STAGES : [...STAGE_NAMES] });
      const collector = runtime.services.find(isCollector);
      const shutdown = async () => {
        await runtime.stop();
        await demo?.close();
      };
      let health: HealthServer | undefined;
      installFatalHandlers({
        source: process,
        logger,
        stop: async () => {
          await health?.close();
          await shutdown();
        },
        deadlineMs: config.shutdownTimeout,
        exit: (code) => process.exit(code),
      });

      if (opts.once) {
        const withoutCollector = runtime.services.filter((s) => s !== collector);
        for (const s of [...withoutCollector].reverse()) await s.start();
        if (!opts.json) out(`Collecting ${config.sources.length} sources once (config ${file})…`);
        // Progress goes to stderr, so --json output stays one JSON document.
        const note = (line: string): void => void process.stderr.write(`${line}\n`);
        const busiest = busiestHost(config.sources, config.collector.perHostInterval);
        if (busiest) {
          note(
            `${busiest.sources} sources are on ${busiest.host}, whose requests start ${config.collector.perHostInterval} ms apart (collector.perHostInterval): collecting takes at least ${busiest.seconds} s`,
          );
        }
        let polled: CollectProgress = { polled: 0, items: 0, mentions: 0 };
        const collecting = everyFewSeconds(() =>
          note(`collecting: ${polled.polled} of ${config.sources.length} sources polled, ${polled.items} items, ${polled.mentions} mentions`),
        );
        const report: Report = collector
          ? await collector.collectOnce({ onPolled: (p) => (polled = p) }).finally(() => collecting.stop())
          : { sources: 0, failed: 0, items: 0, mentions: 0, dropped: { truncated: 0, malformed: 0, links: 0 } };
        const draining = everyFewSeconds(async () => note(`storing: ${await runtime.store.count({})} mentions in the store`));
        await runtime.drain().finally(() => draining.stop());
        const summary = await summarize(runtime, report);
        await shutdown();
        if (opts.json) out(JSON.stringify(summary));
        else {
          out(`Sources: ${summary.sources} polled, ${summary.failedSources} failed; items: ${summary.items}; mentions collected: ${summary.mentionsCollected}`);
          const { truncated, malformed } = summary.itemsDropped;
          if (truncated || malformed || summary.linksDropped) {
            out(
              `Dropped: ${truncated} items past feed size/nesting limits (not read), ${malformed} items of the wrong type, ${summary.linksDropped} links that were not http(s)`,
            );
          }
          out(`Stored: ${summary.mentionsStored} mentions  sentiment ${JSON.stringify(summary.bySentiment)}  languages ${JSON.stringify(summary.byLang)}`);
          out(`Alerts open: ${summary.alertsOpen}`);
          for (const s of collector?.status().filter((x) => x.lastError) ?? []) out(`  source ${s.id} failed: ${s.lastError}`);
          for (const s of collector?.status().filter((x) => x.truncated || x.malformed) ?? []) {
            out(`  source ${s.id}: ${s.items} items read, ${s.truncated} not read (feed cut at the size/nesting limit), ${s.malformed} malformed`);
          }
        }
        return;
      }

      let progress: NodeJS.Timeout | undefined;
      const signals = onStopSignals({
        source: process,
        say: out,
        stop: (signal) => {
          out(`${signal}: finishing the batches in flight…`);
          clearInterval(progress);
          void (async () => {
            const result = await stopWithin({
              deadlineMs: config.shutdownTimeout,
              logger,
              stop: async () => {
                await health?.close();
                await shutdown();
              },
            });
            out(
              result === 'stopped'
                ? 'Stopped.'
                : `Stopped at the ${config.shutdownTimeout / 1000} s shutdown deadline (unfinished batches are redelivered after a restart).`,
            );
            process.exit(0);
          })();
        },
      });
      await runtime.start();
      health = config.health
        ? await startHealthServer({ port: config.health.port, host: config.health.host, health: () => runtime.health(), registry: runtime.metrics.registry })
        : undefined;
      out(`Earshot is running: ${config.brands.length} brands, ${config.sources.length} sources (config ${file}).`);
      for (const line of describeBackend(config)) out(line);
      const api = runtime.services.find(isApi);
      if (api?.tokenLink) out(`  Dashboard: ${api.tokenLink}   (a token made up for this run; set api.tokens to keep one)`);
      else if (api?.dashboardUrl) out(`  Dashboard: ${api.dashboardUrl}   (sign in with a token from api.tokens)`);
      if (api?.url) out(`  API:       ${api.url}/api/v1/openapi.json`);
      if (demo) out(`  Demo feeds served at ${demo.url}/feeds/`);
      if (health) out(`  Health:    ${health.url}/health   metrics: ${health.url}/metrics`);
      out(`  Search:    npm run earshot -- search "<words>" [--brand <id>] [--sentiment negative] [--lang ru] [--json]`);
      out('Press Ctrl+C to stop.');

      let lastStored = -1;
      progress = setInterval(() => {
        void runtime.store.count({}).then((stored) => {
          if (stored !== lastStored) out(`[${new Date().toISOString()}] ${stored} mentions stored`);
          lastStored = stored;
        });
      }, 2000);
      progress.unref();
      signals.started();

      await new Promise(() => {});
    });
}
