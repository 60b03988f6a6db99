// Deletes every topic under a prefix: the teardown of a test run or a throw-away deployment that
// used `topicPrefix`. Kept beside the adapter so nothing else needs the Kafka client for it.
import { Kafka, logLevel } from 'kafkajs';
import { translateKafkaError } from './kafka-errors.js';

export async function dropKafkaTopics(options: { brokers: string[]; topicPrefix: string }): Promise<string[]> {
  if (!options.topicPrefix) throw new RangeError('dropKafkaTopics: refusing an empty prefix');
  const admin = new Kafka({ clientId: 'earshot-drop-topics', brokers: options.brokers, logLevel: logLevel.NOTHING }).admin();
  try {
    await admin.connect();
    const topics = (await admin.listTopics()).filter((t) => t.startsWith(options.topicPrefix));
    if (topics.length) await admin.deleteTopics({ topics });
    return topics;
  } catch (err) {
    throw translateKafkaError(err, `dropping topics ${options.topicPrefix}*`);
  } finally {
    await admin.disconnect();
  }
}
