import { createSqliteStore } from '@earshot/store/sqlite';
import { describe, expect, it } from 'vitest';
import { createDigester } from './digest.js';
import { resolveSubscriptions } from './subscriptions.js';
import { alert, notifierConfig } from './testing/fixtures.js';

const H = 3_600_000;
const T0 = Date.parse('2026-11-20T10:00:00.000Z');

describe('digests', () => {
  const config = notifierConfig(['{ id: mail, type: webhook, url: "https://a.example.org" }'], ['{ id: hourly, channel: mail, digest: hourly }']);
  const subs = resolveSubscriptions(config.subscriptions);

  it('collects alerts per hour, keeps the latest state of each, sends one summary when the hour ends, and survives a restart', async () => {
    const store = createSqliteStore({ path: ':memory:' });
    const digester = createDigester({ store, subscriptions: subs });
    await digester.add(subs[0]!, alert({ key: 'k1' }), T0 + 5 * 60_000);
    await digester.add(subs[0]!, alert({ key: 'k2' }), T0 + 10 * 60_000);
    await digester.add(subs[0]!, alert({ key: 'k1', state: 'resolved', revision: 2 }), T0 + 20 * 60_000);
    expect(digester.due(T0 + H - 1)).toEqual([]);

    const restarted = createDigester({ store, subscriptions: subs });
    await restarted.load();
    const due = restarted.due(T0 + H);
    expect(due).toHaveLength(1);
    expect(due[0]!.channel).toBe('mail');
    expect(due[0]!.notification).toMatchObject({
      deliveryKey: 'mail:digest:hourly:2026-11-20T10:00:00.000Z',
      periodStart: '2026-11-20T10:00:00.000Z',
      periodEnd: '2026-11-20T11:00:00.000Z',
    });
    expect(due[0]!.notification.alerts.map((a) => `${a.key} ${a.state}`)).toEqual(['k2 open', 'k1 resolved']);
    expect(restarted.due(T0 + H)).toHaveLength(1); // still there until cleared
    await restarted.clear(due);
    expect(restarted.due(T0 + 2 * H)).toEqual([]); // nothing new: no empty digest
  });
});
