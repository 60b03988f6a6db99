// Whether a feed's stated language holds for its items. Many feeds say en-US whatever they carry (a
// content system's default), and the analyzer trusts a hint over a detection it is unsure of, so a
// wrong tag would misread every short headline of the feed: an Estonian feed saying en-US has 127
// of 1,111 short Estonian sentences read as English (ROUNDS.md, round 11). A feed brings many items at
// once, and the items whose language is clear are the evidence: when most of them are in another
// language, the tag does not stand for the others either (ROUNDS.md, round 12).

import { CLEAR_CONFIDENCE, detectLanguage } from './detect-language.js';
import { languageOfTag } from './language-tag.js';

/** Clear items needed before a tag is doubted: one or two say little about a whole feed. */
const MIN_CLEAR = 3;

/**
 * False when at least MIN_CLEAR of the texts are clearly in some language and fewer than half of
 * those are in the tag's. A tag that names no language holds (the analyzer ignores it anyway).
 */
export function statedLanguageHolds(tag: string, texts: Iterable<string>): boolean {
  const stated = languageOfTag(tag);
  if (stated === undefined) return true;
  let clear = 0;
  let agree = 0;
  for (const text of texts) {
    const detected = detectLanguage(text);
    if (detected.lang === 'und' || detected.confidence < CLEAR_CONFIDENCE) continue;
    clear++;
    if (detected.lang === stated) agree++;
  }
  return clear < MIN_CLEAR || 2 * agree >= clear;
}
