// Where the benchmarks find Kafka and Elasticsearch (KAFKA_BROKERS / ELASTICSEARCH_URL, else the
// local stack), and the --client flag checked against the Kafka clients the bus offers.
import { KAFKA_CLIENTS, type KafkaClient } from '@earshot/bus/kafka';

export const BROKERS = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
export const ES_URL = (process.env.ELASTICSEARCH_URL ?? 'http://127.0.0.1:9200').replace(/\/$/, '');

export function kafkaClientArg(value: string): KafkaClient {
  if (!(KAFKA_CLIENTS as readonly string[]).includes(value)) throw new Error(`--client: one of ${KAFKA_CLIENTS.join(', ')}`);
  return value as KafkaClient;
}
