// Commands that change alert state, sent by the API and applied by the alerter. The alerter is the
// one writer of alert records and silences (issue 14): the API no longer writes them itself, it
// publishes one of these where alertCommandRoute says and the alerter instance that reads it
// applies it: an acknowledgment on mentions.by-brand keyed by brand (so the brand's owner, the one
// writer of that alert, applies it in order with the brand's mentions), a silence on alerts.commands
// (not per brand: stored once, every alerter reads silences from the store).
import { z } from 'zod';
import { byBrandKey, TOPICS } from './topics.js';

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
  if (command.kind === 'acknowledge') return byBrandKey(command.brandId);
  return command.silence.brandId ?? command.silence.ruleId ?? command.silence.id;
}

/** Where a command is published: acknowledgments to the brand's partition of mentions.by-brand, silences to alerts.commands. */
export function alertCommandRoute(command: AlertCommand): { topic: string; key: string } {
  return { topic: command.kind === 'acknowledge' ? TOPICS.byBrand : TOPICS.alertCommands, key: alertCommandKey(command) };
}
