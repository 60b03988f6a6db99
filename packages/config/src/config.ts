// The whole configuration: one YAML file, parsed once in `main`, validated with every problem
// listed by key (`sources[2].url: not an http(s) URL`), then passed down. Nothing else reads
// process.env.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { apiSchema } from './api.js';
import { busSchema, storeSchema } from './backend.js';
import { duration } from './duration.js';
import { brandSchema, type BrandConfig } from './brands.js';
import { channelSchema, subscriptionSchema } from './channels.js';
import { interpolateEnv, type InterpolationProblem } from './interpolate.js';
import { ruleSchema } from './rules.js';
import { sourceSchema } from './sources.js';
import { findUnknownKeys } from './unknown-keys.js';

/** Lag sampling and stuck detection when the config has no `health` section. */
export const HEALTH_DEFAULTS = { lagInterval: 10_000, stuckAfter: 300_000 };

export const configSchema = z.object({
  logLevel: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).default('info'),
  brands: z.array(brandSchema).min(1, 'at least one brand is needed'),
  sources: z.array(sourceSchema).default([]),
  rules: z.array(ruleSchema).default([]),
  channels: z.array(channelSchema).default([]),
  subscriptions: z.array(subscriptionSchema).default([]),
  bus: busSchema.default({ kind: 'embedded', path: 'data/bus.db', partitions: 4, retention: 7 * 86_400_000 }),
  store: storeSchema.default({ kind: 'sqlite', path: 'data/earshot.db' }),
  collector: z
    .object({
      userAgent: z.string().default('Earshot/0.1 (+https://github.com/earshot/earshot; social listening feed reader)'),
      /** Allow every source to reach private networks (a per-source switch exists too). */
      allowPrivateNetworks: z.boolean().default(false),
      concurrency: z.number().int().positive().default(8),
      perHostConcurrency: z.number().int().positive().default(2),
      /** Least time between two requests to the same host. */
      perHostInterval: duration.default(500),
    })
    .prefault({}),
  api: apiSchema.prefault({}),
  /** Serve the bundled demo feeds on this loopback port (npm start's demo config turns it on). */
  demo: z.object({ port: z.number().int().min(0).max(65535).default(4780) }).optional(),
  /** /health and /metrics. Loopback unless `host` says otherwise (0.0.0.0 for a probe or Prometheus in a container). */
  health: z
    .object({
      port: z.number().int().min(0).max(65535).default(0),
      host: z.string().trim().min(1, 'a host name or address, e.g. 127.0.0.1 or 0.0.0.0').default('127.0.0.1'),
      /** How often each consumer group's lag is read (earshot_consumer_lag_messages). */
      lagInterval: duration.refine((ms) => ms >= 100, 'at least 100ms').default(HEALTH_DEFAULTS.lagInterval),
      /** A consumer whose lag is above 0 and has not fallen for this long is stuck: health 'error'. */
      stuckAfter: duration.refine((ms) => ms >= 1000, 'at least 1s').default(HEALTH_DEFAULTS.stuckAfter),
    })
    .optional(),
  /** On SIGTERM/SIGINT the process is gone within this (Docker's grace is 10 s); unfinished batches are redelivered. */
  shutdownTimeout: duration.refine((ms) => ms >= 1000, 'at least 1s').default(8000),
});

type ParsedConfig = z.infer<typeof configSchema>;
export type EarshotConfig = Omit<ParsedConfig, 'brands'> & { brands: BrandConfig[]; baseDir: string };

export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`invalid config ${file}:\n${problems.map((p) => `  - ${p.replace(/\n/g, '\n    ')}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out ? `.${String(part)}` : String(part);
  return out || '(root)';
}

/**
 * Checks that need code outside this package (the collector's source types, the brand query
 * parser); the process that loads the config passes them in, so `config check` and every service
 * start validate the same things offline.
 */
export interface ConfigChecks {
  /** The source `type`s the collector knows. */
  sourceTypes?: readonly string[];
  /** Parses a brand query; returns the parse error (with its caret excerpt) or undefined. */
  brandQuery?: (query: string) => string | undefined;
}

export interface LoadConfigOptions {
  env?: Record<string, string | undefined>;
  checks?: ConfigChecks;
  /** Unknown keys become warnings instead of errors. */
  lenient?: boolean;
  /** Receives each warning (unknown keys under `lenient`). */
  onWarning?: (message: string) => void;
}

/** Parses and validates config text. `file` names it in errors; relative paths resolve against it. */
export function parseConfig(text: string, file: string, options: LoadConfigOptions = {}): EarshotConfig {
  const env = options.env ?? {};
  const doc = parseDocument(text, { prettyErrors: true });
  if (doc.errors.length)
    throw new ConfigError(
      file,
      doc.errors.map((e) => `YAML: ${e.message}`),
    );
  const raw = applyEnvOverrides(doc.toJS() ?? {}, env);
  const interpolationProblems: InterpolationProblem[] = [];
  const interpolated = interpolateEnv(raw, env, interpolationProblems);
  const parsed = configSchema.safeParse(interpolated);
  const problems = interpolationProblems.map((p) => `${p.path}: ${p.message}`);
  problems.push(...externalChecks(interpolated, options.checks ?? {}));
  for (const unknown of findUnknownKeys(configSchema, interpolated)) {
    const line = `${unknown.path}: ${unknown.message}`;
    if (options.lenient) options.onWarning?.(line);
    else problems.push(line);
  }
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(`${formatPath(issue.path)}: ${issue.message}`);
    throw new ConfigError(file, problems);
  }
  problems.push(...crossCheck(parsed.data));
  if (problems.length) throw new ConfigError(file, problems);
  const baseDir = dirname(resolve(file));
  const config = parsed.data;
  return {
    ...config,
    baseDir,
    brands: config.brands.map((b) => ({ ...b, query: b.query ?? `"${b.name.replace(/"/g, '')}"` })),
  };
}

export function loadConfig(file: string, options: LoadConfigOptions = {}): EarshotConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ConfigError(file, [`cannot read the file: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`]);
  }
  return parseConfig(text, file, options);
}

/** KAFKA_BROKERS and ELASTICSEARCH_URL switch the backend without editing the file. */
function applyEnvOverrides(raw: Record<string, unknown>, env: Record<string, string | undefined>): Record<string, unknown> {
  const out = { ...raw };
  if (env.KAFKA_BROKERS && env.EARSHOT_BUS !== 'embedded') {
    const bus = (out.bus && typeof out.bus === 'object' ? out.bus : {}) as Record<string, unknown>;
    out.bus = { ...(bus.kind === 'kafka' ? bus : {}), kind: 'kafka', brokers: env.KAFKA_BROKERS.split(',').map((b) => b.trim()) };
  }
  if (env.ELASTICSEARCH_URL && env.EARSHOT_STORE !== 'sqlite') {
    const store = (out.store && typeof out.store === 'object' ? out.store : {}) as Record<string, unknown>;
    out.store = { ...(store.kind === 'elasticsearch' ? store : {}), kind: 'elasticsearch', url: env.ELASTICSEARCH_URL };
  }
  return out;
}

function crossCheck(config: ParsedConfig): string[] {
  const problems: string[] = [];
  const unique = (items: { id: string }[], key: string) => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      if (seen.has(item.id)) problems.push(`${key}[${i}].id: duplicate id "${item.id}"`);
      seen.add(item.id);
    });
  };
  unique(config.brands, 'brands');
  unique(config.sources, 'sources');
  unique(config.rules, 'rules');
  unique(config.channels, 'channels');
  const brandIds = new Set(config.brands.map((b) => b.id));
  const checkBrands = (value: string | string[], path: string) => {
    for (const id of Array.isArray(value) ? value : [value]) {
      if (id !== 'all' && !brandIds.has(id)) problems.push(`${path}: unknown brand "${id}"`);
    }
  };
  config.sources.forEach((s, i) => {
    checkBrands(s.brand, `sources[${i}].brand`);
    if (typeof s.about === 'string' && !brandIds.has(s.about)) problems.push(`sources[${i}].about: unknown brand "${s.about}"`);
  });
  config.rules.forEach((r, i) => checkBrands(r.brand, `rules[${i}].brand`));
  const channelIds = new Set(config.channels.map((c) => c.id));
  const ruleIds = new Set(config.rules.map((r) => r.id));
  config.subscriptions.forEach((s, i) => {
    if (!channelIds.has(s.channel)) problems.push(`subscriptions[${i}].channel: unknown channel "${s.channel}"`);
    if (s.digest !== undefined && s.report) problems.push(`subscriptions[${i}]: give either digest or report, not both`);
    checkBrands(s.brand, `subscriptions[${i}].brand`);
    for (const r of Array.isArray(s.rule) ? s.rule : [s.rule]) {
      if (r !== 'all' && !ruleIds.has(r)) problems.push(`subscriptions[${i}].rule: unknown rule "${r}"`);
    }
  });
  return problems;
}

/** Runs on the raw document, so these problems are listed even beside shape errors. */
function externalChecks(raw: unknown, checks: ConfigChecks): string[] {
  const problems: string[] = [];
  const list = (key: string): Record<string, unknown>[] => {
    const value = raw && typeof raw === 'object' ? (raw as Record<string, unknown>)[key] : undefined;
    return Array.isArray(value) ? value.map((v) => (v && typeof v === 'object' ? (v as Record<string, unknown>) : {})) : [];
  };
  const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value : undefined);
  if (checks.sourceTypes) {
    const known = new Set(checks.sourceTypes);
    list('sources').forEach((s, i) => {
      if (typeof s.type === 'string' && s.type && !known.has(s.type))
        problems.push(`sources[${i}].type: unknown source type "${s.type}" (known: ${checks.sourceTypes!.join(', ')})`);
    });
  }
  const query = checks.brandQuery;
  if (query) {
    const check = (text: string | undefined, path: string) => {
      const error = text === undefined ? undefined : query(text);
      if (error) problems.push(`${path}: ${error}`);
    };
    list('brands').forEach((b, i) => check(text(b.query), `brands[${i}].query`));
    list('sources').forEach((s, i) => check(text(s.exclude), `sources[${i}].exclude`));
  }
  return problems;
}
