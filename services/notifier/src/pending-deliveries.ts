// Deliveries accepted but not yet finished, kept in the store's state so a restart resumes them:
// the alert message is acknowledged once its deliveries are written here, and each is removed when
// it is delivered, found to be a duplicate, or finally fails. One list per source partition (one
// writer each, as partitions are consumed by one instance at a time) plus one for digests.
import type { StateStore } from '@earshot/store';
import type { Notification } from './channels/channel.js';

const NAMESPACE = 'notifier-pending';

export interface PendingDelivery {
  channel: string;
  notification: Notification;
}

export interface PendingDeliveries {
  /** Everything left over from before, from every list. */
  load(): Promise<{ list: string; delivery: PendingDelivery }[]>;
  add(list: string, deliveries: PendingDelivery[]): Promise<void>;
  done(list: string, deliveryKey: string): Promise<void>;
  readonly size: number;
}

export const partitionList = (partition: number) => `p${partition}`;
export const DIGEST_LIST = 'digest';

export function createPendingDeliveries(options: { store: StateStore; partitions: number }): PendingDeliveries {
  const lists = new Map<string, Map<string, PendingDelivery>>();
  const writes = new Map<string, Promise<void>>();
  const names = [...Array.from({ length: options.partitions }, (_, p) => partitionList(p)), DIGEST_LIST];
  const listOf = (name: string) => {
    let l = lists.get(name);
    if (!l) lists.set(name, (l = new Map()));
    return l;
  };
  /** Writes of one list happen in order; each writes the list as it is then. */
  function save(name: string): Promise<void> {
    const previous = writes.get(name) ?? Promise.resolve();
    const next = previous.catch(() => {}).then(() => options.store.setState(NAMESPACE, name, [...listOf(name).values()]));
    writes.set(name, next);
    return next;
  }

  return {
    get size() {
      let n = 0;
      for (const l of lists.values()) n += l.size;
      return n;
    },
    async load() {
      const out: { list: string; delivery: PendingDelivery }[] = [];
      for (const name of names) {
        const saved = (await options.store.getState<PendingDelivery[]>(NAMESPACE, name)) ?? [];
        for (const delivery of saved) {
          listOf(name).set(delivery.notification.deliveryKey, delivery);
          out.push({ list: name, delivery });
        }
      }
      return out;
    },
    async add(name, deliveries) {
      if (!deliveries.length) return;
      const l = listOf(name);
      for (const d of deliveries) l.set(d.notification.deliveryKey, d);
      await save(name);
    },
    async done(name, deliveryKey) {
      if (listOf(name).delete(deliveryKey)) await save(name);
    },
  };
}
