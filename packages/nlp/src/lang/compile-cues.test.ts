import { describe, expect, it } from 'vitest';
import { compileCues } from './compile-cues.js';

describe('compileCues', () => {
  it('looks words and endings up as the text is folded, however the list spells them', () => {
    // Detection meets folded tokens: Kazakh letters typed as their Russian look-alikes, no case, no
    // Latin diacritics. A list entry spelled with them must still match ("ғой" never did).
    const cues = compileCues({ letters: {}, words: { kk: ['ғой', 'Керемет'], tr: ['çok'] }, endings: { kk: ['ңыз'] }, fallback: 'ru' });
    const langsOf = (mask: number | undefined): string[] => cues.langs.filter((_, l) => ((mask ?? 0) >>> l) & 1);
    expect(langsOf(cues.wordMask.get('гой'))).toEqual(['kk']);
    expect(langsOf(cues.wordMask.get('керемет'))).toEqual(['kk']);
    expect(langsOf(cues.wordMask.get('cok'))).toEqual(['tr']);
    expect(langsOf(cues.endingsOf('алыныз'))).toEqual(['kk']);
  });

  it('folds the sentiment stems too, so a Kazakh stem spelled with its own letters is evidence', () => {
    // "өкініш" (regret) reaches detection as the folded token "окиниш…"; unfolded, the stem never matched.
    const cues = compileCues({ letters: {}, words: { kk: [], ru: [] }, endings: {}, fallback: 'ru' }, { kk: ['өкініш'], ru: ['ужас'] });
    const langsOf = (mask: number): string[] => cues.langs.filter((_, l) => (mask >>> l) & 1);
    expect(langsOf(cues.stemsOf('окиништи'))).toEqual(['kk']);
    expect(langsOf(cues.stemsOf('ужасно'))).toEqual(['ru']);
  });
});
