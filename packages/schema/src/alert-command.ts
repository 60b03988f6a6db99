// Commands that change alert state, sent by the API and applied by the alerter. The alerter is the
// one writer of alert records and silences (issue 14): the API no longer writes them itself, it
// publishes one of these on `alerts.commands`, keyed by the brand (alertCommandKey), and the
// alerter instance that reads it applies it and writes the record.
import { z } from 'zod';

const isoTime = z.iso.datetime({ offset: true });

/** A rule and/or brand kept quiet until a time: no alert opens or is re-notified for it. */
export const silenceV1 = z.looseObject({
  id: z.string().min(1),
  ruleId: z.string().min(1).optional(),
  brandId: z.string().min(1).optional(),
  until: isoTime,
  reason: z.string().optional(),
  createdBy: z.string().optional(),
});
export type Silence = z.infer<typeof silenceV1>;

const commandBase = {
  /** The command's own id (idempotency, logs). */
  id: z.string().min(1),
  /** Who asked (the API token's name). */
  by: z.string().min(1),
  /** When it was asked, ISO; an acknowledgment records this time. */
  at: isoTime,
};

export const acknowledgeCommandV1 = z.looseObject({
  ...commandBase,
  kind: z.literal('acknowledge'),
  alertKey: z.string().min(1),
  brandId: z.string().min(1),
  note: z.string().max(500).optional(),
});

export const silenceCommandV1 = z.looseObject({
  ...commandBase,
  kind: z.literal('silence'),
  silence: silenceV1,
});

export const alertCommandV1 = z.discriminatedUnion('kind', [acknowledgeCommandV1, silenceCommandV1]);
export type AlertCommand = z.infer<typeof alertCommandV1>;
export type AcknowledgeCommand = Extract<AlertCommand, { kind: 'acknowledge' }>;
export type SilenceCommand = Extract<AlertCommand, { kind: 'silence' }>;

/** The partitioning key: the brand (so an alert's commands keep their order); a silence of every brand goes by its rule. */
export function alertCommandKey(command: AlertCommand): string {
  if (command.kind === 'acknowledge') return command.brandId;
  return command.silence.brandId ?? command.silence.ruleId ?? command.silence.id;
}
