// Precision and recall of multi-label topic predictions, per topic and micro-averaged, per
// language and overall, and aspect-sentiment accuracy per topic on the topics found correctly.
// The benchmark's cross-validation and `earshot nlp eval` both report through this.

import { TOPIC_IDS } from '../topics/topic-cues.js';

export interface PrecisionRecall {
  support: number;
  predicted: number;
  precision: number;
  recall: number;
}
export interface TopicReport {
  n: number;
  micro: PrecisionRecall & { f1: number };
  perTopic: Record<string, PrecisionRecall>;
  /** Aspect sentiment accuracy over topics both gold and predicted. */
  aspects: { n: number; accuracy: number; perTopic: Record<string, { n: number; accuracy: number }> };
}

export interface TopicPrediction {
  gold: readonly string[];
  predicted: readonly string[];
  goldAspects?: Record<string, string>;
  predictedAspects?: Record<string, string>;
}

export function topicReport(rows: readonly TopicPrediction[]): TopicReport {
  const perTopic: Record<string, PrecisionRecall> = {};
  const aspectTopic: Record<string, { n: number; accuracy: number }> = {};
  let TP = 0;
  let P = 0;
  let G = 0;
  let aspectN = 0;
  let aspectOk = 0;
  for (const topic of TOPIC_IDS) {
    let tp = 0;
    let predicted = 0;
    let support = 0;
    let an = 0;
    let ok = 0;
    for (const r of rows) {
      const g = r.gold.includes(topic);
      const p = r.predicted.includes(topic);
      if (g) support++;
      if (p) predicted++;
      if (g && p) {
        tp++;
        const want = r.goldAspects?.[topic];
        const got = r.predictedAspects?.[topic];
        if (want !== undefined && got !== undefined) {
          an++;
          if (want === got) ok++;
        }
      }
    }
    TP += tp;
    P += predicted;
    G += support;
    aspectN += an;
    aspectOk += ok;
    perTopic[topic] = { support, predicted, precision: ratio(tp, predicted), recall: ratio(tp, support) };
    if (an > 0) aspectTopic[topic] = { n: an, accuracy: ratio(ok, an) };
  }
  const precision = ratio(TP, P);
  const recall = ratio(TP, G);
  return {
    n: rows.length,
    micro: { support: G, predicted: P, precision, recall, f1: precision + recall === 0 ? 0 : round((2 * precision * recall) / (precision + recall)) },
    perTopic,
    aspects: { n: aspectN, accuracy: ratio(aspectOk, aspectN), perTopic: aspectTopic },
  };
}

function ratio(a: number, b: number): number {
  return b === 0 ? 0 : round(a / b);
}
function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}
