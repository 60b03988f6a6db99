// topic-negative: a customer-expectation topic (price, delivery, service, …) whose negative count
// in the window rises to `factor` × its baseline mean per window, or that turns negative for the
// first time in the baseline period. One alert per topic (the alert's subject).
//
// In the stream a mention counts for a topic when that topic's own (aspect) sentiment is negative.
// The store keeps no aspect sentiment, so a warm start rebuilds the baseline beyond the replayed
// span from mentions that are negative overall and carry the topic — a close approximation.
import type { RuleOf } from '@earshot/config';
import { EventWindow, Histogram } from '../windows.js';
import { baselineFilter } from './baseline-filter.js';
import { formatDuration, SAMPLE_COUNT, type Condition, type EvaluatorFactory, type RuleEvaluator } from './rule-evaluator.js';

interface TopicState {
  window: EventWindow;
  baseline: Histogram;
}

export const createTopicNegativeEvaluator: EvaluatorFactory<RuleOf<'topic-negative'>> = (rule, context): RuleEvaluator => {
  const W = rule.window;
  const slots = Math.max(1, Math.floor(rule.baseline / W));
  const brands = new Map<string, Map<string, TopicState>>();
  const topicsOf = (brandId: string) => {
    let m = brands.get(brandId);
    if (!m) brands.set(brandId, (m = new Map()));
    return m;
  };
  const stateOf = (brandId: string, topic: string) => {
    const topics = topicsOf(brandId);
    let s = topics.get(topic);
    if (!s) topics.set(topic, (s = { window: new EventWindow(W), baseline: new Histogram(W) }));
    return s;
  };
  const wanted = (topic: string) => !rule.topic?.length || rule.topic.includes(topic);

  return {
    rule,
    span: W,
    counts: (fact, subject) => fact.topics.some((t) => t.topic === subject && t.sentiment === 'negative'),
    observe(fact, now) {
      for (const t of fact.topics) {
        if (t.sentiment !== 'negative' || !wanted(t.topic)) continue;
        const s = stateOf(fact.brandId, t.topic);
        if (fact.time > now - W) s.window.add({ id: fact.id, time: fact.time, sample: fact.sample });
        else if (fact.time >= now - W - rule.baseline) s.baseline.add(fact.time);
      }
    },
    evaluate(brandId, now) {
      const name = context.brandName(brandId);
      const out: Condition[] = [];
      for (const [topic, s] of topicsOf(brandId)) {
        for (const aged of s.window.prune(now)) s.baseline.add(aged.time);
        s.baseline.prune(now - W - rule.baseline);
        const count = s.window.size;
        const before = s.baseline.sum(now - W - rule.baseline, now - W);
        const mean = before / slots;
        const firstTime = before === 0;
        out.push({
          subject: topic,
          active: count >= rule.minCount && (firstTime || count >= rule.factor * mean),
          count,
          windowStart: s.window.oldest() ?? now - W,
          windowEnd: now,
          samples: s.window.samples(SAMPLE_COUNT),
          title: `${name}: ${topic} turning negative (${count} in ${formatDuration(W)})`,
          summary: firstTime
            ? `${count} mentions about ${name} are negative on ${topic} in the last ${formatDuration(W)}, none in the ${formatDuration(rule.baseline)} before.`
            : `${count} mentions about ${name} are negative on ${topic} in the last ${formatDuration(W)}, ${(count / mean).toFixed(1)}× the usual ${mean.toFixed(2)} per ${formatDuration(W)}.`,
        });
      }
      return out;
    },
    baselineQueries(brandId, replayFrom, now) {
      return [{ filter: baselineFilter(rule, brandId, now - W - rule.baseline, replayFrom, 'negative'), groupBy: ['topic'], interval: W, size: 10_000 }];
    },
    seedBaseline(brandId, [buckets]) {
      for (const b of buckets ?? []) {
        const topic = b.keys.topic;
        if (topic && b.time !== undefined && wanted(topic)) stateOf(brandId, topic).baseline.add(b.time, b.count);
      }
    },
    forget(brandId) {
      brands.delete(brandId);
    },
  };
};
