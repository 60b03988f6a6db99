// Scores and confidences the analyzer hands out (sentiment and aspect scores, language confidences) carry three
// decimals: more digits are noise, and every enriched mention stored and indexed carries them.

export function threeDecimals(x: number): number {
  return Math.round(x * 1000) / 1000;
}
