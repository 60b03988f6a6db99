// Turns one query word into a whole-token regular expression that also accepts the forms the word
// takes in running text: Russian and Kazakh case endings ("Сбербанка", "Каспиге"), Estonian and
// English endings ("Boltiga", "Nike's"), Hebrew one-letter prefixes ("לזארה", "ובאיקאה"), and the
// same word in the other script ("Kaspi" in "Каспиге"). `*` and `?` are wildcards.

import { fold, latinSkeleton } from '../text/fold.js';

/** Every derivational suffix followed by every inflection: a closed list, so no stray prefix matches. */
function derived(suffixes: string[], inflections: string[]): string[] {
  return suffixes.flatMap((suffix) => inflections.map((inflection) => suffix + inflection));
}

const CYRILLIC_ENDINGS = [
  // Russian noun and adjective case endings
  'а',
  'я',
  'у',
  'ю',
  'е',
  'ом',
  'ем',
  'ой',
  'ей',
  'ою',
  'ы',
  'и',
  'ов',
  'ев',
  'ам',
  'ям',
  'ами',
  'ями',
  'ах',
  'ях',
  'ого',
  'его',
  'ому',
  'ему',
  'ым',
  'им',
  'ую',
  'ая',
  'ое',
  'ые',
  'ых',
  'ими',
  'ыми',
  'овцы',
  // Russian adjectives derived from the name ("акмовский", "сбербанковские") in every case and number
  ...derived(['овск', 'евск'], ['ий', 'ая', 'ое', 'ие', 'ого', 'ой', 'ому', 'им', 'ом', 'ую', 'их', 'ими']),
  // Kazakh case, plural and possessive suffixes (folded: к for қ, г for ғ …)
  'га',
  'ге',
  'ка',
  'ке',
  'на',
  'не',
  'да',
  'де',
  'та',
  'те',
  'нда',
  'нде',
  'дан',
  'ден',
  'тан',
  'тен',
  'нан',
  'нен',
  'нын',
  'нин',
  'дын',
  'дин',
  'тын',
  'тин',
  'ны',
  'ни',
  'ды',
  'ди',
  'ты',
  'ти',
  'мен',
  'бен',
  'пен',
  'лар',
  'лер',
  'дар',
  'дер',
  'тар',
  'тер',
  'сы',
  'си',
  'ын',
  'ин',
  'дагы',
  'деги',
  'тагы',
  'теги',
  'гы',
  'ги',
  'кы',
  'ки',
  // Kazakh adjectives of belonging (-лық/-лік, -дық/-дік, -тық/-тік: "каспилік"), a case or plural
  // ending may follow as the second suffix ("каспиліктер")
  'лык',
  'лик',
  'дык',
  'дик',
  'тык',
  'тик',
];
const LATIN_ENDINGS = [
  "'s",
  's',
  'es',
  "'", // English possessive and plural
  'd',
  'id',
  'le',
  'lt',
  'l',
  'ga',
  'st',
  'sse',
  'ks',
  'ni',
  'ta',
  'de',
  'te', // Estonian case endings
  // Estonian adjectives in -lik ("boltilik") in their common cases and the plural
  ...derived(['lik'], ['', 'u', 'ku', 'ud', 'e', 'ke', 'us', 'ust', 'ule', 'uga', 'ult', 'kude']),
];
/** Estonian stems often gain a vowel before the ending (Äripäev → Äripäevast, Bolt → Boltiga). */
const LATIN_STEM_VOWEL = '[aeiu]';
const HEBREW_PREFIXES = '[ובלמשהכ]{0,3}';
const CYRILLIC_FINAL_VOWEL = /[аяоеьйыи]$/u;
/**
 * Names ending in -и (Kaspi, Кари) do not decline in Russian: a Russian vowel ending after the и
 * makes another word (Каспий → Каспия, Каспии, Каспием). Kazakh suffixes, which begin with a
 * consonant after a vowel (Каспиге, Каспидің), and consonant-initial derivations (Каспилік) apply.
 */
const INDECLINABLE_FINAL = /и$/u;
const VOWEL_START = /^[аяоеиыуюэ]/u;
const CONSONANT_FIRST_ENDINGS = CYRILLIC_ENDINGS.filter((e) => !VOWEL_START.test(e));

export interface TermPattern {
  /** Matches a folded token written in the term's own script. */
  native: RegExp;
  /** Matches the Latin skeleton of a token written in another script, or undefined. */
  crossScript: RegExp | undefined;
}

export function compileTerm(word: string): TermPattern {
  const folded = fold(word).replace(/[^\p{L}\p{N}\p{M}*?]/gu, '');
  const script = scriptOf(folded);
  const native = new RegExp(`^${affixed(folded, script)}$`, 'u');
  const skeleton = latinSkeleton(folded);
  const crossEndings = (list: readonly string[]) => alternation(script === 'latin' ? list.map(latinSkeleton) : LATIN_ENDINGS);
  const crossScript =
    script === 'hebrew' || !/[a-z]/.test(skeleton)
      ? undefined
      : script === 'latin' && skeleton.endsWith('i')
        ? new RegExp(`^${body(skeleton)}(?:(?:${crossEndings(CONSONANT_FIRST_ENDINGS)})(?:${crossEndings(CYRILLIC_ENDINGS)})?)?$`, 'u')
        : new RegExp(`^${body(skeleton)}(?:${crossEndings(CYRILLIC_ENDINGS)}){0,2}$`, 'u');
  return { native, crossScript };
}

type Script = 'latin' | 'cyrillic' | 'hebrew' | 'other';

export function scriptOf(folded: string): Script {
  if (/\p{Script=Cyrillic}/u.test(folded)) return 'cyrillic';
  if (/\p{Script=Hebrew}/u.test(folded)) return 'hebrew';
  if (/\p{Script=Latin}/u.test(folded)) return 'latin';
  return 'other';
}

function affixed(folded: string, script: Script): string {
  switch (script) {
    case 'cyrillic': {
      const endings = `(?:${alternation(CYRILLIC_ENDINGS)}){0,2}`;
      if (!folded.endsWith('*') && INDECLINABLE_FINAL.test(folded)) {
        return `${body(folded)}(?:(?:${alternation(CONSONANT_FIRST_ENDINGS)})(?:${alternation(CYRILLIC_ENDINGS)})?)?`;
      }
      if (!folded.endsWith('*') && CYRILLIC_FINAL_VOWEL.test(folded) && folded.length > 3) {
        return `(?:${body(folded)}|${body(folded.slice(0, -1))}${CYRILLIC_FINAL_VOWEL.source.slice(0, -1)}?)${endings}`;
      }
      return `${body(folded)}${endings}`;
    }
    case 'latin':
      return `${body(folded)}(?:${alternation(LATIN_ENDINGS)}|${LATIN_STEM_VOWEL}(?:${alternation(LATIN_ENDINGS)})?)?`;
    case 'hebrew':
      return `${HEBREW_PREFIXES}${body(folded)}`;
    default:
      return body(folded);
  }
}

function body(folded: string): string {
  return folded
    .split('')
    .map((ch) => (ch === '*' ? '[\\p{L}\\p{N}\\p{M}]*' : ch === '?' ? '[\\p{L}\\p{N}\\p{M}]' : escape(ch)))
    .join('');
}

function alternation(list: readonly string[]): string {
  return [...new Set(list)]
    .filter((e) => e !== '')
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|');
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
