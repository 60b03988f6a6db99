// Test helper: an in-memory bus with Kafka's consumer-group semantics (which the embedded bus, made
// for one process, does not need): the partitions of a topic are divided among the group's current
// members, so two collectors in one group each own part of the schedule.
import { DEFAULT_MAX_BATCH_SIZE, partitionFor, type Bus, type BusMessage, type SubscribeOptions, type Subscription } from '@earshot/bus';

interface Member {
  options: SubscribeOptions;
  stopped: boolean;
  running: Promise<void>;
}

export function createGroupBus(options: { partitions: number }): Bus {
  const logs = new Map<string, BusMessage[][]>();
  const commits = new Map<string, number>();
  const members = new Map<string, Member[]>();
  const log = (topic: string) => {
    let partitions = logs.get(topic);
    if (!partitions) logs.set(topic, (partitions = Array.from({ length: options.partitions }, () => [])));
    return partitions;
  };
  const owned = (member: Member): number[] => {
    const group = members.get(`${member.options.groupId}/${member.options.topic}`) ?? [];
    const index = group.indexOf(member);
    return Array.from({ length: options.partitions }, (_, p) => p).filter((p) => p % group.length === index);
  };

  async function consume(member: Member): Promise<void> {
    const { groupId, topic, handler } = member.options;
    while (!member.stopped) {
      let delivered = false;
      for (const partition of owned(member)) {
        const key = `${groupId}/${topic}/${partition}`;
        const from = commits.get(key) ?? 0;
        const batch = log(topic)[partition]!.slice(from, from + (member.options.maxBatchSize ?? DEFAULT_MAX_BATCH_SIZE));
        if (!batch.length) continue;
        delivered = true;
        await handler(batch, { heartbeat: async () => {}, stopping: member.stopped });
        commits.set(key, from + batch.length);
      }
      if (!delivered) await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  return {
    kind: 'kafka',
    async ensureTopics(topics) {
      for (const t of topics) log(t.name);
    },
    async publish(topic, messages) {
      for (const m of messages) {
        const partition = partitionFor(m.key, options.partitions);
        const list = log(topic)[partition]!;
        list.push({ topic, partition, offset: String(list.length), key: m.key, value: m.value, headers: m.headers ?? {}, timestamp: Date.now() });
      }
    },
    async subscribe(opts): Promise<Subscription> {
      const member: Member = { options: opts, stopped: false, running: Promise.resolve() };
      const key = `${opts.groupId}/${opts.topic}`;
      members.set(key, [...(members.get(key) ?? []), member]);
      member.running = consume(member);
      return {
        async stop() {
          member.stopped = true;
          await member.running;
          members.set(
            key,
            (members.get(key) ?? []).filter((m) => m !== member),
          );
        },
      };
    },
    async tail(opts) {
      // A group of its own whose commits start at the topic's current end.
      const groupId = `tail-${members.size}-${Date.now()}`;
      log(opts.topic).forEach((list, partition) => commits.set(`${groupId}/${opts.topic}/${partition}`, list.length));
      return this.subscribe({ ...opts, groupId });
    },
    async lag(groupId, topic) {
      return log(topic).reduce((n, list, partition) => n + list.length - (commits.get(`${groupId}/${topic}/${partition}`) ?? 0), 0);
    },
    async close() {},
  };
}
