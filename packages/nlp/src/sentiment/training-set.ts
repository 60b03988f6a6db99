// What each language's sentiment model is trained on: all of shared/data/sentiment/dev/<lang>.jsonl,
// plus the rows of shared/data/sentiment/train/<lang>.jsonl where LANGUAGE_SETTINGS says adding them
// helped in cross-validation ('all' rows; only the 'polar' ones where train has a neutral class dev
// lacks; or only the rows from the sources dev comes from, 'sameSources'), each weighted
// `trainWeight`. scripts/train.ts and the benchmark both read it, so what is measured is what ships.

import type { LabeledExample } from '../eval/read-labeled.js';
import { readLabeledFile } from '../eval/read-labeled.js';
import { sharedDataFile } from '../eval/shared-dir.js';
import { LANGUAGE_SETTINGS, type LanguageSettings } from './language-features.js';
import { mulberry32 } from './train-linear-model.js';

export type ExtraData = NonNullable<LanguageSettings['trainData']>;
export type WeightedExample = LabeledExample & { weight?: number };

type OnErrors = (path: string, errors: { line: number; reason: string }[]) => void;

function readOwn(path: string, lang: string, onErrors: OnErrors | undefined): LabeledExample[] {
  const { examples, errors } = readLabeledFile(path);
  onErrors?.(path, errors);
  return examples.filter((e) => e.lang === lang);
}

/**
 * A seeded random subset of `rows` whose class shares equal those of `target` (the dev rows), as
 * large as the scarcest class allows; order of `rows` kept. Classes absent from `target` are dropped.
 */
export function matchClassShares<E extends { label: string }>(rows: readonly E[], target: readonly { label: string }[], seed = 7): E[] {
  const want = new Map<string, number>();
  for (const e of target) want.set(e.label, (want.get(e.label) ?? 0) + 1);
  const have = new Map<string, number[]>();
  rows.forEach((e, i) => {
    if (!want.has(e.label)) return;
    const list = have.get(e.label);
    if (list) list.push(i);
    else have.set(e.label, [i]);
  });
  let scale = Infinity;
  for (const [label, n] of want) scale = Math.min(scale, (have.get(label)?.length ?? 0) / n);
  const rand = mulberry32(seed);
  const keep = new Set<number>();
  for (const [label, n] of want) {
    const idx = [...(have.get(label) ?? [])];
    for (let i = idx.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [idx[i], idx[j]] = [idx[j]!, idx[i]!];
    }
    for (const i of idx.slice(0, Math.floor(n * scale))) keep.add(i);
  }
  return rows.filter((_, i) => keep.has(i));
}

/** The rows of the train split a setting adds (none when it adds none or there is no file), each with `weight` when given. */
export function extraTrainingRows(options: {
  env: Record<string, string | undefined>;
  lang: string;
  extra: ExtraData | undefined;
  weight?: number;
  balance?: 'dev';
  onErrors?: OnErrors;
}): WeightedExample[] {
  if (!options.extra) return [];
  const path = sharedDataFile(options.env, 'sentiment/train', options.lang);
  if (!path) return [];
  let keep: (e: LabeledExample) => boolean = () => true;
  if (options.extra === 'polar') keep = (e) => e.label !== 'neutral';
  if (options.extra === 'sameSources') {
    const dev = sharedDataFile(options.env, 'sentiment/dev', options.lang);
    const sources = new Set(dev ? readOwn(dev, options.lang, undefined).flatMap((e) => (e.source ? [e.source] : [])) : []);
    keep = (e) => e.source !== undefined && sources.has(e.source);
  }
  let rows = readOwn(path, options.lang, options.onErrors).filter(keep);
  if (options.balance === 'dev') {
    const dev = sharedDataFile(options.env, 'sentiment/dev', options.lang);
    rows = matchClassShares(rows, dev ? readOwn(dev, options.lang, undefined) : []);
  }
  return options.weight === undefined || options.weight === 1 ? rows : rows.map((e) => ({ ...e, weight: options.weight }));
}

/**
 * What a language's settings add to every training set beside its dev rows: the train rows the
 * regression learns from (trainData, trainWeight, trainBalance) and the rows its naive Bayes part is
 * counted from (nbData), if any. Training, the benchmark and the measurement scripts all read them here.
 */
export function trainingAdditions(options: { env: Record<string, string | undefined>; lang: string; settings?: LanguageSettings; onErrors?: OnErrors }): {
  added: WeightedExample[];
  nbExamples: WeightedExample[] | undefined;
  priorExamples: WeightedExample[] | undefined;
} {
  const { env, lang, onErrors } = options;
  const settings = options.settings ?? LANGUAGE_SETTINGS[lang] ?? {};
  const added = extraTrainingRows({
    env,
    lang,
    extra: settings.trainData,
    ...(settings.trainWeight !== undefined ? { weight: settings.trainWeight } : {}),
    ...(settings.trainBalance ? { balance: settings.trainBalance } : {}),
    ...(onErrors ? { onErrors } : {}),
  });
  // Naive Bayes and the prior may read the same rows (Kazakh: both the polar ones): read them once.
  const read = new Map<ExtraData, WeightedExample[]>();
  const rows = (extra: ExtraData | undefined): WeightedExample[] | undefined => {
    if (!extra) return undefined;
    let found = read.get(extra);
    if (!found) read.set(extra, (found = extraTrainingRows({ env, lang, extra })));
    return found;
  };
  return { added, nbExamples: rows(settings.nbData), priorExamples: rows(settings.priorData) };
}

export function sentimentTrainingSet(options: {
  env: Record<string, string | undefined>;
  lang: string;
  settings?: LanguageSettings;
  onErrors?: OnErrors;
}): { examples: WeightedExample[]; nbExamples?: WeightedExample[]; priorExamples?: WeightedExample[]; description: string } | undefined {
  const dev = sharedDataFile(options.env, 'sentiment/dev', options.lang);
  if (!dev) return undefined;
  const own = readOwn(dev, options.lang, options.onErrors);
  const settings = options.settings ?? LANGUAGE_SETTINGS[options.lang] ?? {};
  const { added, nbExamples, priorExamples } = trainingAdditions({ ...options, settings });
  const weight =
    (settings.trainWeight !== undefined && settings.trainWeight !== 1 ? ` × ${settings.trainWeight}` : '') +
    (settings.trainBalance ? `, class shares of ${settings.trainBalance}` : '');
  return {
    examples: [...own, ...added],
    ...(nbExamples ? { nbExamples } : {}),
    ...(priorExamples ? { priorExamples } : {}),
    description:
      (added.length > 0 ? `dev ${own.length} + train ${added.length} (${settings.trainData}${weight})` : `dev ${own.length}`) +
      (nbExamples ? `; naive Bayes from ${nbExamples.length} train rows (${settings.nbData})` : '') +
      (priorExamples ? `; a prior model of ${priorExamples.length} train rows (${settings.priorData})` : ''),
  };
}
