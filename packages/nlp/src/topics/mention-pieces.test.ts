import { describe, expect, it } from 'vitest';
import { mentionPieces, PIECE_WORDS } from './mention-pieces.js';

const words = (n: number, from = 0): string => Array.from({ length: n }, (_, i) => `w${from + i}`).join(' ');
const EN = PIECE_WORDS.en!;

// Sentences written by us.
describe('the pieces a long mention is judged in', () => {
  it("judges a mention of up to its language's PIECE_WORDS words whole", () => {
    expect(mentionPieces('The courier came a week late. Nobody answered the phone. The price went up again.', 'en')).toBeUndefined();
    expect(mentionPieces(`${words(EN - 1)}. Short.`, 'en')).toBeUndefined();
    expect(mentionPieces(`${words(EN)}. Short.`, 'en')).toHaveLength(2);
  });

  it('cuts a longer one at its sentence ends, grouping sentences up to PIECE_WORDS words', () => {
    const a = 'The parcel with my new router arrived nine days after the date the shop had promised me.'; // 18 words
    const b = 'Support kept me on hold.'; // 5
    const c = 'The monthly price of the plan went up again without any warning from the company at all.'; // 17
    expect(mentionPieces(`${a} ${b} ${c}`, 'en')).toEqual([`${a} ${b}`, c]);
  });

  it('judges Hebrew and Estonian mentions whole: their topic texts are long', () => {
    const text = `${words(20)}. ${words(20, 20)}.`;
    expect(mentionPieces(text, 'en')).toHaveLength(2);
    expect(mentionPieces(text, 'ru')).toHaveLength(2);
    expect(mentionPieces(text, 'he')).toBeUndefined();
    expect(mentionPieces(text, 'et')).toBeUndefined();
    expect(mentionPieces(text, 'de')).toBeUndefined();
  });

  it('ends a sentence at a line break, as a feed item title ends, and skips parts without letters', () => {
    const title = 'Refund still missing after three weeks';
    const body = 'I returned the router to the shop in October and the refund of the full price has still not reached my card.';
    expect(mentionPieces(`${title}\n${body}\n---\n`, 'en')).toEqual([title, body]);
  });

  it('keeps a sentence longer than PIECE_WORDS whole, and one such sentence is the whole mention', () => {
    const long = words(40);
    expect(mentionPieces(long, 'en')).toBeUndefined();
    expect(mentionPieces(`${long}. Then the price went up.`, 'en')).toEqual([`${long}.`, 'Then the price went up.']);
  });

  it('counts words by any white space, as the regular expression class \\s does', () => {
    const list = words(EN + 1).split(' ');
    expect(mentionPieces(list.join('\u3000'), 'en')).toBeUndefined(); // one sentence
    expect(mentionPieces(`${list.slice(0, 13).join('\u00a0')}. ${list.slice(13).join('\t')}.`, 'en')).toHaveLength(2);
  });
});
