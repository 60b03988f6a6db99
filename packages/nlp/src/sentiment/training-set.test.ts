import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { extraTrainingRows, sentimentTrainingSet } from './training-set.js';

// A throw-away shared/ folder with rows written by us: dev comes from two sources, train from three.
const root = mkdtempSync(join(tmpdir(), 'earshot-training-set-'));
const line = (text: string, label: string, source: string): string => JSON.stringify({ text, label, lang: 'kk', source });
mkdirSync(join(root, 'data', 'sentiment', 'dev'), { recursive: true });
mkdirSync(join(root, 'data', 'sentiment', 'train'), { recursive: true });
writeFileSync(join(root, 'data', 'sentiment', 'dev', 'kk.jsonl'), [line('жақсы дүкен', 'positive', 'shop'), line('кітап нашар', 'negative', 'books')].join('\n'));
writeFileSync(join(root, 'data', 'sentiment', 'train', 'kk.jsonl'), [
  line('өте жақсы', 'positive', 'shop'), line('бейтарап мәтін', 'neutral', 'books'), line('қосымша нашар', 'negative', 'app-store'),
].join('\n'));
const env = { EARSHOT_SHARED: root };
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('training rows from the shared train split', () => {
  it('keeps only rows from the sources the dev data comes from, with sameSources', () => {
    expect(extraTrainingRows({ env, lang: 'kk', extra: 'sameSources' }).map((e) => e.source)).toEqual(['shop', 'books']);
    expect(extraTrainingRows({ env, lang: 'kk', extra: 'all' })).toHaveLength(3);
    expect(extraTrainingRows({ env, lang: 'kk', extra: 'polar' }).map((e) => e.label)).toEqual(['positive', 'negative']);
  });

  it('weights the added rows, never the dev rows', () => {
    const set = sentimentTrainingSet({ env, lang: 'kk', settings: { trainData: 'sameSources', trainWeight: 0.3 } })!;
    expect(set.examples.map((e) => e.weight ?? 1)).toEqual([1, 1, 0.3, 0.3]);
    expect(set.description).toBe('dev 2 + train 2 (sameSources × 0.3)');
  });

  it('adds nothing when the language setting adds nothing', () => {
    expect(sentimentTrainingSet({ env, lang: 'kk', settings: {} })!.examples).toHaveLength(2);
  });
});
