import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultModelsDir, readCyrillicClassifierFile, readModelFile, readTopicModelFile } from './load-model-file.js';

// A hand-edited or truncated model file must fail at load with the file named, not load zeros.
describe('reading model files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'earshot-models-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const shipped = (name: string): Record<string, unknown> => JSON.parse(readFileSync(join(defaultModelsDir(), name), 'utf8')) as Record<string, unknown>;
  const write = (name: string, content: unknown): void => writeFileSync(join(dir, name), JSON.stringify(content));

  it('reads the shipped models', () => {
    expect(readModelFile(defaultModelsDir(), 'ru')?.classes).toEqual(['negative', 'neutral', 'positive']);
    expect(readTopicModelFile(defaultModelsDir())?.domains?.length).toBe(3);
    expect(readCyrillicClassifierFile(defaultModelsDir())?.classes).toEqual(['kk', 'ru']);
    expect(readModelFile(dir, 'xx')).toBeUndefined();
    expect(readCyrillicClassifierFile(dir)).toBeUndefined();
  });

  it('refuses a sentiment model whose weights were cut short, or whose classes are not sentiment labels', () => {
    const ru = shipped('ru.json');
    write('ru.json', { ...ru, weights: (ru.weights as number[]).slice(0, -1) });
    expect(() => readModelFile(dir, 'ru')).toThrow(/ru\.json is not an earshot-linear-v1 sentiment model/);
    write('kk.json', { ...ru, classes: ['bad', 'meh', 'good'] });
    expect(() => readModelFile(dir, 'kk')).toThrow(/kk\.json is not/);
  });

  it('refuses a topic model with a broken text-domain classifier or a language missing a topic', () => {
    const topics = shipped('topics.json');
    const [first, ...rest] = topics.domains as Record<string, unknown>[];
    write('topics.json', { ...topics, domains: [{ ...first, bias: [] }, ...rest] });
    expect(() => readTopicModelFile(dir)).toThrow(/topics\.json is not an earshot-topics-v1 model/);
    const [en, ...others] = topics.modes as string[][];
    write('topics.json', { ...topics, modes: [en!.slice(1), ...others] });
    expect(() => readTopicModelFile(dir)).toThrow(/topics\.json is not/);
  });

  it('refuses a Russian-or-Kazakh classifier with other classes or weights cut short', () => {
    const cyrillic = shipped('cyrillic.json');
    write('cyrillic.json', { ...cyrillic, classes: ['ru', 'kk'] });
    expect(() => readCyrillicClassifierFile(dir)).toThrow(/cyrillic\.json is not an earshot-linear-v1 model of the classes kk, ru/);
    write('cyrillic.json', { ...cyrillic, weights: (cyrillic.weights as number[]).slice(0, -1) });
    expect(() => readCyrillicClassifierFile(dir)).toThrow(/cyrillic\.json is not/);
  });
});
