// Classification metrics for sentiment evaluation: accuracy, per-label F1, macro-F1 over the labels
// the gold data actually uses (English and Hebrew have no neutral), and the confusion matrix.

export interface ClassificationReport {
  n: number;
  accuracy: number;
  macroF1: number;
  labels: string[];
  f1: Record<string, number>;
  /** confusion[gold][predicted] */
  confusion: Record<string, Record<string, number>>;
}

const ALL_LABELS = ['negative', 'neutral', 'positive'];

export function classificationReport(pairs: { gold: string; predicted: string }[]): ClassificationReport {
  const labels = ALL_LABELS.filter((l) => pairs.some((p) => p.gold === l));
  const confusion: Record<string, Record<string, number>> = {};
  for (const g of labels) confusion[g] = Object.fromEntries(ALL_LABELS.map((l) => [l, 0]));
  let correct = 0;
  for (const { gold, predicted } of pairs) {
    const row = confusion[gold];
    if (row) row[predicted] = (row[predicted] ?? 0) + 1;
    if (gold === predicted) correct++;
  }
  const f1: Record<string, number> = {};
  for (const l of labels) {
    const tp = confusion[l]?.[l] ?? 0;
    const goldN = pairs.filter((p) => p.gold === l).length;
    const predN = pairs.filter((p) => p.predicted === l).length;
    const precision = predN === 0 ? 0 : tp / predN;
    const recall = goldN === 0 ? 0 : tp / goldN;
    f1[l] = precision + recall === 0 ? 0 : round((2 * precision * recall) / (precision + recall));
  }
  const macroF1 = labels.length === 0 ? 0 : round(labels.reduce((s, l) => s + (f1[l] ?? 0), 0) / labels.length);
  return { n: pairs.length, accuracy: pairs.length === 0 ? 0 : round(correct / pairs.length), macroF1, labels, f1, confusion };
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}
