import { describe, expect, it } from 'vitest';
import { compileCues, type CompiledCues } from './compile-cues.js';

/** The languages whose bits a cue mask sets. */
function langsOf(cues: CompiledCues, mask: number | undefined): string[] {
  return cues.langs.filter((_, l) => ((mask ?? 0) >>> l) & 1);
}

describe('compileCues', () => {
  it('looks words and endings up as the text is folded, however the list spells them', () => {
    // Detection meets folded tokens: Kazakh letters typed as their Russian look-alikes, no case, no
    // Latin diacritics. A list entry spelled with them must still match ("ғой" never did).
    const cues = compileCues({ letters: {}, words: { kk: ['ғой', 'Керемет'], tr: ['çok'] }, endings: { kk: ['ңыз'] }, fallback: 'ru' });
    expect(langsOf(cues, cues.wordMask.get('гой'))).toEqual(['kk']);
    expect(langsOf(cues, cues.wordMask.get('керемет'))).toEqual(['kk']);
    expect(langsOf(cues, cues.wordMask.get('cok'))).toEqual(['tr']);
    expect(langsOf(cues, cues.endingsOf('алыныз'))).toEqual(['kk']);
  });

  it('folds the sentiment stems too, so a Kazakh stem spelled with its own letters is evidence', () => {
    // "өкініш" (regret) reaches detection as the folded token "окиниш…"; unfolded, the stem never matched.
    const cues = compileCues({ letters: {}, words: { kk: [], ru: [] }, endings: {}, fallback: 'ru' }, { kk: ['өкініш'], ru: ['ужас'] });
    expect(langsOf(cues, cues.stemsOf('окиништи'))).toEqual(['kk']);
    expect(langsOf(cues, cues.stemsOf('ужасно'))).toEqual(['ru']);
  });
});
