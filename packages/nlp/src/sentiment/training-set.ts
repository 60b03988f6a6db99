// What each language's sentiment model is trained on: all of shared/data/sentiment/dev/<lang>.jsonl,
// plus the rows of shared/data/sentiment/train/<lang>.jsonl where LANGUAGE_SETTINGS says adding them
// helped in cross-validation ('all' rows, or only the 'polar' ones where train has a neutral class dev
// lacks). scripts/train.ts and the benchmark both read it, so what is measured is what ships.

import type { LabeledExample } from '../eval/read-labeled.js';
import { readLabeledFile } from '../eval/read-labeled.js';
import { sharedDataFile } from '../eval/shared-dir.js';
import { LANGUAGE_SETTINGS, type LanguageSettings } from './language-features.js';

export type ExtraData = 'all' | 'polar';

/** The rows of the train split a setting adds (none when it adds none or there is no file). */
export function extraTrainingRows(options: { env: Record<string, string | undefined>; lang: string; extra: ExtraData | undefined; onErrors?: (path: string, errors: { line: number; reason: string }[]) => void }): LabeledExample[] {
  if (!options.extra) return [];
  const path = sharedDataFile(options.env, 'sentiment/train', options.lang);
  if (!path) return [];
  const { examples, errors } = readLabeledFile(path);
  options.onErrors?.(path, errors);
  return examples.filter((e) => e.lang === options.lang && (options.extra === 'all' || e.label !== 'neutral'));
}

export function sentimentTrainingSet(options: { env: Record<string, string | undefined>; lang: string; settings?: LanguageSettings; onErrors?: (path: string, errors: { line: number; reason: string }[]) => void }): { examples: LabeledExample[]; description: string } | undefined {
  const dev = sharedDataFile(options.env, 'sentiment/dev', options.lang);
  if (!dev) return undefined;
  const { examples, errors } = readLabeledFile(dev);
  options.onErrors?.(dev, errors);
  const own = examples.filter((e) => e.lang === options.lang);
  const extra = (options.settings ?? LANGUAGE_SETTINGS[options.lang] ?? {}).trainData;
  const added = extraTrainingRows({ env: options.env, lang: options.lang, extra, ...(options.onErrors ? { onErrors: options.onErrors } : {}) });
  return { examples: [...own, ...added], description: added.length > 0 ? `dev ${own.length} + train ${added.length} (${extra})` : `dev ${own.length}` };
}
