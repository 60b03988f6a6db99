// Splits text into lower-cased word tokens the same way for every component (sentiment features,
// topics, signals, language cues), so a word found by one is found by all. Hebrew niqqud and
// cantillation marks are dropped; apostrophes inside words ("don't", "Kaspi'ге") are kept.

const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:['’][\p{L}\p{M}]+)*|\p{Extended_Pictographic}|[:;]-?[()DPp]/gu;
const HEBREW_POINTS = /[\u0591-\u05C7]/g;

export interface Token {
  /** Lower-cased, NFC, Hebrew points removed, ’ normalised to '. */
  text: string;
  start: number;
  end: number;
}

export function normalizeText(text: string): string {
  return text.normalize('NFC').replace(HEBREW_POINTS, '').toLowerCase();
}

export function tokenize(text: string): Token[] {
  const norm = normalizeText(text);
  const out: Token[] = [];
  for (const m of norm.matchAll(WORD)) {
    const start = m.index ?? 0;
    out.push({ text: m[0].replace(/’/g, "'"), start, end: start + m[0].length });
  }
  return out;
}

export function words(text: string): string[] {
  return tokenize(text).map((t) => t.text);
}

const CLAUSE_BREAK = /[.!?;,:\n…()]|\s[-–—]\s/u;
const CONTRAST = new Set(['but', 'however', 'although', 'though', 'yet', 'whereas', 'но', 'а', 'зато', 'однако', 'хотя',
  'бирак', 'бірақ', 'алайда', 'әйтсе', 'אבל', 'אך', 'ואילו', 'aga', 'kuid', 'ent', 'samas', 'kuigi']);

/**
 * Clause number of each token: a new clause starts after punctuation or at a contrastive
 * conjunction ("but", "но", "бірақ", "אבל", "aga"), so aspects can be judged locally.
 */
export function clauseIds(text: string, tokens: readonly Token[]): number[] {
  const norm = normalizeText(text);
  const ids: number[] = [];
  let clause = 0;
  let prevEnd = 0;
  for (const t of tokens) {
    if (ids.length > 0 && (CLAUSE_BREAK.test(norm.slice(prevEnd, t.start)) || CONTRAST.has(t.text))) clause++;
    ids.push(clause);
    prevEnd = t.end;
  }
  return ids;
}
