// infra/k8s, built as `kubectl apply -k` would (base and the production overlay), must pass the
// Kubernetes schemas and our cross-checks, and its config must load with the Secret's keys. The
// broken variants prove each check can fail.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig, placeholderSecrets } from '@earshot/config';
import { configChecks } from '../config-checks.js';
import { STAGE_NAMES } from '../stages.js';
import { crossCheckProblems } from './cross-checks.js';
import { buildKustomization, type Manifest } from './kustomize-lite.js';
import { schemaProblems } from './schema-check.js';

const k8s = fileURLToPath(new URL('../../../../infra/k8s/', import.meta.url));
const base = buildKustomization(join(k8s, 'base'));
const production = buildKustomization(join(k8s, 'overlays/production'));

interface Container {
  name: string;
  image: string;
  args: string[];
  ports: { name: string; containerPort: number }[];
  readinessProbe: { httpGet: { port: string } };
  resources: { requests: Record<string, string> };
}
const find = (ms: Manifest[], kind: string, name: string) => {
  const m = ms.find((x) => x.kind === kind && x.metadata.name === name);
  if (!m) throw new Error(`${kind}/${name} missing`);
  return m;
};
const container = (ms: Manifest[], stage: string) =>
  (find(ms, 'Deployment', `earshot-${stage}`).spec as { template: { spec: { containers: Container[] } } }).template.spec.containers[0]!;
const secretEnv = (ms: Manifest[]) => (find(ms, 'Secret', 'earshot-credentials') as Manifest & { stringData: Record<string, string> }).stringData;

const dir = mkdtempSync(join(tmpdir(), 'earshot-k8s-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
function loadShippedConfig(env: Record<string, string>) {
  const file = join(dir, 'earshot.yaml');
  writeFileSync(file, (find(base, 'ConfigMap', 'earshot-config') as Manifest & { data: Record<string, string> }).data['earshot.yaml']!);
  const warnings: string[] = [];
  // lenient only for health.host, which the health-server change adds to the schema
  const config = loadConfig(file, { env, checks: configChecks(), lenient: true, onWarning: (w) => warnings.push(w) });
  return { config, warnings };
}

describe.each([
  ['base', base],
  ['overlays/production', production],
])('infra/k8s/%s', (_name, manifests) => {
  it('passes the Kubernetes schemas (and the ServiceMonitor CRD schema)', () => {
    expect(manifests.map((m) => m.kind)).toContain('ServiceMonitor');
    expect(schemaProblems(manifests)).toEqual([]);
  });

  it('has no broken references and keeps the security baseline', () => {
    expect(crossCheckProblems(manifests)).toEqual([]);
  });

  it.each(STAGE_NAMES)('runs the %s stage with its health server on the probed port', (stage) => {
    const c = container(manifests, stage);
    expect(c.args.slice(0, 3)).toEqual([stage, '--config', '/etc/earshot/earshot.yaml']);
    const probed = c.ports.find((p) => p.name === c.readinessProbe.httpGet.port)!;
    expect(c.args[c.args.indexOf('--health-port') + 1]).toBe(String(probed.containerPort));
  });
});

describe('the production overlay', () => {
  it('puts everything but the Namespace in it, pins the image and patches without losing the base', () => {
    for (const m of production) expect(m.kind === 'Namespace' ? 'earshot' : m.metadata.namespace).toBe('earshot');
    const enricher = container(production, 'enricher');
    expect(enricher.image).toBe('registry.example.org/earshot:0.1.0');
    expect(enricher.resources.requests.cpu).toBe('1');
    expect(enricher.readinessProbe.httpGet.port).toBe('metrics'); // the patch merged into the container by name
    expect(production).toHaveLength(base.length + 1);
  });

  it('scales the enricher no further than the partitions its consumer group can share', () => {
    const { config } = loadShippedConfig({ ...secretEnv(base), EARSHOT_ADMIN_TOKEN: 'a'.repeat(24), EARSHOT_READ_TOKEN: 'r'.repeat(24) });
    const hpa = find(production, 'HorizontalPodAutoscaler', 'earshot-enricher').spec as { maxReplicas: number };
    expect(config.bus.kind).toBe('kafka');
    if (config.bus.kind === 'kafka') expect(hpa.maxReplicas).toBeLessThanOrEqual(config.bus.partitions ?? 0);
  });
});

describe('the config in the ConfigMap', () => {
  it('loads with the Secret keys, on Kafka and Elasticsearch, with the health server on the probed port', () => {
    const { config, warnings } = loadShippedConfig(secretEnv(base));
    expect(warnings).toEqual([]);
    expect(config.health?.host).toBe('0.0.0.0');
    expect(config.store.kind).toBe('elasticsearch');
    expect(config.health?.port).toBe(container(base, 'api').ports.find((p) => p.name === 'metrics')!.containerPort);
  });

  it('is refused at start while the example Secret keeps its placeholders, and accepted once they are replaced', () => {
    const { config } = loadShippedConfig(secretEnv(base));
    expect(placeholderSecrets(config).map((p) => p.split(':')[0])).toEqual(
      expect.arrayContaining(['api.tokens[0].token', 'api.tokens[1].token', 'api.ticketSecret', 'channels[0].secret', 'bus.sasl.password', 'store.apiKey']),
    );
    const real = Object.fromEntries(Object.keys(secretEnv(base)).map((k, i) => [k, `k8s-test-${i}-${'x7Qz'.repeat(6)}`]));
    expect(placeholderSecrets(loadShippedConfig({ ...real, EARSHOT_WEBHOOK_URL: 'https://hooks.example.org/e' }).config)).toEqual([]);
  });

  it('does not load without the Secret (its ${VAR}s have no defaults)', () => {
    expect(() => loadShippedConfig({})).toThrow(/EARSHOT_ADMIN_TOKEN is not set/);
  });
});

describe('the checks catch broken manifests', () => {
  type Mutate = (ms: Manifest[]) => void;
  const deployment = (ms: Manifest[], stage: string) =>
    find(ms, 'Deployment', `earshot-${stage}`) as Manifest & {
      spec: {
        replicas?: unknown;
        template: {
          metadata: { labels: Record<string, string> };
          spec: { containers: Container[]; volumes: { name: string; configMap?: { name: string } }[] };
        };
      };
    };
  const broken = (mutate: Mutate) => {
    const copy = structuredClone(production);
    mutate(copy);
    return copy;
  };

  it.each<[string, Mutate, RegExp]>([
    [
      'a probe on an undeclared port',
      (ms) => {
        (container(ms, 'indexer').readinessProbe.httpGet as { port: string | number }).port = 9999;
      },
      /earshot-indexer container indexer: readinessProbe port 9999 is not a declared containerPort/,
    ],
    [
      'a missing ConfigMap',
      (ms) => {
        deployment(ms, 'alerter').spec.template.spec.volumes[0]!.configMap = { name: 'earshot-cfg' };
      },
      /ConfigMap earshot-cfg, which is not defined/,
    ],
    [
      'a missing Secret',
      (ms) => {
        ms.splice(
          ms.findIndex((m) => m.kind === 'Secret'),
          1,
        );
      },
      /envFrom Secret earshot-credentials is not defined/,
    ],
    [
      'a selector that misses the pods',
      (ms) => {
        deployment(ms, 'notifier').spec.template.metadata.labels['app.kubernetes.io/component'] = 'notify';
      },
      /Deployment\/earshot-notifier: spec.selector does not match/,
    ],
    [
      'an HPA on a missing Deployment',
      (ms) => {
        ms.splice(
          ms.findIndex((m) => m.kind === 'Deployment' && m.metadata.name === 'earshot-enricher'),
          1,
        );
      },
      /HorizontalPodAutoscaler\/earshot-enricher: targets Deployment\/earshot-enricher, which is not defined/,
    ],
    [
      'a ServiceMonitor on an unnamed port',
      (ms) => {
        (find(ms, 'ServiceMonitor', 'earshot').spec as { endpoints: { port: string }[] }).endpoints[0]!.port = 'prom';
      },
      /endpoint port prom is not a named port/,
    ],
    [
      'a container that may write its root fs',
      (ms) => {
        (container(ms, 'api') as Container & { securityContext: Record<string, boolean> }).securityContext.readOnlyRootFilesystem = false;
      },
      /container api: readOnlyRootFilesystem is not true/,
    ],
  ])('%s', (_what, mutate, expected) => {
    expect(crossCheckProblems(broken(mutate)).join('\n')).toMatch(expected);
  });

  it.each<[string, Mutate, RegExp]>([
    [
      'replicas as a word',
      (ms) => {
        deployment(ms, 'api').spec.replicas = 'three';
      },
      /Deployment\/earshot-api: .*replicas must be integer/,
    ],
    [
      'an HPA minReplicas as a string',
      (ms) => {
        (find(ms, 'HorizontalPodAutoscaler', 'earshot-enricher').spec as { minReplicas: unknown }).minReplicas = '2';
      },
      /HorizontalPodAutoscaler\/earshot-enricher: .*minReplicas must be integer/,
    ],
    [
      'a ServiceMonitor port as a number',
      (ms) => {
        (find(ms, 'ServiceMonitor', 'earshot').spec as { endpoints: { port: unknown }[] }).endpoints[0]!.port = 9464;
      },
      /ServiceMonitor\/earshot: .*port must be string/,
    ],
    [
      'a kind without a schema',
      (ms) => {
        ms.push({ apiVersion: 'example.org/v1', kind: 'Widget', metadata: { name: 'w' } });
      },
      /Widget\/w: no schema/,
    ],
  ])('schema: %s', (_what, mutate, expected) => {
    expect(schemaProblems(broken(mutate)).join('\n')).toMatch(expected);
  });
});
