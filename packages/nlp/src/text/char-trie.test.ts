import { describe, expect, it } from 'vitest';
import { createCharTrie, type CharTrie } from './char-trie.js';

/** The values met walking `word` from its first code unit (or its last, `backwards`), one per letter, until the trie has no child. */
function walk(trie: CharTrie, word: string, backwards = false): number[] {
  const met: number[] = [];
  for (let k = 0, node = 0; k < word.length; k++) {
    node = trie.child(node, word.charCodeAt(backwards ? word.length - 1 - k : k));
    if (node < 0) break;
    met.push(trie.value(node));
  }
  return met;
}

describe('createCharTrie', () => {
  it('finds each key letter by letter and stops where no key goes on', () => {
    const trie = createCharTrie([
      ['good', 1],
      ['goodness', 2],
      ['жаман', -1],
    ]);
    expect(walk(trie, 'goodnesses')).toEqual([0, 0, 0, 1, 0, 0, 0, 2]);
    expect(walk(trie, 'жаманы')).toEqual([0, 0, 0, 0, -1]);
    expect(walk(trie, 'bad')).toEqual([]);
    expect(trie.child(0, 'x'.charCodeAt(0))).toBe(-1);
  });

  it('spells keys from their end when asked, and merges the values of a key given twice', () => {
    const trie = createCharTrie(
      [
        ['ның', 1],
        ['ның', 4],
        ['ың', 2],
      ],
      { backwards: true, merge: (held, value) => held | value },
    );
    expect(walk(trie, 'каспидың', true)).toEqual([0, 2]);
    expect(walk(trie, 'банктың', true)).toEqual([0, 2]);
    expect(walk(trie, 'қазақтың', true)).toEqual([0, 2]);
    expect(walk(trie, 'елдің', true)).toEqual([0]);
    expect(walk(trie, 'каспиның', true)).toEqual([0, 2, 5]);
  });

  it('holds more nodes than a 32-bit key of node and letter could number', () => {
    // 40,000 keys of five letters each: some 200,000 nodes.
    const keys = Array.from({ length: 40_000 }, (_, i) => [`k${i.toString(36).padStart(4, '0')}`, i + 1] as const);
    const trie = createCharTrie(keys);
    for (const [key, value] of [keys[0]!, keys[12_345]!, keys[39_999]!]) expect(walk(trie, key).at(-1)).toBe(value);
  });
});
