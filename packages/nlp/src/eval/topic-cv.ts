// Nested cross-validation of the learned topic tagger: outer stratified folds (the benchmark's seed);
// in each, fitTopicModel trains and picks thresholds and cue-rule topics by inner CV on the outer
// training rows only, and the outer fold is scored once. Returns the out-of-fold tagged-topic mask
// of every row, beside what the cue rules alone tag.

import { fitTopicModel, predictTopicMasks, topicFolds, TOPIC_TRAIN_SETTINGS, type TopicTrainSettings } from '../topics/train-topic-model.js';
import type { TopicDataset } from '../topics/topic-dataset.js';
import { TOPIC_IDS } from '../topics/topic-cues.js';
import { SUPPORTED_LANGUAGES } from '../types.js';

export interface TopicCrossValidation {
  /** Out-of-fold predicted mask per row. */
  learned: Int32Array;
  /** The cue rules alone (every topic in cue mode). */
  cues: Int32Array;
  /** Fold of each row. */
  folds: number[];
  /** In how many outer folds each "lang:topic:mode" was chosen. */
  modeFolds: Record<string, number>;
}

export function crossValidateTopics(data: TopicDataset, options: { folds: number; seed: number; settings?: TopicTrainSettings }): TopicCrossValidation {
  const all = Array.from({ length: data.n }, (_, i) => i);
  const folds = topicFolds(data, all, options.folds, options.seed);
  const learned = new Int32Array(data.n);
  const modeFolds: Record<string, number> = {};
  for (let f = 0; f < options.folds; f++) {
    const train = all.filter((i) => folds[i] !== f);
    const test = all.filter((i) => folds[i] === f);
    const file = fitTopicModel(data, train, options.settings ?? TOPIC_TRAIN_SETTINGS);
    file.modes.forEach((perTopic, l) => perTopic.forEach((m, t) => { const key = `${SUPPORTED_LANGUAGES[l]}:${TOPIC_IDS[t]}:${m}`; modeFolds[key] = (modeFolds[key] ?? 0) + 1; }));
    predictTopicMasks(file, data, test).forEach((mask, j) => { learned[test[j]!] = mask; });
  }
  return { learned, cues: data.cueMasks.slice(), folds, modeFolds };
}

export function maskTopics(mask: number): string[] {
  return TOPIC_IDS.filter((_, t) => ((mask >> t) & 1) === 1);
}
