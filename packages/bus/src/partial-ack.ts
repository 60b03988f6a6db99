// How many messages of a batch a handler acknowledged, read the same way by every adapter: all of
// them when it resolved with nothing, else the `handled` of its `PartialAck`, which must be a whole
// number from 0 to the batch size (anything else is a bug in the handler and fails the batch).
import type { PartialAck } from './port.js';

export function acknowledgedCount(result: void | PartialAck, batchSize: number): number {
  if (result === undefined) return batchSize;
  const { handled } = result;
  if (!Number.isInteger(handled) || handled < 0 || handled > batchSize) {
    throw new TypeError(`batch handler acknowledged ${String(handled)} messages of a batch of ${batchSize}: expected a whole number from 0 to ${batchSize}`);
  }
  return handled;
}
