// JSON APIs (App Store reviews, Algolia HN search) all start the same way: the body as JSON, or an
// error that names what the source expected.
import { EarshotError } from '@earshot/core';

export function readJsonBody(body: Buffer, expected: string): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch (err) {
    throw new EarshotError(`not ${expected}: ${(err as Error).message}`);
  }
}
