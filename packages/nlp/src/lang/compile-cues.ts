// Turns the readable cue lists of language-cues.ts into lookup tables, so detection does one map
// lookup per word instead of scanning every list.

import type { ScriptCues } from './language-cues.js';

export interface CompiledCues {
  letters: Record<string, string>;
  langs: string[];
  wordLangs: Map<string, string[]>;
  endingLangs: Map<string, string[]>;
  longestEnding: number;
  fallback: string;
}

export function compileCues(cues: ScriptCues): CompiledCues {
  const wordLangs = new Map<string, string[]>();
  for (const [lang, list] of Object.entries(cues.words)) {
    for (const w of new Set(list)) wordLangs.set(w, [...(wordLangs.get(w) ?? []), lang]);
  }
  const endingLangs = new Map<string, string[]>();
  let longestEnding = 0;
  for (const [lang, list] of Object.entries(cues.endings)) {
    for (const e of new Set(list)) {
      endingLangs.set(e, [...(endingLangs.get(e) ?? []), lang]);
      longestEnding = Math.max(longestEnding, e.length);
    }
  }
  return {
    letters: cues.letters,
    langs: Object.keys(cues.words),
    wordLangs,
    endingLangs,
    longestEnding,
    fallback: cues.fallback,
  };
}
