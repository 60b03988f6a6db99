// How often language detection misses on the shared data, per file: texts of the sentiment dev and
// train splits and the topic dev split whose detected language is not their labeled one, and what
// they were taken for. The train splits are never scored elsewhere, so they show whether a cue-list
// change helps beyond the dev texts (issue 10, round 5: Russian tweets read as Kazakh).
// --sentences: each text's sentences of 15–90 characters instead (no URL or handle), as short
// mentions and headlines are (issue 10, round 10: English brand tweets read as Estonian).
// --analyzer: the analyzer's choice (detection, then the Russian-or-Kazakh classifier where it is
// unsure; round 10) instead of detectLanguage's cue words alone, among the five languages.
// --hint=TAG (with --analyzer): every text comes with this language hint, as a feed's <language>
// would give it; --hint=other: each text with the hint of the language most like its own (en↔et,
// ru↔kk, he→en), a feed that misstates its language (round 12: the Russian-or-Kazakh classifier over a hint).
// Run: npx tsx packages/nlp/scripts/measure-language-id.ts [lang …] [--sentences] [--analyzer [--hint=TAG|other]]   (default kk ru)

import { join } from 'node:path';
import { readLabeledFile } from '../src/eval/read-labeled.js';
import { readTopicFile } from '../src/eval/read-topics.js';
import { sharedDataFile, sharedDir } from '../src/eval/shared-dir.js';
import { createAnalyzer } from '../src/analyzer.js';
import { detectLanguage } from '../src/lang/detect-language.js';
import { flag, option, positional } from './script-options.js';

const args = positional();
const sentences = flag('sentences');
const analyzer = flag('analyzer') ? createAnalyzer({ topicModel: null }) : undefined;
const hintArg = option('hint');
if (hintArg && !analyzer) throw new Error('--hint needs --analyzer: detection alone takes no hint');
const OTHER: Record<string, string> = { en: 'et', et: 'en', ru: 'kk', kk: 'ru', he: 'en' };
const hintFor = (lang: string): string | undefined => (hintArg === 'other' ? OTHER[lang] : hintArg);
const languageOf = (text: string, lang: string): string => {
  if (!analyzer) return detectLanguage(text).lang;
  const langHint = hintFor(lang);
  return analyzer.analyze(text, langHint ? { langHint } : {}).lang;
};
const langs = args.length > 0 ? args : ['kk', 'ru'];
const SENTENCE = /(?<=[.!?])\s+/;
const NOISE = /https?:|www\.|[@#]\w|\{link\}/;
const report = (name: string, lang: string, all: string[]): void => {
  const taken = new Map<string, number>();
  const texts = sentences ? all.flatMap((t) => t.split(SENTENCE)).filter((s) => s.length >= 15 && s.length <= 90 && !NOISE.test(s)) : all;
  for (const text of texts) {
    const got = languageOf(text, lang);
    if (got !== lang) taken.set(got, (taken.get(got) ?? 0) + 1);
  }
  const missed = [...taken.values()].reduce((a, b) => a + b, 0);
  const as = [...taken].sort((a, b) => b[1] - a[1]).map(([l, n]) => `${l} ${n}`);
  console.log(
    `${name} ${lang}: ${missed} of ${texts.length} missed (${((100 * missed) / Math.max(1, texts.length)).toFixed(1)}%)${as.length ? `: ${as.join(', ')}` : ''}`,
  );
};
for (const lang of langs) {
  for (const split of ['sentiment/dev', 'sentiment/train'] as const) {
    const file = sharedDataFile(process.env, split, lang);
    if (file)
      report(
        split,
        lang,
        readLabeledFile(file)
          .examples.filter((e) => e.lang === lang)
          .map((e) => e.text),
      );
  }
  const topics = readTopicFile(join(sharedDir(process.env), 'data', 'topics', 'dev', `${lang}.jsonl`)).examples.map((e) => e.text);
  report('topics/dev', lang, topics);
}
