// A long mention's topics are judged piece by piece. The topic model reads a text's features
// L2-normalised, so in a mention that says three things each of them weighs a third as much as it
// would alone, and the model learned from texts of a sentence or two (nine in ten English, Russian and
// Kazakh topic texts have at most 23 words): in cross-validation, three topic texts joined into one
// mention had micro recall 0.44 where the three alone had 0.67 (ROUNDS.md round 29). So a mention
// longer than its language's PIECE_WORDS is cut at its sentence ends into pieces of at most that many
// words (consecutive sentences grouped, a longer sentence kept whole), and a topic any piece is tagged
// with is the mention's (topics/tag-topics.ts; cross-validation the same way: train-topic-model.ts
// predictTopicMasks). A mention that reads more likely as a news or blog feed item is judged whole.

import { isSpace } from '../text/tokenize.js';

/**
 * Words a mention may have and still be judged whole, and the most a piece groups, in the languages
 * whose topic texts are short (shared/data/topics/dev: nine in ten have at most 23 English, 21 Russian,
 * 20 Kazakh words). Hebrew comments and Estonian news paragraphs are long (49 and 55 words), their
 * model learned from them as they are, and a Hebrew or Estonian mention is judged whole. ROUNDS.md
 * round 29 (20, 25, 30 and 40 words measured; Hebrew in pieces of 25 and of 50).
 */
export const PIECE_WORDS: Readonly<Record<string, number>> = { en: 25, ru: 25, kk: 25 };

/**
 * Whether a long mention with this feed-item probability (feed-items.ts) is tagged in pieces: a customer's
 * text says several things, a news or blog item more likely than not (0.5) says one story at length.
 */
export function inPieces(feedItemProbability: number): boolean {
  return feedItemProbability < 0.5;
}

/** After ". ", "! ", "? ", "… " and at line breaks: where a feed item's title ends, too. */
const SENTENCE_END = /(?<=[.!?…])\s+|\n+/;
const LETTER = /\p{L}/u;

/** The pieces a mention's topics are judged in, or undefined when it is judged whole (short, one sentence, or its language's texts are long). */
export function mentionPieces(text: string, lang: string): string[] | undefined {
  const most = PIECE_WORDS[lang];
  if (most === undefined || wordCount(text) <= most) return undefined;
  const pieces: string[] = [];
  let current: string[] = [];
  let words = 0;
  for (const part of text.split(SENTENCE_END)) {
    const sentence = part.trim();
    if (!LETTER.test(sentence)) continue;
    const n = wordCount(sentence);
    if (current.length > 0 && words + n > most) {
      pieces.push(current.join(' '));
      current = [];
      words = 0;
    }
    current.push(sentence);
    words += n;
  }
  if (current.length > 0) pieces.push(current.join(' '));
  return pieces.length > 1 ? pieces : undefined;
}

/** Words as separated by white space (what PIECE_WORDS counts), without splitting the text. */
function wordCount(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = isSpace(text.charCodeAt(i));
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}
