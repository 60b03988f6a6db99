// A certificate or key in the config is either PEM text (often from `${VAR}`) or the path of a PEM
// file (relative to the working directory). Read once at startup; a file that cannot be used is an
// error naming the setting.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const PEM = /-----BEGIN [A-Z0-9 ]+-----/;

export function pemValue(value: string | undefined, setting: string): string | undefined {
  if (value === undefined) return undefined;
  if (PEM.test(value)) return value;
  try {
    const text = readFileSync(resolve(value), 'utf8');
    if (!PEM.test(text)) throw new Error('no PEM block (-----BEGIN …-----) in it');
    return text;
  } catch (err) {
    throw new Error(`${setting}: cannot use ${value} as a PEM file: ${(err as Error).message}`, { cause: err });
  }
}
