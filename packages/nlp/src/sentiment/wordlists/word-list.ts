// A language's longer polarity word list (wordlists/<lang>.ts): stems and phrases by polarity, which
// lexicons.ts adds to the language's core list.
export interface WordList {
  positive: readonly string[];
  negative: readonly string[];
}
