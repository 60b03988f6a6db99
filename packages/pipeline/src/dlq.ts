// A dead-letter record keeps the original key, bytes and headers and adds provenance as headers:
// why, which stage, when, and where the message came from.
import type { BusMessage, OutgoingMessage } from '@earshot/bus';

export const DLQ_HEADERS = {
  reason: 'earshot-dlq-reason',
  stage: 'earshot-dlq-stage',
  at: 'earshot-dlq-at',
  topic: 'earshot-dlq-topic',
  partition: 'earshot-dlq-partition',
  offset: 'earshot-dlq-offset',
} as const;

export function toDlqRecord(message: BusMessage, reason: string, stage: string, at = new Date()): OutgoingMessage {
  return {
    key: message.key,
    value: message.value,
    headers: {
      ...message.headers,
      [DLQ_HEADERS.reason]: reason.slice(0, 2000),
      [DLQ_HEADERS.stage]: stage,
      [DLQ_HEADERS.at]: at.toISOString(),
      [DLQ_HEADERS.topic]: message.topic,
      [DLQ_HEADERS.partition]: String(message.partition),
      [DLQ_HEADERS.offset]: message.offset,
    },
  };
}

export interface DlqProvenance {
  reason: string;
  stage: string;
  at: string;
  topic: string;
  partition: number;
  offset: string;
}

export function readProvenance(headers: Record<string, string>): DlqProvenance | undefined {
  const reason = headers[DLQ_HEADERS.reason];
  if (reason === undefined) return undefined;
  return {
    reason,
    stage: headers[DLQ_HEADERS.stage] ?? '',
    at: headers[DLQ_HEADERS.at] ?? '',
    topic: headers[DLQ_HEADERS.topic] ?? '',
    partition: Number(headers[DLQ_HEADERS.partition] ?? -1),
    offset: headers[DLQ_HEADERS.offset] ?? '',
  };
}
