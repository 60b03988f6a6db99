// How large a brand query may be. Queries come from people, who write a few dozen words; the limits
// turn a mistake (a pasted document, a generated list of thousands of names, runaway nesting) into
// a clear QueryParseError at config check instead of a stack overflow, a regular expression too
// large to build, or a matcher that spends seconds on every item the collector reads (20,000 ORed
// terms: 13 s for one 60,000-character item).

export const QUERY_LIMITS = {
  /** Characters in the whole query. */
  maxLength: 10_000,
  /** Characters in one term (a word, with its wildcards). */
  maxTermLength: 100,
  /** Words in one quoted phrase. */
  maxPhraseWords: 20,
  /** Terms and phrases in the whole query. */
  maxTerms: 1_000,
  /** Parentheses and NOTs nested inside each other. */
  maxDepth: 32,
} as const;
