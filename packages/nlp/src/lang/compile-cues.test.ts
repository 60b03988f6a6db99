import { describe, expect, it } from 'vitest';
import { compileCues } from './compile-cues.js';

describe('compileCues', () => {
  it('looks words and endings up as the text is folded, however the list spells them', () => {
    // Detection meets folded tokens: Kazakh letters typed as their Russian look-alikes, no case, no
    // Latin diacritics. A list entry spelled with them must still match ("ғой" never did).
    const cues = compileCues({ letters: {}, words: { kk: ['ғой', 'Керемет'], tr: ['çok'] }, endings: { kk: ['ңыз'] }, fallback: 'ru' });
    expect(cues.wordLangs.get('гой')).toEqual(['kk']);
    expect(cues.wordLangs.get('керемет')).toEqual(['kk']);
    expect(cues.wordLangs.get('cok')).toEqual(['tr']);
    const endings = new Set<string>();
    cues.endingsOf('алыныз', endings);
    expect([...endings]).toEqual(['kk']);
  });
});
