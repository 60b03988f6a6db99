// Runs of non-space characters longer than any word: a link with a long query, a pasted blob, a
// word repeated without spaces. Some regular expressions (wink-nlp's tokenizer, our noise pattern's
// e-mail part) backtrack over such a run from each of its positions, quadratic in its length, so a
// single mention could hold its partition for minutes. Their callers find the runs here (one pass,
// no regex) and keep those expressions off them.

/** Whitespace as JavaScript's /\s/ reads it. */
export function isSpace(code: number): boolean {
  return (
    code === 0x20 ||
    (code >= 0x09 && code <= 0x0d) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** [start, end) of each run of more than `longerThan` non-space characters, flattened; usually empty. */
export function longRuns(text: string, longerThan: number): number[] {
  const runs: number[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && !isSpace(text.charCodeAt(i))) continue;
    if (i - start > longerThan) runs.push(start, i);
    start = i + 1;
  }
  return runs;
}
