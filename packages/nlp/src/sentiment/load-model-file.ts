// Reads a committed model file (packages/nlp/models/<lang>.json, models/topics.json,
// models/cyrillic.json) from disk, without network, and checks its shape before trusting it.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SentimentLabel } from '../types.js';
import { isLinearModelFile, type LinearModelFile } from './linear-model.js';
import { isTopicModelFile, type TopicModelFile } from '../topics/topic-model.js';
import { isCyrillicClassifierFile, type CyrillicLanguage } from '../lang/cyrillic-classifier.js';

export function defaultModelsDir(): string {
  return fileURLToPath(new URL('../../models/', import.meta.url));
}

/**
 * Throws unless `modelsDir` exists. Each file in it is optional (a language without a model falls back
 * to its lexicon), but a missing directory is a broken install or a wrong path, not a choice: the
 * analyzer would otherwise run on lexicons alone without saying so.
 */
export function assertModelsDir(modelsDir: string): void {
  if (!existsSync(modelsDir))
    throw new Error(
      `nlp: models directory ${modelsDir} does not exist: the sentiment, topic and language models are read from it ` +
        '(packages/nlp/models in a checkout, dist/assets/packages/nlp/models in a build: run `npm run build`)',
    );
}

export function modelPath(modelsDir: string, lang: string): string {
  return join(modelsDir, `${lang}.json`);
}

/** The model for `lang`, or undefined when none has been trained. */
export function readModelFile(modelsDir: string, lang: string): LinearModelFile | undefined {
  const path = modelPath(modelsDir, lang);
  if (!existsSync(path)) return undefined;
  const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (!isSentimentModelFile(parsed))
    throw new Error(`${path} is not an earshot-linear-v1 sentiment model (or its weights do not match its buckets and classes)`);
  return parsed;
}

const LABELS: readonly string[] = ['negative', 'neutral', 'positive'] satisfies SentimentLabel[];

function isSentimentModelFile(v: unknown): v is LinearModelFile {
  return isLinearModelFile(v) && v.classes.every((c) => LABELS.includes(c));
}

/** The learned topic model (models/topics.json), or undefined when none has been trained. */
export function readTopicModelFile(modelsDir: string): TopicModelFile | undefined {
  const path = join(modelsDir, 'topics.json');
  if (!existsSync(path)) return undefined;
  const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (!isTopicModelFile(parsed)) throw new Error(`${path} is not an earshot-topics-v1 model (or its weights, modes or text-domain classifiers do not match)`);
  return parsed;
}

export const CYRILLIC_CLASSIFIER_FILE = 'cyrillic.json';

/** The Russian-or-Kazakh classifier (models/cyrillic.json), or undefined when none has been trained. */
export function readCyrillicClassifierFile(modelsDir: string): LinearModelFile<CyrillicLanguage> | undefined {
  const path = join(modelsDir, CYRILLIC_CLASSIFIER_FILE);
  if (!existsSync(path)) return undefined;
  const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (!isCyrillicClassifierFile(parsed))
    throw new Error(`${path} is not an earshot-linear-v1 model of the classes kk, ru (or its weights do not match its buckets)`);
  return parsed;
}
