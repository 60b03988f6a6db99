// What language identification leaves out of a text: links, e-mail addresses, handles and hashtags,
// and the {link} placeholder the shared tweets carry in place of their links. They say where a text
// was posted (tweets or reviews), not the language it is written in; the cue words skip them
// (detect-language.ts) and the Russian-or-Kazakh classifier never sees them (cyrillic-classifier.ts).

import { longRuns } from '../text/long-runs.js';

// NOISE's parts, named so that long runs can be searched without the e-mail part (noiseSpans).
const LINKS_AND_TAGS = String.raw`https?:\/\/\S+|www\.\S+|[@#][\p{L}\p{N}_]+`;
const EMAIL = String.raw`\S+@\S+\.\S+`;
const PLACEHOLDER = String.raw`\{link\}`;
export const NOISE = new RegExp(`${LINKS_AND_TAGS}|${EMAIL}|${PLACEHOLDER}`, 'gu');

/** A cheap test for whether NOISE can match at all (most mentions hold no link or handle). */
export const NOISE_HINT = /[@#{]|www\.|https?:/;

/**
 * NOISE's e-mail pattern backtracks over a whole run of non-space characters from each of its
 * positions: quadratic in the run's length (a 100,000-character run took 4 s). No e-mail address is
 * longer than this (RFC 5321: 254), so longer runs are searched without it.
 */
export const MAX_NOISE_RUN = 256;
const NOISE_WITHOUT_EMAIL = new RegExp(`${LINKS_AND_TAGS}|${PLACEHOLDER}`, 'gu');

/** [start, end) pairs of NOISE's matches in `text`, flattened, in order; usually empty. */
export function noiseSpans(text: string): number[] {
  if (!NOISE_HINT.test(text)) return [];
  const spans: number[] = [];
  const add = (part: string, offset: number, pattern: RegExp): void => {
    for (const m of part.matchAll(pattern)) spans.push(offset + m.index, offset + m.index + m[0].length);
  };
  const runs = longRuns(text, MAX_NOISE_RUN);
  if (runs.length === 0) {
    add(text, 0, NOISE);
    return spans;
  }
  // No match crosses a space, so the text can be searched piece by piece: between long runs with
  // NOISE as a whole, each long run without the e-mail pattern.
  let from = 0;
  for (let i = 0; i < runs.length; i += 2) {
    add(text.slice(from, runs[i]), from, NOISE);
    add(text.slice(runs[i], runs[i + 1]), runs[i]!, NOISE_WITHOUT_EMAIL);
    from = runs[i + 1]!;
  }
  add(text.slice(from), from, NOISE);
  return spans;
}

/** The text with every NOISE match replaced by a space. */
export function withoutNoise(text: string): string {
  const spans = noiseSpans(text);
  if (spans.length === 0) return text;
  let out = '';
  let from = 0;
  for (let i = 0; i < spans.length; i += 2) {
    out += `${text.slice(from, spans[i])} `;
    from = spans[i + 1]!;
  }
  return out + text.slice(from);
}
