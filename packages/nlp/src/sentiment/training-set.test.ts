import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { extraTrainingRows, matchClassShares, sentimentTrainingSet } from './training-set.js';

// A throw-away shared/ folder with rows written by us: dev comes from two sources, train from three.
const root = mkdtempSync(join(tmpdir(), 'earshot-training-set-'));
const line = (text: string, label: string, source: string): string => JSON.stringify({ text, label, lang: 'kk', source });
mkdirSync(join(root, 'data', 'sentiment', 'dev'), { recursive: true });
mkdirSync(join(root, 'data', 'sentiment', 'train'), { recursive: true });
writeFileSync(
  join(root, 'data', 'sentiment', 'dev', 'kk.jsonl'),
  [line('жақсы дүкен', 'positive', 'shop'), line('кітап нашар', 'negative', 'books')].join('\n'),
);
writeFileSync(
  join(root, 'data', 'sentiment', 'train', 'kk.jsonl'),
  [line('өте жақсы', 'positive', 'shop'), line('бейтарап мәтін', 'neutral', 'books'), line('қосымша нашар', 'negative', 'app-store')].join('\n'),
);
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

  it('counts the naive Bayes part from the polar train rows with nbData, training the regression on dev alone', () => {
    const set = sentimentTrainingSet({ env, lang: 'kk', settings: { nbData: 'polar', nbWeight: 0.1 } })!;
    expect(set.examples).toHaveLength(2);
    expect(set.nbExamples?.map((e) => e.text)).toEqual(['өте жақсы', 'қосымша нашар']);
    expect(set.description).toBe('dev 2; naive Bayes from 2 train rows (polar)');
    expect(sentimentTrainingSet({ env, lang: 'kk', settings: {} })!.nbExamples).toBeUndefined();
  });

  it('gives the prior model every train row with priorData all, training the regression on dev alone', () => {
    const set = sentimentTrainingSet({ env, lang: 'kk', settings: { priorData: 'all' } })!;
    expect(set.examples).toHaveLength(2);
    expect(set.priorExamples?.map((e) => e.label)).toEqual(['positive', 'neutral', 'negative']);
    expect(set.description).toBe('dev 2; a prior model of 3 train rows (all)');
    expect(sentimentTrainingSet({ env, lang: 'kk', settings: {} })!.priorExamples).toBeUndefined();
  });

  it("subsamples the added rows to dev's class shares with trainBalance: dev (here 1:1 → one of each)", () => {
    const rows = extraTrainingRows({ env, lang: 'kk', extra: 'all', balance: 'dev' });
    expect(rows.map((e) => e.label).sort()).toEqual(['negative', 'positive']);
    expect(sentimentTrainingSet({ env, lang: 'kk', settings: { trainData: 'all', trainBalance: 'dev' } })!.description).toBe(
      'dev 2 + train 2 (all, class shares of dev)',
    );
  });
});

describe('matchClassShares', () => {
  const rows = (counts: Record<string, number>): { label: string; n: number }[] =>
    Object.entries(counts).flatMap(([label, k]) => Array.from({ length: k }, (_, n) => ({ label, n })));
  const shares = (kept: { label: string }[]): Record<string, number> =>
    kept.reduce<Record<string, number>>((acc, e) => ({ ...acc, [e.label]: (acc[e.label] ?? 0) + 1 }), {});

  it("keeps as many rows as the scarcest class allows at the target's shares (Kazakh-like: few neutrals, balanced dev)", () => {
    const kept = matchClassShares(rows({ negative: 70, neutral: 10, positive: 120 }), rows({ negative: 5, neutral: 5, positive: 5 }));
    expect(shares(kept)).toEqual({ negative: 10, neutral: 10, positive: 10 });
  });

  it('follows unequal target shares, drops classes the target lacks, and is deterministic for a seed', () => {
    const input = rows({ negative: 40, neutral: 40, positive: 40 });
    const kept = matchClassShares(input, rows({ negative: 1, positive: 3 }), 3);
    expect(shares(kept)).toEqual({ negative: 13, positive: 40 });
    expect(matchClassShares(input, rows({ negative: 1, positive: 3 }), 3)).toEqual(kept);
    expect(matchClassShares(input, rows({ negative: 1, positive: 3 }), 4)).not.toEqual(kept);
  });

  it('keeps nothing when a target class is missing from the rows', () => {
    expect(matchClassShares(rows({ negative: 5, positive: 5 }), rows({ negative: 1, neutral: 1, positive: 1 }))).toEqual([]);
  });
});
