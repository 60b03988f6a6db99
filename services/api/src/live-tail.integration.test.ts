// The API's live stream on Kafka, started twice as a restarted replica would be: each start tails
// mentions.enriched and alerts from their end, so a mention published after the start reaches the
// stream and nothing published before is replayed, and no consumer group is left on the cluster.
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createKafkaClientBus, dropKafkaTopics, KAFKA_CLIENTS, listKafkaGroups } from '@earshot/bus/kafka';
import { encodeMessage, TOPICS } from '@earshot/schema';
import { makeMention } from './testing/fixtures.js';
import { openSseReader } from './testing/sse-client.js';
import { READ_TOKEN, startTestApi } from './testing/start-test-api.js';

const brokers = inject('kafkaBrokers');

describe.skipIf(!brokers).each(KAFKA_CLIENTS)('API live stream on Kafka (%s)', (client) => {
  const prefix = `apitail${client.slice(0, 2)}${Date.now().toString(36)}.`;
  const bus = () => createKafkaClientBus(client, { brokers: brokers!.split(','), clientId: 'earshot-api-test', topicPrefix: prefix, partitions: 3 });
  const mention = (id: string) =>
    makeMention({ id, lang: 'en', sentiment: 'negative', title: id, text: `Nordtel ${id}`, publishedAt: new Date().toISOString() });
  const publish = (id: string) => {
    const publisher = bus();
    return publisher.publish(TOPICS.enriched, [{ key: id, value: encodeMessage('mention.enriched', mention(id)) }]).finally(() => publisher.close());
  };

  afterAll(async () => {
    await dropKafkaTopics({ brokers: brokers!.split(','), topicPrefix: prefix });
  });

  it('streams what is published after each start, replays nothing, and leaves no consumer group', async () => {
    await publish('before-first');
    const seen: string[][] = [];
    for (const run of ['first', 'second']) {
      const t = await startTestApi({ bus: bus() });
      const stream = await openSseReader(`${t.url}/api/v1/stream?brand=nordtel`, { authorization: `Bearer ${READ_TOKEN}` });
      try {
        await stream.waitFor((e) => e.event === 'ready');
        await publish(`during-${run}`);
        await stream.waitFor((e) => e.event === 'mention' && e.id === `during-${run}`, 30_000);
        await new Promise((r) => setTimeout(r, 500));
        seen.push(stream.events.filter((e) => e.event === 'mention').map((e) => e.id ?? ''));
      } finally {
        stream.close();
        await t.stop();
      }
      expect(await listKafkaGroups({ brokers: brokers!.split(','), prefix })).toEqual([]);
    }
    expect(seen).toEqual([['during-first'], ['during-second']]);
  });
});
