// `earshot <stage> --config …`: one stage alone, with /health and /metrics, so stages can be scaled
// and restarted independently on Kafka and Elasticsearch.
import type { Command } from 'commander';
import { startHealthServer, type HealthServer } from '@earshot/observability';
import { installFatalHandlers } from '../fatal-errors.js';
import { onStopSignals } from '../stop-signals.js';
import { stopWithin } from '../stop-within.js';
import { STAGE_NAMES, type StageName } from '../stage-names.js';
import { EXIT_USAGE } from '../cli/exit-code.js';

export function registerServiceCommands(program: Command): void {
  for (const name of STAGE_NAMES) {
    program
      .command(name)
      .description(`run the ${name} stage alone`)
      .option('-c, --config <file>', 'config file')
      .option('--health-port <port>', 'port for /health and /metrics (0 = any free port); default health.port from the config, else 0')
      .option('--lenient', 'warn about unknown config keys instead of refusing the file')
      .action(async (opts: { config?: string; healthPort?: string; lenient?: boolean }) => {
        // Loaded here, not at the top: `earshot --help` must not load the stages (see main.ts).
        const { loadOrExit } = await import('../load.js');
        const { makeLogger } = await import('../make-logger.js');
        const { createRuntime } = await import('../runtime.js');
        const { config } = loadOrExit(opts.config, { starting: true, lenient: opts.lenient });
        const port = healthPort(opts.healthPort, config.health?.port);
        const logger = makeLogger(config, `earshot-${name}`);
        const runtime = await createRuntime({ config, logger, stages: [name as StageName] });
        let health: HealthServer | undefined;
        const stopAll = async () => {
          await health?.close();
          await runtime.stop();
        };
        installFatalHandlers({ source: process, logger, stop: stopAll, deadlineMs: config.shutdownTimeout, exit: (code) => process.exit(code) });
        const signals = onStopSignals({
          source: process,
          say: (line) => logger.warn({ stage: name }, line),
          stop: () =>
            void stopWithin({ deadlineMs: config.shutdownTimeout, logger, stop: stopAll }).then((result) => {
              logger.info({ stage: name, result }, 'stage stopped');
              process.exit(0);
            }),
        });
        await runtime.start();
        health = await startHealthServer({ port, host: config.health?.host, health: () => runtime.health(), registry: runtime.metrics.registry });
        logger.info({ stage: name, health: `${health.url}/health`, metrics: `${health.url}/metrics` }, 'stage started');
        signals.started();
      });
  }
}

/** The --health-port flag, else health.port from the config, else any free port. */
function healthPort(flag: string | undefined, configured: number | undefined): number {
  if (flag === undefined) return configured ?? 0;
  const port = Number(flag);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`--health-port: expected a port number 0-65535, got "${flag}"\n`);
    process.exit(EXIT_USAGE);
  }
  return port;
}
