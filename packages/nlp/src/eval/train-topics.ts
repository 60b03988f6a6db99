// Topic labels of ours for rows of shared/data/sentiment: more topic texts to learn from than the
// 2,600 of shared/data/topics/dev, which a learning curve (ROUNDS.md round 8) says the tagger lacks
// most. Two kinds of rows: train rows, disjoint from the dev texts and from every hidden set
// (sentiment/train/SOURCES.md), and the sentiment dev rows past the first lines that the topic texts
// are (topics/README.md): the same sources as the topic texts, and hidden sets are never in shared/.
// Neither can put a scored topic text into training (topic-training-data.ts refuses one). Labeled by
// us following shared/data/topics/GUIDELINES.md (data/README.md says how); the file holds the row's
// split, language, line number and a fingerprint of its text, never the text, which stays in shared/.
// These rows are added to every training part and never scored (train-topic-model.ts, `extra`).

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { TopicExample } from '../topics/topic-dataset.js';
import { TOPIC_IDS } from '../topics/topic-cues.js';
import { readLabelLines } from './feed-topics.js';
import { ASPECT_LABELS } from './read-topics.js';
import { sharedDataFile } from './shared-dir.js';

export interface TrainTopicLabel {
  /** The shared/data/sentiment split the row is in: train when absent, or dev (its lines past the topic texts). */
  split?: 'dev';
  lang: string;
  /** 0-based line of shared/data/sentiment/<split>/<lang>.jsonl. */
  line: number;
  /** textFingerprint() of that line's text: the labels belong to that exact text. */
  text: string;
  topics: string[];
  aspects: Record<string, string>;
}

/** Our labels (data/train-topics.jsonl), checked: known topics in taxonomy order, one aspect per topic. */
export function readTrainTopicLabels(path = new URL('../../data/train-topics.jsonl', import.meta.url)): TrainTopicLabel[] {
  return readLabelLines<TrainTopicLabel>(path, (label) => {
    if (typeof label.lang !== 'string' || !Number.isInteger(label.line) || label.line < 0) return '"lang" and "line" (a line number) are needed';
    if (label.split !== undefined && label.split !== 'dev') return '"split" is "dev" or absent (train)';
    if (!Array.isArray(label.topics) || typeof label.aspects !== 'object' || label.aspects === null)
      return '"topics" (an array) and "aspects" (an object) are needed';
    const unknown = label.topics.find((t) => !(TOPIC_IDS as readonly string[]).includes(t));
    if (unknown !== undefined) return `unknown topic "${unknown}"`;
    const order = label.topics.map((t) => (TOPIC_IDS as readonly string[]).indexOf(t));
    if (order.some((o, i) => i > 0 && o <= order[i - 1]!)) return 'topics must be in taxonomy order, each once';
    const keys = Object.keys(label.aspects);
    if (keys.length !== label.topics.length || !label.topics.every((t) => ASPECT_LABELS.has(label.aspects[t] ?? ''))) {
      return 'one aspect (positive, negative or neutral) per topic';
    }
    return undefined;
  });
}

/** The first 12 hex digits of the text's SHA-256: enough to tell that a shared file changed under the labels. */
export function textFingerprint(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 12);
}

/**
 * The labeled rows with their text, read from shared/data/sentiment/<split>. A missing file, line or a
 * text whose fingerprint differs is an error naming it and `file`, the labels' file: the labels belong
 * to those exact texts.
 */
export function readTrainTopicExamples(env: Record<string, string | undefined>, labels = readTrainTopicLabels(), file = 'train-topics.jsonl'): TopicExample[] {
  const lines = new Map<string, string[]>();
  return labels.map((label) => {
    const set = `sentiment/${label.split ?? 'train'}` as const;
    let rows = lines.get(`${set}/${label.lang}`);
    if (!rows) {
      const path = sharedDataFile(env, set, label.lang);
      if (!path) throw new Error(`${file}: no shared/data/${set}/${label.lang}.jsonl to read line ${label.line} from`);
      rows = readFileSync(path, 'utf8').split('\n');
      lines.set(`${set}/${label.lang}`, rows);
    }
    const raw = rows[label.line];
    if (raw === undefined || raw.trim() === '') throw new Error(`${file}: ${set}/${label.lang}.jsonl has no line ${label.line}`);
    const text = (JSON.parse(raw) as { text: string }).text;
    if (textFingerprint(text) !== label.text) {
      throw new Error(`${file}: ${set}/${label.lang}.jsonl line ${label.line} is not the text that was labeled (fingerprint differs)`);
    }
    return { text, lang: label.lang, topics: label.topics, aspects: label.aspects };
  });
}
