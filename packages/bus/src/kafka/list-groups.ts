// Lists the consumer groups under a prefix: what a test or an operator checks to see that nothing
// (a throwaway tail group, an orphan from a restart) was left on the cluster. Kept beside the
// adapter so nothing else needs the Kafka client for it.
import { Kafka, logLevel } from 'kafkajs';
import { translateKafkaError } from './kafka-errors.js';

export async function listKafkaGroups(options: { brokers: string[]; prefix: string }): Promise<string[]> {
  const admin = new Kafka({ clientId: 'earshot-list-groups', brokers: options.brokers, logLevel: logLevel.NOTHING }).admin();
  try {
    await admin.connect();
    return (await admin.listGroups()).groups
      .map((g) => g.groupId)
      .filter((id) => id.startsWith(options.prefix))
      .sort();
  } catch (err) {
    throw translateKafkaError(err, `listing consumer groups ${options.prefix}*`);
  } finally {
    await admin.disconnect();
  }
}
