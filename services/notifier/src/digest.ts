// Digests: for subscriptions with `digest: hourly | daily | <duration>`, matching alerts are
// collected per period (aligned to the epoch, so hourly means :00 UTC) and sent as one summary when
// the period ends. What has been collected is kept in the store's state before the alert message is
// acknowledged, so a restart loses nothing; the same alert key in one period keeps its latest state.
import type { Alert } from '@earshot/schema';
import type { StateStore } from '@earshot/store';
import type { Notification } from './channels/channel.js';
import type { Subscription } from './subscriptions.js';

const NAMESPACE = 'notifier-digest';

interface DigestState {
  periodStart: number;
  alerts: Alert[];
}

export interface DueDigest {
  channel: string;
  notification: Extract<Notification, { kind: 'digest' }>;
}

export interface Digester {
  /** Loads what was collected before a restart. */
  load(): Promise<void>;
  add(sub: Subscription, alert: Alert, now: number): Promise<void>;
  /** Digests whose period has ended by `now` (still collected until `clear`). */
  due(now: number): DueDigest[];
  /** Forgets what these digests carried, once they are safely on their way. */
  clear(sent: DueDigest[]): Promise<void>;
}

export function createDigester(options: { store: StateStore; subscriptions: Subscription[] }): Digester {
  const subs = options.subscriptions.filter((s) => s.digest !== undefined);
  const states = new Map<string, DigestState>();
  const periodOf = (sub: Subscription, now: number) => Math.floor(now / sub.digest!) * sub.digest!;
  const save = (id: string) => options.store.setState(NAMESPACE, id, states.get(id) ?? null);

  function take(sub: Subscription, state: DigestState): DueDigest | undefined {
    if (state.alerts.length === 0) return undefined;
    const periodStart = new Date(state.periodStart).toISOString();
    return {
      channel: sub.channel,
      notification: {
        kind: 'digest',
        deliveryKey: `${sub.channel}:digest:${sub.id}:${periodStart}`,
        subscriptionId: sub.id,
        periodStart,
        periodEnd: new Date(state.periodStart + sub.digest!).toISOString(),
        alerts: state.alerts,
      },
    };
  }

  return {
    async load() {
      for (const sub of subs) {
        const state = await options.store.getState<DigestState | null>(NAMESPACE, sub.id);
        if (state) states.set(sub.id, state);
      }
    },
    async add(sub, alert, now) {
      // An alert arriving after its period ended but before that digest went out joins it.
      let state = states.get(sub.id);
      if (!state) states.set(sub.id, (state = { periodStart: periodOf(sub, now), alerts: [] }));
      state.alerts = [...state.alerts.filter((a) => a.key !== alert.key), alert];
      await save(sub.id);
    },
    due(now) {
      const out: DueDigest[] = [];
      for (const sub of subs) {
        const state = states.get(sub.id);
        if (!state || now < state.periodStart + sub.digest!) continue;
        const digest = take(sub, state);
        if (digest) out.push(digest);
      }
      return out;
    },
    async clear(sent) {
      for (const digest of sent) {
        const id = digest.notification.subscriptionId;
        const state = states.get(id);
        if (!state || new Date(state.periodStart).toISOString() !== digest.notification.periodStart) continue;
        // An alert that joined after the digest was taken stays for the next one.
        const taken = new Set(digest.notification.alerts);
        state.alerts = state.alerts.filter((a) => !taken.has(a));
        if (state.alerts.length === 0) states.delete(id);
        else
          state.periodStart = periodOf(
            subs.find((s) => s.id === id)!,
            Date.parse(digest.notification.periodEnd),
          );
        await save(id);
      }
    },
  };
}
