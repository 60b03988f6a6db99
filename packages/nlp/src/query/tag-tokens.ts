// Handles and hashtags in running text ("@Acme_KZ", "#acme2026"), and the rule that decides whether
// one carries a brand name glued to other letters. A name counts at the start or the end of the tag,
// never in the middle ("@macmedia" is not Acme), and only where a word could begin or end there:
// at an explicit boundary (an underscore, a digit, a change of case as in "AcmeSupport" or the end
// of a capitals run as in "MTSmusic", a change of script), or — for names of four letters or more — before or after at least two more letters
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
    const chars = readChars(raw);
    let folded = '';
    const boundaries = new Set<number>();
    chars.forEach((c, i) => {
      const prev = chars[i - 1];
      if (prev) {
        const lowerToUpper = c.upper && !prev.upper;
        // The end of a capitals run: "MTSmusic" → MTS|music, "МТСМузыка" → МТС|Музыка.
        const capsEnd = !c.upper && c.kind !== 'digit' && prev.upper && chars[i - 2]?.upper === true;
        if (c.breakBefore || c.kind !== prev.kind || lowerToUpper) boundaries.add(folded.length);
        if (capsEnd) {
          boundaries.add(folded.length);
          boundaries.add(folded.length - prev.piece.length);
        }
      }
      folded += c.piece;
    });
    if (folded) out.push({ sigil: m[2] as '@' | '#', raw, folded, boundaries });
  }
  return out;
}

interface TagChar {
  piece: string;
  kind: string;
  upper: boolean;
  /** An underscore came before it. */
  breakBefore: boolean;
}

function readChars(raw: string): TagChar[] {
  const chars: TagChar[] = [];
  let pendingBreak = false;
  for (const ch of raw) {
    if (ch === '_') {
      pendingBreak = true;
      continue;
    }
    const piece = fold(ch).replace(/[^\p{L}\p{N}]/gu, '');
    if (!piece) continue;
    chars.push({ piece, kind: /\p{N}/u.test(ch) ? 'digit' : scriptKind(ch), upper: ch !== ch.toLowerCase(), breakBefore: pendingBreak });
    pendingBreak = false;
  }
  return chars;
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
