// Turns the mentions of an alert's window and of the baseline before it into the alert's evidence
// (packages/schema alert-evidence.ts). Pure: the engine picks the mentions, this ranks them.
//
// - Driving mentions: the most negative (lowest sentiment score) and the highest reach, each list
//   `mentionCount` long, merged, every mention saying why it is there.
// - Phrases and topics: counted once per mention; lift = share of window mentions carrying the
//   term ÷ share of baseline mentions carrying it, the baseline smoothed (+1 / +2) so a term never
//   seen before has a large but finite lift (a baseline over 3000 mentions is sampled evenly for the
//   shares, which keeps an alert's explanation in milliseconds). Ranked by count × log2(1 + lift), which prefers terms
//   both frequent now and unusual; a term in only one mention of a larger window is noise and is
//   left out, as is a term hardly more frequent than in the baseline (lift < 1.5), and a single
//   word already shown inside a phrase with as many mentions (on a tie the phrase comes first).
// - Volume: the window's count against the mean per window-length slot of the baseline.
import type { AlertEvidence, EvidenceMention, EvidenceShare, EvidenceTerm } from '@earshot/schema';
import type { MentionFact } from '../mention-fact.js';
import type { EvidenceFact } from './evidence-memory.js';

export interface ExplainInput {
  window: EvidenceFact[];
  baseline: EvidenceFact[];
  /** Length of the rule's window, for the baseline mean per window. */
  windowLength: number;
  baselineFrom: number;
  baselineTo: number;
  mentionCount?: number;
  termCount?: number;
}

const EXCERPT_LIMIT = 240;
/** Baseline mentions read for phrase and topic shares; a larger baseline is sampled evenly (shares keep). */
const MAX_TERM_BASELINE = 3000;
/** A term must be at least this much more frequent than in the baseline to count as evidence. */
const MIN_LIFT = 1.5;
const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT_LIMIT ? `${flat.slice(0, EXCERPT_LIMIT - 1)}…` : flat;
}

function toEvidenceMention(f: MentionFact, reasons: EvidenceMention['reasons']): EvidenceMention {
  const s = f.sample;
  return {
    id: f.id,
    title: s.title,
    excerpt: excerpt(s.text),
    url: s.url,
    sourceId: f.sourceId,
    lang: f.lang,
    sentiment: f.sentiment,
    score: round(f.score),
    ...(f.reach !== undefined ? { reach: f.reach } : {}),
    ...(s.publishedAt ? { publishedAt: s.publishedAt } : {}),
    reasons,
  };
}

export function drivingMentions(facts: MentionFact[], n: number): EvidenceMention[] {
  const byId = (a: MentionFact, b: MentionFact) => a.id.localeCompare(b.id);
  const negative = [...facts].sort((a, b) => a.score - b.score || (b.reach ?? 0) - (a.reach ?? 0) || byId(a, b)).slice(0, n);
  const reached = facts
    .filter((f) => (f.reach ?? 0) > 0)
    .sort((a, b) => b.reach! - a.reach! || a.score - b.score || byId(a, b))
    .slice(0, n);
  const out = new Map<string, { fact: MentionFact; reasons: EvidenceMention['reasons'] }>();
  for (const f of negative) out.set(f.id, { fact: f, reasons: ['most-negative'] });
  for (const f of reached) {
    const seen = out.get(f.id);
    if (seen) seen.reasons.unshift('highest-reach');
    else out.set(f.id, { fact: f, reasons: ['highest-reach'] });
  }
  return [...out.values()].map(({ fact, reasons }) => toEvidenceMention(fact, reasons));
}

/** Mentions carrying each term (`termsOf` lists a term once); with `only`, just those terms (the baseline is large). */
function countPerMention(items: EvidenceFact[], termsOf: (f: EvidenceFact) => readonly string[], only?: ReadonlyMap<string, number>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) {
    for (const term of termsOf(item)) if (!only || only.has(term)) counts.set(term, (counts.get(term) ?? 0) + 1);
  }
  return counts;
}

/** Every k-th item, so that at most `max` remain (spread evenly over time, unlike the newest `max`). */
function evenSample<T>(items: T[], max: number): T[] {
  if (items.length <= max) return items;
  const step = items.length / max;
  return Array.from({ length: max }, (_, i) => items[Math.floor(i * step)]!);
}

export function contrastTerms(
  window: EvidenceFact[],
  fullBaseline: EvidenceFact[],
  termsOf: (f: EvidenceFact) => readonly string[],
  n: number,
): EvidenceTerm[] {
  const now = countPerMention(window, termsOf);
  const baseline = evenSample(fullBaseline, MAX_TERM_BASELINE);
  const scale = fullBaseline.length / Math.max(1, baseline.length);
  const before = countPerMention(baseline, termsOf, now);
  const minCount = window.length >= 3 ? 2 : 1;
  const scored: (EvidenceTerm & { score: number })[] = [];
  for (const [term, count] of now) {
    if (count < minCount) continue;
    const baselineCount = before.get(term) ?? 0;
    const lift = count / window.length / ((baselineCount + 1) / (baseline.length + 2));
    if (lift < MIN_LIFT) continue; // about as often as usual: not why anything happened
    scored.push({ term, count, baselineCount: Math.round(baselineCount * scale), lift: round(lift, 1), score: count * Math.log2(1 + lift) });
  }
  const words = (t: string) => t.split(' ').length;
  scored.sort((a, b) => b.score - a.score || b.count - a.count || words(b.term) - words(a.term) || a.term.localeCompare(b.term));
  const chosen: EvidenceTerm[] = [];
  for (const { score: _score, ...t } of scored) {
    if (chosen.length >= n) break;
    const inPhrase = !t.term.includes(' ') && chosen.some((c) => c.term.split(' ').includes(t.term) && c.count >= t.count);
    if (!inPhrase) chosen.push(t);
  }
  return chosen;
}

function shares(window: EvidenceFact[], keyOf: (f: MentionFact) => string): EvidenceShare[] {
  const counts = new Map<string, number>();
  for (const { fact } of window) counts.set(keyOf(fact), (counts.get(keyOf(fact)) ?? 0) + 1);
  return [...counts].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

export function explainAlert(input: ExplainInput): AlertEvidence {
  const { window, baseline } = input;
  const mentionCount = input.mentionCount ?? 3;
  const termCount = input.termCount ?? 5;
  const span = Math.max(0, input.baselineTo - input.baselineFrom);
  const slots = input.windowLength > 0 ? span / input.windowLength : 0;
  const baselineMean = slots >= 1 ? baseline.length / slots : 0;
  const sentiment = { negative: 0, neutral: 0, positive: 0 };
  for (const { fact } of window) sentiment[fact.sentiment]++;
  return {
    mentions: drivingMentions(
      window.map((w) => w.fact),
      mentionCount,
    ),
    phrases: contrastTerms(window, baseline, (f) => f.terms, termCount),
    topics: contrastTerms(window, baseline, (f) => [...new Set(f.fact.topics.map((t) => t.topic))], termCount),
    languages: shares(window, (f) => f.lang),
    sources: shares(window, (f) => f.sourceId),
    sentiment,
    volume: { count: window.length, baselineMean: round(baselineMean), ratio: baselineMean > 0 ? round(window.length / baselineMean, 1) : null },
    baseline: { from: new Date(input.baselineFrom).toISOString(), to: new Date(input.baselineTo).toISOString(), count: baseline.length },
  };
}
