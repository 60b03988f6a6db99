// Applies the alert commands the API publishes (packages/schema alert-command.ts): acknowledgments
// arrive on mentions.by-brand with the brand's mentions (the owner of the brand applies them),
// silences on alerts.commands (any one instance stores them).
// The alerter is the one writer of alert records and silences: an acknowledgment goes into the
// engine's open alert (so it is not re-notified, and every later revision keeps it) and out through
// the outbox like any change — republished on `alerts` (same revision: the notifier does not deliver
// it again; live streams show it) and stored. An alert not open here (resolved, or an acknowledgment
// an older API left on alerts.commands for a brand another instance owns) is acknowledged on its
// newest known copy.
import type { Logger } from '@earshot/observability';
import { drop, ok, type Outcome } from '@earshot/pipeline';
import type { AcknowledgeCommand, AlertCommand, SilenceCommand } from '@earshot/schema';
import type { AlertStore } from '@earshot/store';
import type { AlertOutbox } from './alert-outbox.js';
import type { AlertEngine } from './engine.js';

export interface CommandContext {
  engine: AlertEngine;
  store: AlertStore;
  outbox: AlertOutbox;
  logger: Logger;
  now: Date;
}

async function acknowledge(command: AcknowledgeCommand, ctx: CommandContext): Promise<Outcome> {
  const ack = { by: command.by, at: command.at };
  const open = ctx.engine.acknowledge(command.alertKey, ack);
  let alert = open?.alert;
  if (open && !open.changed) return drop(`alert ${command.alertKey} is acknowledged already`);
  if (!open) {
    const known = ctx.outbox.get(command.alertKey) ?? (await ctx.store.getAlert(command.alertKey));
    if (!known) return drop(`no alert with key ${command.alertKey}`);
    if (known.acknowledgedAt) return drop(`alert ${command.alertKey} is acknowledged already`);
    alert = { ...known, acknowledgedAt: ack.at, acknowledgedBy: ack.by };
  }
  ctx.outbox.add([alert!]);
  ctx.logger.info({ alertKey: command.alertKey, by: command.by, note: command.note, commandId: command.id }, 'alert acknowledged');
  return ok();
}

async function silence(command: SilenceCommand, ctx: CommandContext): Promise<Outcome> {
  const { silence } = command;
  // Stored only: every instance reads the silences from the store before each mention batch and
  // tick (alerter.ts loadSilences), this one included, so the store stays the one source of them.
  await ctx.store.addSilence(silence);
  // Alerts already waiting in the outbox are left to go out. A silence holds from now on, like a
  // mute: it does not retract what was concluded before it. Only a failing bus or store keeps alerts
  // there across batches, so what waits was decided before the silence arrived; the outbox publishes
  // before it stores, so the record and the stream agree; and an opening dropped here would leave the
  // engine's alert open, to resolve later with nobody having seen it open.
  ctx.logger.info({ silenceId: silence.id, ruleId: silence.ruleId, brandId: silence.brandId, until: silence.until, by: command.by }, 'silence added');
  return ok();
}

/** Applies one command; store failures throw (the batch is retried), unknown alerts are dropped. */
export function applyCommand(command: AlertCommand, ctx: CommandContext): Promise<Outcome> {
  return command.kind === 'acknowledge' ? acknowledge(command, ctx) : silence(command, ctx);
}
