// Information questions ("where is the nearest ATM?", "איפה נמצא הכספומט הקרוב?") ask, they do not
// judge. Models trained without a neutral class (Hebrew) or on complaint-heavy tweets (Russian) read
// a question's domain words as opinion, so the scorer calls a text neutral when it looks like an
// information question and no polar lexicon word occurs (NeutralRule.questions). A "why" question is
// not one: "why is my order still not here?" is a complaint. Measured in the ROUNDS.md
// (issue 10, round 7).

import type { PreparedText } from '../text/prepare-text.js';
import { fold } from '../text/fold.js';

export interface QuestionCues {
  /** Folded question words that ask for information: where, when, what time, how much, is there, anyone… */
  ask: ReadonlySet<string>;
  /** Folded first-person words: someone speaking for themselves, which a question about one's own order is. */
  self: ReadonlySet<string>;
  /** Folded words that make a question a reproach: why, what for. */
  why: ReadonlySet<string>;
}

const RAW: Record<string, { ask: string; self: string; why: string }> = {
  en: {
    ask: 'what whats when where wheres which who how anyone anybody does do is are can could will would',
    self: "i i'm im i've ive me my mine myself we we're our us",
    why: 'why',
  },
  ru: {
    ask: 'где когда куда откуда какой какая какое какие каком какую сколько во кто что ли можно подскажите скажите есть будет',
    self: 'я меня мне мной мой моя мое мои моих моим моей моего мы нас нам наш наша наше наши',
    why: 'почему зачем отчего',
  },
  kk: {
    ask: 'қайда қашан қалай қандай қай қанша неше нешеде кім не ма ме ба бе па пе бар',
    self: 'мен менің маған мені менде менен біз біздің бізге бізді бізде',
    why: 'неге неліктен',
  },
  he: {
    ask: 'איפה מתי איך איזה איזו אילו כמה מי מה האם מישהו יש אפשר',
    self: 'אני אנחנו אנו אותי אותנו לי לנו שלי שלנו ממני בי עליי',
    why: 'למה מדוע',
  },
  et: {
    ask: 'kas kus kuhu kust millal kuidas milline millised mis mitu kes kellel',
    self: 'mina ma minu mind mulle minul minult meie me meid meile meil',
    why: 'miks milleks',
  },
};

export function questionCuesFor(lang: string): QuestionCues | undefined {
  const raw = RAW[lang];
  if (!raw) return undefined;
  const set = (list: string) => new Set(list.split(' ').map(fold));
  return { ask: set(raw.ask), self: set(raw.self), why: set(raw.why) };
}

// One sentence that ends with "?" (repeated marks, closing quotes, brackets and spaces may follow):
// no sentence mark and no line break before the final question mark. A question after a statement
// ("The shop was closed again. Where is the manager?") is how people complain, so it does not count.
const ONE_QUESTION = /^[^.!?\n]*\?[?\s"'»”)\]]*$/u;
/** Longer questions carry their own story (and opinion) with them. */
const MAX_WORDS = 12;

/** True for one short sentence ending with "?" that uses a question word, no "why" and no first-person word. */
export function looksLikeQuestion(text: PreparedText, cues: QuestionCues): boolean {
  if (text.words.length > MAX_WORDS || !ONE_QUESTION.test(text.text.trim())) return false;
  let ask = false;
  for (const w of text.words) {
    if (cues.self.has(w) || cues.why.has(w)) return false;
    if (cues.ask.has(w)) ask = true;
  }
  return ask;
}
