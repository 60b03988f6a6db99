// Handles and hashtags in running text ("@Acme_KZ", "#acme2026"), and the rule that decides whether
// one carries a brand name glued to other letters. A name counts at the start or the end of the tag,
// never in the middle ("@macmedia" is not Acme), and only where a word could begin or end there:
// at an explicit boundary (an underscore, a digit, a change of case as in "AcmeSupport", a change
// of script), or — for names of four letters or more — before or after at least two more letters
// ("@acmeru", "#акмеживи"), so that one stray letter ("#primi" for Rimi) is not enough.

import { fold } from '../text/fold.js';

export interface TagToken {
  sigil: '@' | '#';
  /** As written, without the sigil. */
  raw: string;
  /** Folded letters and digits only. */
  folded: string;
  /** Positions in `folded` where a word may start by the explicit-boundary rule. */
  boundaries: Set<number>;
}

const TAG = /(^|[^\p{L}\p{N}_@#])([@#])([\p{L}\p{N}\p{M}_]+)/gu;
const MIN_NAME_FOR_SOFT_BOUNDARY = 4;
const MIN_REMAINDER = 2;

export function tagTokens(text: string): TagToken[] {
  const out: TagToken[] = [];
  for (const m of text.normalize('NFC').matchAll(TAG)) {
    const raw = m[3]!;
    let folded = '';
    const boundaries = new Set<number>();
    let prev: { kind: string; upper: boolean } | undefined;
    let pendingBreak = false;
    for (const ch of raw) {
      if (ch === '_') { pendingBreak = true; continue; }
      const piece = fold(ch).replace(/[^\p{L}\p{N}]/gu, '');
      if (!piece) continue;
      const kind = /\p{N}/u.test(ch) ? 'digit' : scriptKind(ch);
      const upper = ch !== ch.toLowerCase();
      if (prev && (pendingBreak || kind !== prev.kind || (upper && !prev.upper))) boundaries.add(folded.length);
      folded += piece;
      prev = { kind, upper };
      pendingBreak = false;
    }
    if (folded) out.push({ sigil: m[2] as '@' | '#', raw, folded, boundaries });
  }
  return out;
}

function scriptKind(ch: string): string {
  if (/\p{Script=Cyrillic}/u.test(ch)) return 'cyrillic';
  if (/\p{Script=Latin}/u.test(ch)) return 'latin';
  if (/\p{Script=Hebrew}/u.test(ch)) return 'hebrew';
  return 'other';
}

/** Whether the tag is the name, or carries it at its start or end by the rule above. */
export function tagCarriesName(tag: TagToken, name: string): boolean {
  const { folded, boundaries } = tag;
  if (folded === name) return true;
  if (name.length >= folded.length) return false;
  const soft = name.length >= MIN_NAME_FOR_SOFT_BOUNDARY;
  if (folded.startsWith(name)) {
    const rest = folded.length - name.length;
    if (boundaries.has(name.length) || (soft && rest >= MIN_REMAINDER && /\p{L}/u.test(folded[name.length]!))) return true;
  }
  if (folded.endsWith(name)) {
    const start = folded.length - name.length;
    if (boundaries.has(start) || (soft && start >= MIN_REMAINDER && /\p{L}/u.test(folded[start - 1]!))) return true;
  }
  return false;
}
