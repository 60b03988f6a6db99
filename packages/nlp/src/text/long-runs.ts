// Runs of non-space characters longer than any word: a link with a long query, a pasted blob, a
// word repeated without spaces. Some regular expressions (wink-nlp's tokenizer, our noise pattern's
// e-mail part) backtrack over such a run from each of its positions, quadratic in its length, so a
// single mention could hold its partition for minutes. Their callers find the runs here (one pass,
// no regex) and keep those expressions off them.

import { isSpace } from './tokenize.js';

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
