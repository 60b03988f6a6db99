// Alerts waiting to be published and stored. Publishing comes first, storing second: if the process
// dies in between, the restart does not find the alert open, evaluates the replayed window again and
// publishes the same key and revision (the key is built from the window's first mention), which the
// notifier deduplicates. A failed flush keeps the alerts for the next attempt, so none is lost.
import type { Bus } from '@earshot/bus';
import { encodeMessage, TOPICS } from '@earshot/schema';
import type { AlertStore } from '@earshot/store';
import type { TrackedAlert } from './lifecycle.js';

export interface AlertOutbox {
  add(alerts: TrackedAlert[]): void;
  /** The newest copy of an alert still waiting to be written, if any. */
  get(key: string): TrackedAlert | undefined;
  /** Publishes then stores everything pending; throws (keeping them) when either fails. */
  flush(now: Date): Promise<number>;
  readonly pending: number;
}

export function createAlertOutbox(options: { bus: Bus; store: AlertStore }): AlertOutbox {
  const pending = new Map<string, TrackedAlert>();
  return {
    get pending() {
      return pending.size;
    },
    add(alerts) {
      // A later revision of the same alert replaces an earlier one still waiting.
      for (const alert of alerts) pending.set(`${alert.key}`, alert);
    },
    get(key) {
      return pending.get(key);
    },
    async flush(now) {
      if (pending.size === 0) return 0;
      const batch = [...pending.values()];
      await options.bus.publish(
        TOPICS.alerts,
        batch.map((alert) => ({ key: alert.brandId, value: encodeMessage('alert', alert, now) })),
      );
      for (const alert of batch) await options.store.upsertAlert(alert);
      for (const alert of batch) if (pending.get(alert.key) === alert) pending.delete(alert.key);
      return batch.length;
    },
  };
}
