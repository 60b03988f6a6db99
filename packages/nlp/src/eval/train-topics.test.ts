import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTrainTopicExamples, textFingerprint, type TrainTopicLabel } from './train-topics.js';

// A shared folder of our own: Russian train (and dev) rows written for this test.
function sharedWith(rows: string[], devRows: string[] = []): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'earshot-train-topics-'));
  for (const [split, texts] of [
    ['train', rows],
    ['dev', devRows],
  ] as const) {
    mkdirSync(join(dir, 'data', 'sentiment', split), { recursive: true });
    writeFileSync(
      join(dir, 'data', 'sentiment', split, 'ru.jsonl'),
      texts.map((text) => `${JSON.stringify({ text, label: 'neutral', lang: 'ru' })}\n`).join(''),
    );
  }
  return { EARSHOT_SHARED: dir };
}

const TEXTS = ['Тариф опять подорожал', 'Приложение банка не открывается'];
const label = (line: number, text: string, topics: string[]): TrainTopicLabel => ({
  lang: 'ru',
  line,
  text: textFingerprint(text),
  topics,
  aspects: Object.fromEntries(topics.map((t) => [t, 'negative'])),
});

describe('readTrainTopicExamples', () => {
  it('joins each label to its train row', () => {
    const env = sharedWith(TEXTS);
    const examples = readTrainTopicExamples(env, [label(1, TEXTS[1]!, ['innovation']), label(0, TEXTS[0]!, ['price'])]);
    expect(examples).toEqual([
      { text: TEXTS[1], lang: 'ru', topics: ['innovation'], aspects: { innovation: 'negative' } },
      { text: TEXTS[0], lang: 'ru', topics: ['price'], aspects: { price: 'negative' } },
    ]);
  });

  it('reads a row of the dev split from the dev file', () => {
    const env = sharedWith([TEXTS[0]!], ['Отделение закрыто', TEXTS[1]!]);
    const examples = readTrainTopicExamples(env, [label(0, TEXTS[0]!, ['price']), { ...label(1, TEXTS[1]!, ['innovation']), split: 'dev' }]);
    expect(examples.map((e) => e.text)).toEqual([TEXTS[0], TEXTS[1]]);
    expect(() => readTrainTopicExamples(env, [{ ...label(0, TEXTS[1]!, []), split: 'dev' }])).toThrow(
      'train-topics.jsonl: sentiment/dev/ru.jsonl line 0 is not the text that was labeled (fingerprint differs)',
    );
  });

  it('refuses a row whose text is not the one labeled, a missing line and a missing file', () => {
    const env = sharedWith(TEXTS);
    expect(() => readTrainTopicExamples(env, [label(0, TEXTS[1]!, [])])).toThrow(
      'train-topics.jsonl: sentiment/train/ru.jsonl line 0 is not the text that was labeled (fingerprint differs)',
    );
    expect(() => readTrainTopicExamples(env, [label(7, TEXTS[0]!, [])])).toThrow('train-topics.jsonl: sentiment/train/ru.jsonl has no line 7');
    expect(() => readTrainTopicExamples(env, [{ ...label(0, TEXTS[0]!, []), lang: 'kk' }])).toThrow(
      'train-topics.jsonl: no shared/data/sentiment/train/kk.jsonl to read line 0 from',
    );
    // Labels of another file (data/train-topics-en-tweets.jsonl, cv-topics.ts --extra=…) name that file.
    expect(() => readTrainTopicExamples(env, [label(7, TEXTS[0]!, [])], 'train-topics-en-tweets.jsonl')).toThrow(
      'train-topics-en-tweets.jsonl: sentiment/train/ru.jsonl has no line 7',
    );
  });
});
