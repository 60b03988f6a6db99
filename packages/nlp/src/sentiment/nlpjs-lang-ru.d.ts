// Types for the parts of @nlpjs/lang-ru (MIT, CommonJS, ships no types) that Earshot uses: the
// Snowball Russian stemmer and the stemmed Russian AFINN-style sentiment lexicon.
declare module '@nlpjs/lang-ru' {
  interface StemmerRuInstance {
    stemWord(word: string): string;
    /** Every word stemmed so far ("." + word → stem), kept by the stemmer without bound. */
    cache: Record<string, string>;
  }
  const langRu: {
    StemmerRu: new () => StemmerRuInstance;
    SentimentRu: { afinn: Record<string, string | number> };
  };
  export default langRu;
}
