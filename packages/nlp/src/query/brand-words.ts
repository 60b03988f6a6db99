// The words a brand is called by, taken from its query and its name: what a glued handle or
// hashtag ("@AcmeSupport", "#акмеживи") is checked against. Words under NOT are not the brand's
// names, and wildcard terms are patterns, not names, so both are left out.

import { fold } from '../text/fold.js';
import type { QueryNode } from './query-ast.js';

/** Folded letters and digits only: "Acme Corp" → "acmecorp". */
export function compactWord(text: string): string {
  return fold(text).replace(/[^\p{L}\p{N}]/gu, '');
}

export function brandWords(root: QueryNode, name: string): string[] {
  const out = new Set<string>();
  const add = (word: string) => {
    const compact = compactWord(word);
    if (compact.length >= 2) out.add(compact);
  };
  const walk = (node: QueryNode): void => {
    switch (node.type) {
      case 'term':
        if (!/[*?]/.test(node.value)) add(node.value);
        return;
      case 'phrase':
        if (!node.words.some((w) => /[*?]/.test(w))) add(node.words.join(''));
        return;
      case 'and':
      case 'or':
        node.children.forEach(walk);
        return;
      case 'near':
        walk(node.left);
        walk(node.right);
        return;
      case 'not':
        return;
    }
  };
  walk(root);
  add(name);
  return [...out];
}
