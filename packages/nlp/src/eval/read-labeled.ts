// Reads labeled JSON Lines ({"text", "label", "lang"}, the shape of shared/data/sentiment/dev), for
// training, evaluation and the benchmark. Lines that do not fit are reported, not fatal.

import { readFileSync } from 'node:fs';
import type { SentimentLabel } from '../types.js';

export interface LabeledExample {
  text: string;
  label: SentimentLabel;
  lang: string;
  /** The row's `source` field, when it has one (which corpus or site the text came from). */
  source?: string;
}

export interface ReadResult {
  examples: LabeledExample[];
  errors: { line: number; reason: string }[];
}

const LABELS = new Set(['positive', 'neutral', 'negative']);

export function parseLabeledLines(content: string): ReadResult {
  const examples: LabeledExample[] = [];
  const errors: { line: number; reason: string }[] = [];
  content.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    let v: unknown;
    try {
      v = JSON.parse(line);
    } catch {
      errors.push({ line: i + 1, reason: 'not valid JSON' });
      return;
    }
    if (typeof v !== 'object' || v === null) {
      errors.push({ line: i + 1, reason: 'not a JSON object' });
      return;
    }
    const o = v as Record<string, unknown>;
    if (typeof o.text !== 'string' || o.text.trim() === '') {
      errors.push({ line: i + 1, reason: 'missing "text"' });
      return;
    }
    if (typeof o.label !== 'string' || !LABELS.has(o.label)) {
      errors.push({ line: i + 1, reason: 'missing or unknown "label"' });
      return;
    }
    if (typeof o.lang !== 'string' || o.lang === '') {
      errors.push({ line: i + 1, reason: 'missing "lang"' });
      return;
    }
    examples.push({
      text: o.text,
      label: o.label as SentimentLabel,
      lang: o.lang,
      ...(typeof o.source === 'string' && o.source !== '' ? { source: o.source } : {}),
    });
  });
  return { examples, errors };
}

export function readLabeledFile(path: string): ReadResult {
  return parseLabeledLines(readFileSync(path, 'utf8'));
}
