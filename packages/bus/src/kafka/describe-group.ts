// What a consumer group is doing on one topic: per partition the end offset and the group's commit,
// and which member holds which partitions. For failure reports in tests and for an operator looking at
// a stalled group; kept beside the adapter (like list-groups.ts) so nothing else needs the Kafka client.
import { AssignerProtocol, Kafka, logLevel } from 'kafkajs';
import { translateKafkaError } from './kafka-errors.js';

export interface KafkaGroupReport {
  /** The coordinator's state of the group (Stable, PreparingRebalance, Empty, Dead…). */
  state: string;
  partitions: { partition: number; end: string; committed: string | undefined }[];
  /** Each member's client id and host, and its partitions of the topic (undefined: assignment unreadable). */
  members: { clientId: string; host: string; partitions: number[] | undefined }[];
}

/** `groupId` and `topic` as they are named on the cluster (with any prefix). */
export async function describeKafkaGroup(options: { brokers: string[]; groupId: string; topic: string }): Promise<KafkaGroupReport> {
  const { groupId, topic } = options;
  const admin = new Kafka({ clientId: 'earshot-describe-group', brokers: options.brokers, logLevel: logLevel.NOTHING }).admin();
  try {
    await admin.connect();
    const [ends, [committed], { groups }] = await Promise.all([
      admin.fetchTopicOffsets(topic),
      admin.fetchOffsets({ groupId, topics: [topic] }),
      admin.describeGroups([groupId]),
    ]);
    const commits = new Map((committed?.partitions ?? []).map((p) => [p.partition, p.offset]));
    return {
      state: groups[0]?.state ?? 'Dead',
      partitions: ends.map((e) => ({ partition: e.partition, end: e.high, committed: commits.get(e.partition) })),
      members: (groups[0]?.members ?? []).map((m) => ({ clientId: m.clientId, host: m.clientHost, partitions: assignedPartitions(m.memberAssignment, topic) })),
    };
  } catch (err) {
    throw translateKafkaError(err, `describing consumer group ${groupId} on ${topic}`);
  } finally {
    await admin.disconnect();
  }
}

function assignedPartitions(assignment: Buffer, topic: string): number[] | undefined {
  try {
    return AssignerProtocol.MemberAssignment.decode(assignment)?.assignment[topic] ?? [];
  } catch {
    return undefined;
  }
}
