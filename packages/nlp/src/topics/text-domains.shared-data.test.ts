// The text-domain classifiers (text-domains.ts) on the real data: trained without the topic texts,
// they name the kind of text of those held-out topic texts (whose `source` says the truth) far more
// often than chance. Skips with a message when the shared folder is absent; fails under CI=true.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedForTest } from '../eval/shared-dir.js';
import { createLanguageFeatures } from '../sentiment/language-features.js';
import { loadLinearModel } from '../sentiment/linear-model.js';
import { TEXT_DOMAINS, trainTextDomains } from './text-domains.js';

const topics = sharedForTest(process.env, join('data', 'topics', 'dev'));
if (topics.missing) console.warn(`skipping the text-domain classifiers on shared data: ${topics.missing}`);

describe.skipIf(topics.missing !== undefined)('text-domain classifiers on shared/data', () => {
  it('name the kind of the held-out topic texts in en, ru and kk', { timeout: 120_000 }, () => {
    const rows = Object.keys(TEXT_DOMAINS).flatMap((lang) =>
      readFileSync(join(topics.path, `${lang}.jsonl`), 'utf8')
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map((l) => ({ lang, ...(JSON.parse(l) as { text: string; source: string }) })),
    );
    const files = trainTextDomains({ env: process.env, exclude: new Set(rows.map((r) => r.text)) });
    expect(files.map((f) => [f.lang, f.classes])).toEqual(Object.entries(TEXT_DOMAINS).map(([lang, domains]) => [lang, domains.map((d) => d.id)]));
    for (const file of files) {
      const model = loadLinearModel(file);
      const { extractor } = createLanguageFeatures({ lang: file.lang });
      const own = rows.filter((r) => r.lang === file.lang);
      const right = own.filter((r) => {
        const p = model.predict(extractor.extract(r.text));
        const truth = TEXT_DOMAINS[file.lang]!.find((d) => d.sources.test(r.source))!.id;
        return model.classes[p.indexOf(Math.max(...p))] === truth;
      }).length;
      // Chance is 1/2 (ru) or 1/3 (en, kk).
      expect(right / own.length, file.lang).toBeGreaterThan(0.7);
    }
  });
});
