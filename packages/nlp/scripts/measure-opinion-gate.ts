// Measures two ways to find neutral texts in languages without neutral data (issue 10, round 4).
// (1) A language-independent opinion/no-opinion gate: a logistic
// regression over cues every language has (the model's |score|, polar lexicon hits, ! ? digits,
// emoticons, length), trained on the neutral vs. polar dev texts of ru, kk and et (out-of-fold
// scores from scripts/dump-opinion-rows.ts) and applied to languages without neutral data.
// Prints, per gate threshold: leave-one-language-out macro-F1 on ru/kk/et, English tweets
// (neutral class, never trained on) and the cost on he/en dev.
// (2) The announcement rule (announcement-cues.ts, NeutralRule.announcementBand) and the question rule
// (question-cues.ts, NeutralRule.questionBand): per band, macro-F1 on he/en dev (the cost: they have
// no neutral texts), on English tweets and on the dev sets with a neutral class (the gain).
// Run: npx tsx packages/nlp/scripts/measure-opinion-gate.ts ROWS.jsonl …

import { readFileSync } from 'node:fs';
import { classificationReport } from '../src/eval/metrics.js';
import { announcementCuesFor, looksLikeAnnouncement } from '../src/sentiment/announcement-cues.js';
import { questionCuesFor, looksLikeQuestion } from '../src/sentiment/question-cues.js';
import { prepareText, type PreparedText } from '../src/text/prepare-text.js';
import { LANGUAGE_SETTINGS } from '../src/sentiment/language-features.js';
import { DEFAULT_NEUTRAL_RULE } from '../src/sentiment/sentiment-scorer.js';
import type { OpinionRow } from './out-of-fold-scores.js';

const rows: OpinionRow[] = process.argv.slice(2).flatMap((f) =>
  readFileSync(f, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as OpinionRow),
);
// The neutral rule each language ships with (LANGUAGE_SETTINGS; sentiment-scorer.ts), under which the
// rules here are measured. Hebrew's is the binary model, whose near ties are neutral.
const BINARY = new Set(['he']);
const neutralRule = (lang: string) => ({ ...DEFAULT_NEUTRAL_RULE, ...LANGUAGE_SETTINGS[lang]?.neutral, binary: BINARY.has(lang) });

function features(r: OpinionRow): number[] {
  const t = prepareText(r.text);
  const abs = Math.abs(r.score);
  return [
    1,
    abs,
    abs * abs,
    Math.min(r.positive + r.negative, 3) / 3,
    /!/.test(r.text) ? 1 : 0,
    /\?/.test(r.text) ? 1 : 0,
    /\d/.test(r.text) ? 1 : 0,
    /[\p{Extended_Pictographic}]|[:;]-?[()DP]/u.test(r.text) ? 1 : 0,
    /([!?.])\1/.test(r.text) ? 1 : 0,
    Math.log1p(t.words.length) / 4,
    /https?:|www\./.test(r.text) ? 1 : 0,
    /@\w/.test(r.text) ? 1 : 0,
  ];
}

function fit(train: OpinionRow[]): number[] {
  const xs = train.map(features);
  const ys = train.map((r) => (r.gold === 'neutral' ? 1 : 0));
  const pos = ys.filter((y) => y === 1).length;
  const wPos = train.length / (2 * pos);
  const wNeg = train.length / (2 * (train.length - pos));
  const w = new Array<number>(xs[0]!.length).fill(0);
  for (let epoch = 0; epoch < 300; epoch++) {
    const g = new Array<number>(w.length).fill(0);
    xs.forEach((x, i) => {
      const p = sigmoid(dot(w, x));
      const d = (p - ys[i]!) * (ys[i] ? wPos : wNeg);
      x.forEach((v, j) => {
        g[j]! += d * v;
      });
    });
    w.forEach((_, j) => {
      w[j] = w[j]! - (0.5 * g[j]!) / xs.length - 1e-4 * w[j]!;
    });
  }
  return w;
}
const dot = (a: number[], b: number[]) => a.reduce((s, v, i) => s + v * b[i]!, 0);
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

function ruleLabel(r: OpinionRow): string {
  const rule = neutralRule(r.lang);
  let label = r.label;
  const abs = Math.abs(r.score);
  if ((rule.binary || r.set === 'tweets') && abs < rule.band) label = 'neutral';
  if (abs < rule.opinionBand && r.positive + r.negative === 0) label = 'neutral';
  return label;
}
function macro(rs: OpinionRow[], w: number[] | undefined, t: number): string {
  const rep = classificationReport(rs.map((r) => ({ gold: r.gold, predicted: w && sigmoid(dot(w, features(r))) >= t ? 'neutral' : ruleLabel(r) })));
  return `${rep.macroF1.toFixed(3)}${rep.f1.neutral !== undefined ? `/n${rep.f1.neutral.toFixed(2)}` : ''}`;
}

const THRESHOLDS = [0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95];
const source = ['ru', 'kk', 'et'];
const devOf = (lang: string) => rows.filter((r) => r.set === 'dev' && r.lang === lang);
if (source.every((l) => devOf(l).length > 0)) measureGate();
else console.log(`the opinion gate needs rows of ${source.join(', ')} (dump-opinion-rows.ts); measuring the cue rules only`);

function measureGate(): void {
  const all = fit(source.flatMap(devOf));
  console.log('gate weights', all.map((v) => v.toFixed(2)).join(' '));
  console.log(`threshold | ${source.map((l) => `${l} (left out)`).join(' | ')} | en tweets | he dev | en dev`);
  console.log(
    `rule only | ${source.map((l) => macro(devOf(l), undefined, 1)).join(' | ')} | ${macro(
      rows.filter((r) => r.set === 'tweets'),
      undefined,
      1,
    )} | ${macro(devOf('he'), undefined, 1)} | ${macro(devOf('en'), undefined, 1)}`,
  );
  const loo = Object.fromEntries(source.map((l) => [l, fit(source.filter((o) => o !== l).flatMap(devOf))]));
  for (const t of THRESHOLDS) {
    console.log(
      `${t} | ${source.map((l) => macro(devOf(l), loo[l], t)).join(' | ')} | ${macro(
        rows.filter((r) => r.set === 'tweets'),
        all,
        t,
      )} | ${macro(devOf('he'), all, t)} | ${macro(devOf('en'), all, t)}`,
    );
  }
}

// A cue rule's bands: a text the rule matches, with no polar lexicon word and |score| under the band,
// is called neutral (on top of the language's other neutral rules).
const BANDS = [0, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01];
function ruleBands(name: string, matches: (lang: string) => ((text: PreparedText) => boolean) | undefined, base = ruleLabel): void {
  console.log(`${name} band | ${BANDS.join(' | ')}`);
  for (const [lang, set] of [
    ['he', 'dev'],
    ['en', 'dev'],
    ['en', 'tweets'],
    ['ru', 'dev'],
    ['et', 'dev'],
    ['kk', 'dev'],
  ] as const) {
    const match = matches(lang);
    if (!match || !rows.some((r) => r.lang === lang && r.set === set)) continue;
    const rs = rows.filter((r) => r.lang === lang && r.set === set).map((r) => ({ r, hit: match(prepareText(r.text)) }));
    const cells = BANDS.map((band) => {
      const rep = classificationReport(
        rs.map(({ r, hit }) => ({
          gold: r.gold,
          predicted: hit && r.positive + r.negative === 0 && Math.abs(r.score) < band ? 'neutral' : base(r),
        })),
      );
      return `${rep.macroF1.toFixed(3)}${rep.f1.neutral !== undefined ? `/n${rep.f1.neutral.toFixed(2)}` : ''}`;
    });
    const hits = rs.filter((x) => x.hit);
    const gold = [...new Set(hits.map((x) => x.r.gold))].map((g) => `${g} ${hits.filter((x) => x.r.gold === g).length}`).join(', ');
    console.log(`${lang} ${set} (${hits.length} of ${rs.length} match: ${gold || 'none'}) | ${cells.join(' | ')}`);
  }
}
ruleBands('announcement', (lang) => {
  const cues = announcementCuesFor(lang);
  return cues && ((t) => looksLikeAnnouncement(t, cues));
});
// The question rule is measured on top of what ships: the announcement rule at the language's band.
const shippedLabel = (r: OpinionRow): string => {
  const band = neutralRule(r.lang).announcementBand ?? 0;
  const cues = announcementCuesFor(r.lang);
  const announcement = band > 0 && cues && r.positive + r.negative === 0 && Math.abs(r.score) < band && looksLikeAnnouncement(prepareText(r.text), cues);
  return announcement ? 'neutral' : ruleLabel(r);
};
ruleBands(
  'question',
  (lang) => {
    const cues = questionCuesFor(lang);
    return cues && ((t) => looksLikeQuestion(t, cues));
  },
  shippedLabel,
);
