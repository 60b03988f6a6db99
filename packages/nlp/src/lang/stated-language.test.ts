import { describe, expect, it } from 'vitest';
import { statedLanguageHolds } from './stated-language.js';

// Our own sentences: items of an Estonian feed, and of an English one.
const ESTONIAN = [
  'Nordteli hinnad tõusevad\nNordtel tõstis jaanuarist kiudvõrgu hinda kolm eurot kuus.',
  'Rike Tartus\nNordteli mobiilne internet oli eile terve õhtu maas, aga keegi ei teavitanud meid sellest.',
  'Uus pood\nNordteli uus pood avatakse reedel Tartus ning seal saab ka telefone parandada.',
  'Nordteli teenus on aeglane\n',
];
const ENGLISH = [
  'Nordtel raises prices\nNordtel will charge three euros more for fibre from January, the company said.',
  'Outage in Tartu\nThe mobile internet was down all evening and nobody told us about it.',
];

describe('statedLanguageHolds', () => {
  it('doubts a tag when most items whose language is clear are in another language', () => {
    expect(statedLanguageHolds('en-US', ESTONIAN)).toBe(false);
    expect(statedLanguageHolds('et-EE', ESTONIAN)).toBe(true);
    expect(statedLanguageHolds('et', [...ESTONIAN, ...ENGLISH])).toBe(true);
  });

  it('keeps a tag that two clear items cannot outvote, or that names no language', () => {
    expect(statedLanguageHolds('et', ENGLISH)).toBe(true);
    expect(statedLanguageHolds('x-default', ESTONIAN)).toBe(true);
    expect(statedLanguageHolds('en', [])).toBe(true);
  });

  it('reads the tag as feeds write it', () => {
    expect(statedLanguageHolds('en_GB', ENGLISH.concat(ENGLISH))).toBe(true);
    expect(statedLanguageHolds('EN-gb', ESTONIAN)).toBe(false);
  });
});
