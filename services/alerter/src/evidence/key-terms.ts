// The candidate phrases of a mention for an alert's evidence: its words (4+ letters, or any word
// with a digit or a # / @ prefix: model numbers, hashtags, handles), adjacent word pairs, and the
// word-of-mouth phrases the enricher found. No stopword lists: words that are common everywhere
// occur in the baseline as often as in the window, so the lift in explain-alert.ts ranks them low;
// `ignore` drops what is in every mention by construction (the brand's own name).
const WORD = /[#@]?[\p{L}\p{N}][\p{L}\p{N}'’_-]*/gu;
const MAX_TERMS = 60;

function isWordTerm(word: string): boolean {
  return word.length >= 4 || /[\d#@]/.test(word);
}

export function keyTerms(input: { title: string; text: string; phrases?: string[] }, ignore: ReadonlySet<string>): string[] {
  const words = `${input.title}\n${input.text}`.normalize('NFC').toLocaleLowerCase().match(WORD) ?? [];
  const terms = new Set<string>();
  for (const phrase of input.phrases ?? []) terms.add(phrase.toLocaleLowerCase());
  for (let i = 0; i < words.length && terms.size < MAX_TERMS; i++) {
    const word = words[i]!;
    if (ignore.has(word)) continue;
    if (isWordTerm(word)) terms.add(word);
    const next = words[i + 1];
    if (next && !ignore.has(next) && word.length >= 3 && next.length >= 3) terms.add(`${word} ${next}`);
  }
  return [...terms];
}

/** The words of a brand's name, lower-cased, for `ignore`. */
export function nameWords(name: string): Set<string> {
  return new Set(name.normalize('NFC').toLocaleLowerCase().match(WORD) ?? []);
}
