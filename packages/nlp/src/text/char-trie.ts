// A trie of strings over their UTF-16 code units, for the lookups that walk a word letter by letter:
// the lexicons' polar stems (the longest a word starts with) and the language cues' endings and
// stems (every one a word ends or starts with). Each edge (node, code unit) → child is a slot of one
// open-addressing table of typed arrays, so a step costs a multiply and an array read, not a map
// per node (ROUNDS.md round 45).

export interface CharTrie {
  /** The child of `node` by the code unit `code`, or -1 if none; the root is node 0. */
  child(node: number, code: number): number;
  /** What the keys ending at `node` put there (0 if none). */
  value(node: number): number;
}

const NONE = -1;

/**
 * `entries`: each key and its value, a non-zero 32-bit integer; `backwards` spells keys from their
 * last code unit (endings); where two keys are the same, `merge` says what their node holds (by
 * default the last one's value).
 */
export function createCharTrie(
  entries: Iterable<readonly [string, number]>,
  options: { backwards?: boolean; merge?: (held: number, value: number) => number } = {},
): CharTrie {
  const list = [...entries];
  let edges = 0;
  for (const [key] of list) edges += key.length;
  let size = 16;
  while (size < edges * 2) size *= 2;
  const shift = 32 - Math.log2(size);
  const parents = new Int32Array(size).fill(NONE);
  const codes = new Uint16Array(size);
  const children = new Int32Array(size);
  const values: number[] = [0];
  const slotOf = (node: number, code: number): number => {
    let slot = Math.imul((node * 0x10000 + code) | 0, 0x9e3779b1) >>> shift;
    while (parents[slot] !== NONE && (parents[slot] !== node || codes[slot] !== code)) slot = (slot + 1) & (size - 1);
    return slot;
  };
  const merge = options.merge ?? ((_held: number, value: number) => value);
  for (const [key, value] of list) {
    let node = 0;
    for (let k = 0; k < key.length; k++) {
      const code = key.charCodeAt(options.backwards ? key.length - 1 - k : k);
      const slot = slotOf(node, code);
      if (parents[slot] === NONE) {
        parents[slot] = node;
        codes[slot] = code;
        children[slot] = values.push(0) - 1;
      }
      node = children[slot]!;
    }
    values[node] = values[node] === 0 ? value : merge(values[node]!, value);
  }
  const nodeValues = Int32Array.from(values);
  return {
    child(node, code) {
      const slot = slotOf(node, code);
      return parents[slot] === NONE ? NONE : children[slot]!;
    },
    value: (node) => nodeValues[node]!,
  };
}
