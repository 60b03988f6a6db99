// A word typed in two scripts, read in one. Kazakh typed on a keyboard without і writes the Latin i
// ("бiрак", "жеткiзуi": 143 of the 20,000 Kazakh train texts of shared/data have such a word), and a
// brand name written with the other script's look-alike letter ("Kаspi" with a Cyrillic а, "Кaспи"
// with a Latin a) is hidden from a plain search. The analysis (@earshot/nlp fold.ts, prepare-text.ts,
// wink-sentiment.ts) and the stores' search (@earshot/store fts-query.ts searchText) both read such a
// word in its own script, so a brand query, a topic cue and a search find the same mentions.

/**
 * Lower-case Latin and Cyrillic letters that look alike: a Cyrillic word with a Latin one in it is
 * nearly always typed on a keyboard without that letter, and the other way round.
 */
const LATIN_LOOKALIKES: Readonly<Record<string, string>> = { a: 'а', c: 'с', e: 'е', h: 'һ', i: 'і', k: 'к', o: 'о', p: 'р', x: 'х', y: 'у' };
const CYRILLIC_LOOKALIKES: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(LATIN_LOOKALIKES).map(([l, c]) => [c, l]));
/** A Latin and a Cyrillic letter side by side, in either case: a word of mixed scripts. */
const MIXED_SCRIPTS = /[a-z][\u0400-\u04ff]|[\u0400-\u04ff][a-z]/i;
const LETTERS = /[\p{L}\p{M}]+/gu;

/** Whether text holds a word of mixed scripts, which inOneScript() reads in one. */
export function hasMixedScripts(text: string): boolean {
  return MIXED_SCRIPTS.test(text);
}

/**
 * `text` with each word of mixed scripts in one (inOneScript: such a word comes back in lower case,
 * the others as they are); the text itself when it has none, the usual case.
 */
export function withWordsInOneScript(text: string): string {
  if (!MIXED_SCRIPTS.test(text)) return text;
  return text.replace(LETTERS, (word) => {
    const lower = word.toLowerCase();
    const one = inOneScript(lower);
    return one === lower ? word : one;
  });
}

/**
 * A lower-case word holding both Latin and Cyrillic letters, in one script where the other script's
 * letters in it are all look-alikes of the first's: Cyrillic if its Latin letters are, else Latin if
 * its Cyrillic ones are; else, and any word of one script, as it is ("сбербанкonline" is two words glued).
 */
export function inOneScript(word: string): string {
  if (!MIXED_SCRIPTS.test(word)) return word;
  let latinAlike = true;
  let cyrillicAlike = true;
  for (let i = 0; i < word.length; i++) {
    const ch = word[i]!;
    if (ch >= 'a' && ch <= 'z') latinAlike &&= LATIN_LOOKALIKES[ch] !== undefined;
    else if (ch >= '\u0400' && ch <= '\u04ff') cyrillicAlike &&= CYRILLIC_LOOKALIKES[ch] !== undefined;
  }
  // Each table's keys are one script's letters, so the other script's pass through.
  const lookalikes = latinAlike ? LATIN_LOOKALIKES : cyrillicAlike ? CYRILLIC_LOOKALIKES : undefined;
  if (lookalikes === undefined) return word;
  let out = '';
  for (let i = 0; i < word.length; i++) out += lookalikes[word[i]!] ?? word[i];
  return out;
}
