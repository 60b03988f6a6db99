// The Kafka bus on @platformatic/kafka (maintained, pure JavaScript, Kafka 3.5–4.x): the same port
// and options as the kafkajs adapter in ../kafka, chosen with `bus.client: platformatic`. Topics
// and groups live under an optional prefix; publishing uses one idempotent producer waiting for
// all in-sync replicas, partitioned by key with Java's murmur2 (as kafkajs and the Java client do,
// so a key lands on the same partition whichever client wrote it); each subscription is its own
// consumer in a group (consume-stream.ts). Nothing outside this folder imports @platformatic/kafka.
import { Admin, Producer, compatibilityPartitioner } from '@platformatic/kafka';
import { silentLogger } from '@earshot/observability';
import type { Bus, SubscribeOptions, Subscription, TailOptions, TopicSpec } from '../port.js';
import { chunkBySize, type KafkaBusOptions } from '../kafka-options.js';
import { platformaticConnection } from './connection.js';
import { subscriptionTarget, sumLag, tailGroupId, tracked } from '../kafka-subscriptions.js';
import { consumeStream } from './consume-stream.js';
import { missingTopicsError, planTopics } from '../topic-plan.js';
import { isPlatformaticUnknownTopic, platformaticReasons, translatePlatformaticError } from './platformatic-errors.js';

const LATEST = -1n;
const EARLIEST = -2n;

export function createPlatformaticBus(options: KafkaBusOptions): Bus {
  const prefix = options.topicPrefix ?? '';
  const logger = (options.logger ?? silentLogger()).child({ component: 'kafka-bus', client: 'platformatic' });
  const connection = platformaticConnection(options);
  const defaultPartitions = options.partitions ?? 6;
  const subscriptions = new Set<Subscription>();
  const ensured = new Set<string>();
  let producer: Producer<Buffer, Buffer, Buffer, Buffer> | undefined;
  let admin: Admin | undefined;
  let closed = false;
  /** Produce calls run one at a time: the idempotent producer's sequence numbers break under concurrent sends. */
  let sending: Promise<unknown> = Promise.resolve();

  const kafkaName = (name: string) => `${prefix}${name}`;
  const getAdmin = () => (admin ??= new Admin(connection));
  const getProducer = () =>
    (producer ??= new Producer({ ...connection, idempotent: true, acks: -1, autocreateTopics: false, partitioner: compatibilityPartitioner }));

  /** Waits until every partition of the topics has a leader, so the first produce does not bounce. */
  async function waitForLeaders(names: string[]): Promise<void> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const metadata = await getAdmin().metadata({ topics: names, forceUpdate: true });
      const ready = names.every((n) => {
        const t = metadata.topics.get(n);
        return t !== undefined && t.partitions.every((p) => p.leader >= 0);
      });
      if (ready || Date.now() > deadline) return;
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async function ensureTopics(topics: TopicSpec[]): Promise<void> {
    const missing = planTopics(
      topics.filter((t) => !ensured.has(t.name)),
      options,
    );
    if (!missing.length) return;
    try {
      const existing = new Set(await getAdmin().listTopics());
      const absent = missing.filter((t) => !existing.has(t.kafkaName));
      if (absent.length && options.createTopics === false) throw missingTopicsError(absent);
      for (const t of absent) {
        await getAdmin()
          .createTopics({ topics: [t.kafkaName], partitions: t.partitions, replicas: t.replicationFactor })
          .catch((err: unknown) => {
            // Created meanwhile by another process: that is what we wanted.
            if (!platformaticReasons(err).some((r) => /already exists/i.test(r))) throw err;
          });
      }
      if (absent.length) await waitForLeaders(absent.map((t) => t.kafkaName));
      for (const t of missing) ensured.add(t.name);
    } catch (err) {
      throw translatePlatformaticError(err, 'creating topics', options);
    }
  }

  return {
    kind: 'kafka',
    ensureTopics,
    async publish(topic, messages) {
      if (closed) throw new Error('bus is closed');
      if (messages.length === 0) return;
      await ensureTopics([{ name: topic, partitions: defaultPartitions }]);
      const kafkaTopic = kafkaName(topic);
      const send = async () => {
        for (const chunk of chunkBySize(messages)) {
          await getProducer().send({
            messages: chunk.map((m) => ({
              topic: kafkaTopic,
              key: Buffer.from(m.key),
              value: m.value,
              headers: new Map(Object.entries(m.headers ?? {}).map(([k, v]) => [Buffer.from(k), Buffer.from(v)])),
            })),
          });
        }
      };
      const done = sending.then(send, send);
      sending = done.catch(() => undefined);
      try {
        await done;
      } catch (err) {
        // A producer whose sequence numbers the broker no longer accepts stays broken: start a new one
        // (new producer id) for the next publish; this one's messages are retried by the caller.
        const stale = producer;
        producer = undefined;
        void stale?.close().catch(() => undefined);
        throw translatePlatformaticError(err, `publishing to ${topic}`, options);
      }
    },
    async subscribe(opts: SubscribeOptions) {
      if (closed) throw new Error('bus is closed');
      await ensureTopics([{ name: opts.topic, partitions: defaultPartitions }]);
      try {
        return tracked(subscriptions, await consumeStream({ ...options.consumer, connection, security: options, ...subscriptionTarget(opts, prefix, logger) }));
      } catch (err) {
        throw translatePlatformaticError(err, `subscribing to ${opts.topic}`, options);
      }
    },
    async tail(opts: TailOptions) {
      if (closed) throw new Error('bus is closed');
      await ensureTopics([{ name: opts.topic, partitions: defaultPartitions }]);
      const groupId = tailGroupId(opts.topic);
      const name = kafkaName(opts.topic);
      try {
        const client = getAdmin();
        const metadata = await client.metadata({ topics: [name], forceUpdate: true });
        const partitions = metadata.topics.get(name)?.partitions.map((_, i) => i) ?? [];
        const ends = await client.listOffsets({ topics: [{ name, partitions: partitions.map((partitionIndex) => ({ partitionIndex, timestamp: LATEST })) }] });
        const tailFrom = new Map((ends[0]?.partitions ?? []).map((p) => [p.partitionIndex, p.offset]));
        const reading = await consumeStream({
          ...options.consumer,
          connection,
          security: options,
          tailFrom,
          ...subscriptionTarget({ ...opts, groupId }, prefix, logger),
        });
        return tracked(subscriptions, {
          async stop() {
            await reading.stop();
            // The group never committed anything; deleting it leaves nothing behind on the cluster.
            await client
              .deleteGroups({ groups: [kafkaName(groupId)] })
              .catch((err: unknown) => logger.debug({ err, groupId }, 'deleting the tail group failed'));
          },
        });
      } catch (err) {
        throw translatePlatformaticError(err, `tailing ${opts.topic}`, options);
      }
    },
    async lag(groupId, topic) {
      const name = kafkaName(topic);
      try {
        const client = getAdmin();
        const metadata = await client.metadata({ topics: [name], forceUpdate: true });
        const partitions = metadata.topics.get(name)?.partitions.map((_, i) => i) ?? [];
        if (!partitions.length) return 0;
        const at = (timestamp: bigint) =>
          client.listOffsets({ topics: [{ name, partitions: partitions.map((partitionIndex) => ({ partitionIndex, timestamp })) }] });
        const [high, low, committed] = await Promise.all([
          at(LATEST),
          at(EARLIEST),
          client.listConsumerGroupOffsets({ groups: [{ groupId: kafkaName(groupId), topics: [{ name, partitionIndexes: partitions }] }] }),
        ]);
        const offsets = (listed: typeof high) => new Map((listed[0]?.partitions ?? []).map((p) => [p.partitionIndex, p.offset]));
        const starts = offsets(low);
        const commits = new Map((committed[0]?.topics[0]?.partitions ?? []).map((p) => [p.partitionIndex, p.committedOffset]));
        return sumLag(
          [...offsets(high)].map(([partition, end]) => ({ partition, low: starts.get(partition) ?? 0n, high: end, committed: commits.get(partition) ?? -1n })),
        );
      } catch (err) {
        if (isPlatformaticUnknownTopic(err)) return 0;
        throw translatePlatformaticError(err, `reading lag of ${groupId} on ${topic}`, options);
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await Promise.all([...subscriptions].map((s) => s.stop()));
      await Promise.allSettled([producer?.close(), admin?.close()]);
    },
  };
}
