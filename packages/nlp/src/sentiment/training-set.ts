// What each language's sentiment model is trained on: all of shared/data/sentiment/dev/<lang>.jsonl,
// plus the rows of shared/data/sentiment/train/<lang>.jsonl where LANGUAGE_SETTINGS says adding them
// helped in cross-validation ('all' rows; only the 'polar' ones where train has a neutral class dev
// lacks; or only the rows from the sources dev comes from, 'sameSources'), each weighted
// `trainWeight`. scripts/train.ts and the benchmark both read it, so what is measured is what ships.

import type { LabeledExample } from '../eval/read-labeled.js';
import { readLabeledFile } from '../eval/read-labeled.js';
import { sharedDataFile } from '../eval/shared-dir.js';
import { LANGUAGE_SETTINGS, type LanguageSettings } from './language-features.js';

export type ExtraData = NonNullable<LanguageSettings['trainData']>;
export type WeightedExample = LabeledExample & { weight?: number };

type OnErrors = (path: string, errors: { line: number; reason: string }[]) => void;

function readOwn(path: string, lang: string, onErrors: OnErrors | undefined): LabeledExample[] {
  const { examples, errors } = readLabeledFile(path);
  onErrors?.(path, errors);
  return examples.filter((e) => e.lang === lang);
}

/** The rows of the train split a setting adds (none when it adds none or there is no file), each with `weight` when given. */
export function extraTrainingRows(options: { env: Record<string, string | undefined>; lang: string; extra: ExtraData | undefined; weight?: number; onErrors?: OnErrors }): WeightedExample[] {
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
  const rows = readOwn(path, options.lang, options.onErrors).filter(keep);
  return options.weight === undefined || options.weight === 1 ? rows : rows.map((e) => ({ ...e, weight: options.weight }));
}

export function sentimentTrainingSet(options: { env: Record<string, string | undefined>; lang: string; settings?: LanguageSettings; onErrors?: OnErrors }): { examples: WeightedExample[]; description: string } | undefined {
  const dev = sharedDataFile(options.env, 'sentiment/dev', options.lang);
  if (!dev) return undefined;
  const own = readOwn(dev, options.lang, options.onErrors);
  const settings = options.settings ?? LANGUAGE_SETTINGS[options.lang] ?? {};
  const added = extraTrainingRows({ env: options.env, lang: options.lang, extra: settings.trainData, ...(settings.trainWeight !== undefined ? { weight: settings.trainWeight } : {}), ...(options.onErrors ? { onErrors: options.onErrors } : {}) });
  const weight = settings.trainWeight !== undefined && settings.trainWeight !== 1 ? ` × ${settings.trainWeight}` : '';
  return { examples: [...own, ...added], description: added.length > 0 ? `dev ${own.length} + train ${added.length} (${settings.trainData}${weight})` : `dev ${own.length}` };
}
