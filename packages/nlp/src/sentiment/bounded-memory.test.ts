import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createRussianAfinn } from './russian-afinn.js';
import { createWinkSentiment } from './wink-sentiment.js';

// wink-nlp and the nlp.js stemmer keep every new word they meet for good; a long-running analyzer
// sees new words without end (names, typos, handles). Measured in a child process with the garbage
// collector exposed: how the heap grows over 150,000 texts of never-seen words, with our bounds and without.
const probe = (module: string, make: string, call: string): number => {
  const code = `
    import { ${make.split('(')[0]} } from ${JSON.stringify(fileURLToPath(new URL(module, import.meta.url)))};
    const scorer = ${make};
    let id = 0;
    const word = (letters) => { let n = id++, s = ''; do { s += letters[n % 16]; n = Math.floor(n / 16); } while (n > 0); return s; };
    const heap = () => { gc(); gc(); return process.memoryUsage().heapUsed; };
    const after = [];
    for (let chunk = 0; chunk < 8; chunk++) {
      for (let i = 0; i < 25000; i++) ${call};
      after.push(heap());
    }
    console.log((after[7] - after[1]) / 1e6);`;
  const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', '--input-type=module', '-e', code], { encoding: 'utf8' });
  return Number(out.trim());
};

describe('memory of a long-running analyzer', () => {
  it('scores the same after starting afresh', () => {
    // Our sentences.
    const english = ['The courier was not late at all', 'Terrible service, never again!', 'Nice shop, friendly staff'];
    const russian = [
      ['отличное', 'обслуживание'],
      ['ужасная', 'связь', 'опять'],
      ['спасибо', 'банку'],
    ];
    const wink = createWinkSentiment();
    const recycled = createWinkSentiment({ recycleAfter: 2 });
    const afinn = createRussianAfinn();
    const restarted = createRussianAfinn({ stemsKept: 2 });
    for (let round = 0; round < 3; round++) {
      expect(english.map((t) => recycled.score(t))).toEqual(english.map((t) => wink.score(t)));
      expect(russian.map((w) => restarted.sum(w))).toEqual(russian.map((w) => afinn.sum(w)));
    }
    expect(english.map((t) => wink.score(t)).some((s) => s !== 0)).toBe(true);
    expect(russian.map((w) => afinn.sum(w)).some((s) => s !== 0)).toBe(true);
  });

  it('stays bounded in wink-nlp: English words never seen before are let go', () => {
    const call = `scorer.score('The service was great ' + word('bcdfghklmnprstvz') + 'o ' + word('bcdfghklmnprstvz') + 'a')`;
    const unbounded = probe('./wink-sentiment.ts', 'createWinkSentiment({ recycleAfter: Infinity })', call);
    const bounded = probe('./wink-sentiment.ts', 'createWinkSentiment({ recycleAfter: 20000 })', call);
    expect(unbounded).toBeGreaterThan(10);
    expect(bounded).toBeLessThan(unbounded / 3);
  }, 60_000);

  it('stays bounded in the Russian stemmer: Russian words never seen before are let go', () => {
    const call = `scorer.sum(['обслуживание', word('бвгджзклмнпрстфх') + 'ом', word('бвгджзклмнпрстфх') + 'ов'])`;
    const unbounded = probe('./russian-afinn.ts', 'createRussianAfinn({ stemsKept: Infinity })', call);
    const bounded = probe('./russian-afinn.ts', 'createRussianAfinn({ stemsKept: 20000 })', call);
    expect(unbounded).toBeGreaterThan(10);
    expect(bounded).toBeLessThan(unbounded / 3);
  }, 60_000);
});
