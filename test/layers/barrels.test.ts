// A stage pays only for what it uses: importing a port package or a stage's entry loads no client
// library (kafkajs, @platformatic/kafka, @elastic/elasticsearch, better-sqlite3). Only the adapter
// subpaths do, and only the composition root (services/earshot) and tests import those.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ROOT } from './workspace.js';

const ADAPTER_LIBRARIES = ['kafkajs', '@platformatic/kafka', '@elastic/elasticsearch', 'better-sqlite3'];

/** For each entry, imported in order in one fresh process, the packages it loaded first. */
function loadedBy(entries: string[]): Record<string, string[]> {
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'test/layers/loaded-packages.mjs', ...entries], { cwd: ROOT, encoding: 'utf8' });
  return JSON.parse(out) as Record<string, string[]>;
}

describe('entries load no adapter library they do not need', () => {
  it('ports, the pipeline and every stage load none', () => {
    const entries = ['@earshot/core', '@earshot/schema', '@earshot/bus', '@earshot/store', '@earshot/pipeline'];
    const stages = ['@earshot/enricher', '@earshot/indexer', '@earshot/alerter', '@earshot/collector', '@earshot/notifier', '@earshot/api'];
    const loaded = loadedBy([...entries, ...stages]);
    const adapters = Object.entries(loaded).flatMap(([entry, names]) => names.filter((n) => ADAPTER_LIBRARIES.includes(n)).map((n) => `${entry} loads ${n}`));
    expect(adapters).toEqual([]);
    expect(Object.keys(loaded)).toEqual([...entries, ...stages]);
  });

  it('the adapter subpaths do load their library (so the probe sees what an import loads)', () => {
    const loaded = loadedBy(['@earshot/store/sqlite', '@earshot/store/elasticsearch', '@earshot/bus/kafka']);
    expect(loaded['@earshot/store/sqlite']).toContain('better-sqlite3');
    expect(loaded['@earshot/store/elasticsearch']).toContain('@elastic/elasticsearch');
    expect(loaded['@earshot/bus/kafka']).toEqual(expect.arrayContaining(['kafkajs', '@platformatic/kafka']));
  });

  it('each Kafka client has an entry that loads it and not the other (the composition root loads one)', () => {
    const loaded = loadedBy(['@earshot/bus/platformatic', '@earshot/bus/kafkajs']);
    const kafka = (entry: string) => loaded[entry]!.filter((n) => n === 'kafkajs' || n === '@platformatic/kafka');
    expect(kafka('@earshot/bus/platformatic')).toEqual(['@platformatic/kafka']);
    expect(kafka('@earshot/bus/kafkajs')).toEqual(['kafkajs']);
  });
});
