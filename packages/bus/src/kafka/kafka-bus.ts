// The Kafka bus: our port over kafkajs. Topics (and consumer groups) live under an optional prefix so
// several deployments or test runs can share a cluster. Publishing uses one idempotent producer
// that waits for all in-sync replicas; each subscription is its own consumer in a group (see
// consume-batches.ts). Nothing outside this folder imports kafkajs.
import { Kafka, Partitioners, type Admin, type Producer } from 'kafkajs';
import { silentLogger } from '@earshot/observability';
import type { Bus, SubscribeOptions, Subscription, TailOptions, TopicSpec } from '../port.js';
import { chunkBySize, type KafkaBusOptions } from '../kafka-options.js';
import { missingTopicsError, planTopics } from '../topic-plan.js';
import { subscriptionTarget, sumLag, tailGroupId, tracked } from '../kafka-subscriptions.js';
import { consumeBatches } from './consume-batches.js';
import { isUnknownTopic, translateKafkaError } from './kafka-errors.js';
import { kafkaLogCreator, kafkaLogLevel } from './kafka-logger.js';
import { kafkajsSecurity } from './kafka-security.js';

export function createKafkaBus(options: KafkaBusOptions): Bus {
  const prefix = options.topicPrefix ?? '';
  const logger = (options.logger ?? silentLogger()).child({ component: 'kafka-bus' });
  const kafka = new Kafka({
    clientId: options.clientId,
    brokers: options.brokers,
    ...kafkajsSecurity(options),
    logLevel: kafkaLogLevel(logger),
    logCreator: kafkaLogCreator(logger),
  });
  const defaultPartitions = options.partitions ?? 6;
  const subscriptions = new Set<Subscription>();
  const ensured = new Set<string>();
  let producer: Promise<Producer> | undefined;
  let admin: Promise<Admin> | undefined;
  let closed = false;

  const kafkaName = (name: string) => `${prefix}${name}`;

  function connected<T extends Producer | Admin>(client: T): Promise<T> {
    return client.connect().then(() => client);
  }

  function getProducer(): Promise<Producer> {
    producer ??= connected(
      kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner }),
    ).catch((err: unknown) => {
      producer = undefined;
      throw err;
    });
    return producer;
  }

  function getAdmin(): Promise<Admin> {
    admin ??= connected(kafka.admin()).catch((err: unknown) => {
      admin = undefined;
      throw err;
    });
    return admin;
  }

  async function ensureTopics(topics: TopicSpec[]): Promise<void> {
    const missing = planTopics(
      topics.filter((t) => !ensured.has(t.name)),
      options,
    );
    if (!missing.length) return;
    try {
      const client = await getAdmin();
      if (options.createTopics === false) {
        const existing = new Set(await client.listTopics());
        const absent = missing.filter((t) => !existing.has(t.kafkaName));
        if (absent.length) throw missingTopicsError(absent);
      } else {
        await client.createTopics({
          waitForLeaders: true,
          topics: missing.map((t) => ({ topic: t.kafkaName, numPartitions: t.partitions, replicationFactor: t.replicationFactor })),
        });
      }
      for (const t of missing) ensured.add(t.name);
    } catch (err) {
      throw translateKafkaError(err, 'creating topics', options);
    }
  }

  return {
    kind: 'kafka',
    ensureTopics,
    async publish(topic, messages) {
      if (closed) throw new Error('bus is closed');
      if (messages.length === 0) return;
      await ensureTopics([{ name: topic, partitions: defaultPartitions }]);
      try {
        const client = await getProducer();
        for (const chunk of chunkBySize(messages)) {
          await client.send({
            topic: kafkaName(topic),
            acks: -1,
            messages: chunk.map((m) => ({ key: m.key, value: m.value, headers: m.headers })),
          });
        }
      } catch (err) {
        throw translateKafkaError(err, `publishing to ${topic}`, options);
      }
    },
    async subscribe(opts: SubscribeOptions) {
      if (closed) throw new Error('bus is closed');
      await ensureTopics([{ name: opts.topic, partitions: defaultPartitions }]);
      try {
        return tracked(subscriptions, await consumeBatches({ ...options.consumer, kafka, ...subscriptionTarget(opts, prefix, logger) }));
      } catch (err) {
        throw translateKafkaError(err, `subscribing to ${opts.topic}`, options);
      }
    },
    async tail(opts: TailOptions) {
      if (closed) throw new Error('bus is closed');
      await ensureTopics([{ name: opts.topic, partitions: defaultPartitions }]);
      const groupId = tailGroupId(opts.topic);
      try {
        const client = await getAdmin();
        const ends = await client.fetchTopicOffsets(kafkaName(opts.topic));
        const tailFrom = new Map(ends.map((e) => [e.partition, e.high]));
        const reading = await consumeBatches({ ...options.consumer, kafka, tailFrom, ...subscriptionTarget({ ...opts, groupId }, prefix, logger) });
        return tracked(subscriptions, {
          async stop() {
            await reading.stop();
            // The group never committed anything; deleting it leaves nothing behind on the cluster.
            await client.deleteGroups([kafkaName(groupId)]).catch((err: unknown) => logger.debug({ err, groupId }, 'deleting the tail group failed'));
          },
          failure: () => reading.failure?.(),
        });
      } catch (err) {
        throw translateKafkaError(err, `tailing ${opts.topic}`, options);
      }
    },
    async lag(groupId, topic) {
      try {
        const client = await getAdmin();
        const [ends, committed] = await Promise.all([
          client.fetchTopicOffsets(kafkaName(topic)),
          client.fetchOffsets({ groupId: kafkaName(groupId), topics: [kafkaName(topic)] }),
        ]);
        const commits = new Map((committed[0]?.partitions ?? []).map((p) => [p.partition, BigInt(p.offset)]));
        return sumLag(ends.map((e) => ({ partition: e.partition, low: BigInt(e.low), high: BigInt(e.high), committed: commits.get(e.partition) ?? -1n })));
      } catch (err) {
        if (isUnknownTopic(err)) return 0;
        throw translateKafkaError(err, `reading lag of ${groupId} on ${topic}`, options);
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await Promise.all([...subscriptions].map((s) => s.stop()));
      const clients = await Promise.allSettled([producer, admin].filter((c) => c !== undefined));
      await Promise.all(clients.map((c) => (c.status === 'fulfilled' ? c.value.disconnect() : undefined)));
    },
  };
}
