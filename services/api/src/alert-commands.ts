// How the API changes alert state: it does not write alerts or silences itself (the alerter is their
// one writer, issue 14); it publishes an `alert.command` on alerts.commands, keyed by brand, and the
// alerter applies it. Routes answer 202 Accepted with the command.
import type { Bus } from '@earshot/bus';
import { alertCommandKey, encodeMessage, TOPICS, type AlertCommand } from '@earshot/schema';

export interface AlertCommandSender {
  /** Resolves once the bus has durably accepted the command. */
  send(command: AlertCommand): Promise<void>;
}

export function createAlertCommandSender(options: { bus: Bus; now: () => Date }): AlertCommandSender {
  return {
    send: (command) =>
      options.bus.publish(TOPICS.alertCommands, [{ key: alertCommandKey(command), value: encodeMessage('alert.command', command, options.now()) }]),
  };
}
