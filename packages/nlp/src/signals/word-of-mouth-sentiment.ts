// What a mention's word of mouth (detect-word-of-mouth.ts) does to its sentiment: telling others not
// to buy is negative whatever the wording, recommending to them positive. The language pipeline
// applies it before topics take the sentiment as the mention's (language-pipeline.ts).
import type { Sentiment, WordOfMouth } from '../types.js';

/** Least strength of the sentiment of a mention that warns or recommends. */
const WOM_FLOOR = 0.3;

/**
 * The label is decided here too, not only the score: a neutral rule may have called a clearly negative
 * score neutral (a complaint that names a time reads like an announcement), and a warning is an opinion.
 */
export function withWordOfMouth(sentiment: Sentiment, signals: WordOfMouth): Sentiment {
  if (signals.warning && !signals.recommendation && (sentiment.label !== 'negative' || sentiment.score > -WOM_FLOOR))
    return { label: 'negative', score: Math.min(sentiment.score, -WOM_FLOOR) };
  if (signals.recommendation && !signals.warning && (sentiment.label !== 'positive' || sentiment.score < WOM_FLOOR))
    return { label: 'positive', score: Math.max(sentiment.score, WOM_FLOOR) };
  return sentiment;
}
