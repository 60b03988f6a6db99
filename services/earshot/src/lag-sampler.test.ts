import { createMetrics, silentLogger } from '@earshot/observability';
import { describe, expect, it } from 'vitest';
import { createLagSampler } from './lag-sampler.js';

function setup(lags: Record<string, number | Error>) {
  let clock = 1_000_000;
  const metrics = createMetrics();
  const sampler = createLagSampler({
    consumers: [
      { stage: 'enricher', groupId: 'earshot-enricher', topic: 'mentions.raw' },
      { stage: 'indexer', groupId: 'earshot-indexer', topic: 'mentions.enriched' },
    ],
    lag: async (groupId) => {
      const v = lags[groupId]!;
      if (v instanceof Error) throw v;
      return v;
    },
    metrics,
    logger: silentLogger(),
    intervalMs: 1000,
    stuckAfterMs: 60_000,
    now: () => clock,
  });
  return { sampler, metrics, tick: (ms: number) => (clock += ms) };
}

describe('lag sampler', () => {
  it('sets earshot_consumer_lag_messages per group and topic', async () => {
    const { sampler, metrics } = setup({ 'earshot-enricher': 7, 'earshot-indexer': 0 });
    await sampler.sample();
    const text = await metrics.registry.metrics();
    expect(text).toContain('earshot_consumer_lag_messages{stage="enricher",group="earshot-enricher",topic="mentions.raw"} 7');
    expect(text).toContain('earshot_consumer_lag_messages{stage="indexer",group="earshot-indexer",topic="mentions.enriched"} 0');
    expect(sampler.health()).toMatchObject({ status: 'ok' });
  });

  it('is error once lag stays above 0 without falling for stuckAfter, and ok again when it falls', async () => {
    const lags: Record<string, number> = { 'earshot-enricher': 50, 'earshot-indexer': 0 };
    const { sampler, tick } = setup(lags);
    await sampler.sample();
    tick(59_000);
    lags['earshot-enricher'] = 60; // more arrived, nothing committed
    await sampler.sample();
    expect(sampler.health()).toMatchObject({ status: 'ok' });
    tick(1_000);
    await sampler.sample();
    const stuck = await sampler.health();
    expect(stuck.status).toBe('error');
    expect(stuck.details!['earshot-enricher']).toMatchObject({ lag: 60, stuck: 'no progress for 60 s with 60 messages waiting' });
    expect(stuck.details!['earshot-indexer']).not.toHaveProperty('stuck');
    lags['earshot-enricher'] = 40;
    tick(1_000);
    await sampler.sample();
    expect(sampler.health()).toMatchObject({ status: 'ok' });
  });

  it('an idle group (lag 0) is never stuck; an unreadable lag is degraded with the reason', async () => {
    const { sampler, tick } = setup({ 'earshot-enricher': 0, 'earshot-indexer': new Error('broker unreachable') });
    await sampler.sample();
    tick(10 * 60_000);
    await sampler.sample();
    expect(sampler.health()).toMatchObject({
      status: 'degraded',
      details: { 'earshot-enricher': { lag: 0 }, 'earshot-indexer': { error: 'broker unreachable' } },
    });
  });
});
