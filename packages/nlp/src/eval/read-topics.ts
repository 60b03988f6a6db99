// Reads topic-labeled JSON Lines ({"text", "lang", "topics", "aspects"}, the shape of
// shared/data/topics/dev and its GUIDELINES.md) for training, cross-validation and `earshot nlp
// eval`. Lines that do not fit are reported with the reason, not fatal.

import { readFileSync } from 'node:fs';
import type { TopicExample } from '../topics/topic-dataset.js';
import { TOPIC_IDS } from '../topics/topic-cues.js';

export const ASPECT_LABELS: ReadonlySet<string> = new Set(['positive', 'negative', 'neutral']);

export function parseTopicLines(content: string): { examples: TopicExample[]; errors: { line: number; reason: string }[] } {
  const examples: TopicExample[] = [];
  const errors: { line: number; reason: string }[] = [];
  content.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    const fail = (reason: string): void => {
      errors.push({ line: i + 1, reason });
    };
    let v: unknown;
    try {
      v = JSON.parse(line);
    } catch {
      fail('not valid JSON');
      return;
    }
    if (typeof v !== 'object' || v === null || Array.isArray(v)) {
      fail('not a JSON object');
      return;
    }
    const o = v as Record<string, unknown>;
    if (typeof o.text !== 'string' || o.text.trim() === '') {
      fail('missing "text"');
      return;
    }
    if (typeof o.lang !== 'string' || o.lang === '') {
      fail('missing "lang"');
      return;
    }
    if (!Array.isArray(o.topics) || !o.topics.every((t) => typeof t === 'string')) {
      fail('"topics" must be an array of topic ids');
      return;
    }
    const unknown = o.topics.find((t) => !(TOPIC_IDS as readonly string[]).includes(t as string));
    if (unknown !== undefined) {
      fail(`unknown topic "${String(unknown)}"`);
      return;
    }
    const aspects: Record<string, string> = {};
    if (o.aspects !== undefined) {
      if (typeof o.aspects !== 'object' || o.aspects === null || Array.isArray(o.aspects)) {
        fail('"aspects" must be an object');
        return;
      }
      for (const [k, a] of Object.entries(o.aspects)) {
        if (typeof a !== 'string' || !ASPECT_LABELS.has(a)) {
          fail(`aspect "${k}" must be positive, negative or neutral`);
          return;
        }
        aspects[k] = a;
      }
    }
    examples.push({ text: o.text, lang: o.lang, topics: o.topics as string[], aspects });
  });
  return { examples, errors };
}

export function readTopicFile(path: string): ReturnType<typeof parseTopicLines> {
  return parseTopicLines(readFileSync(path, 'utf8'));
}

/** True when the first non-empty line of a JSONL file carries "topics" (a topic file, not a sentiment one). */
export function looksLikeTopicFile(content: string): boolean {
  const first = content.split('\n').find((l) => l.trim() !== '');
  if (!first) return false;
  try {
    const v: unknown = JSON.parse(first);
    return typeof v === 'object' && v !== null && 'topics' in v;
  } catch {
    return false;
  }
}
