// How the API changes alert state: it does not write alerts or silences itself (the alerter is their
// one writer, issue 14); it publishes an `alert.command` and the alerter applies it. An
// acknowledgment goes on mentions.by-brand keyed by brand, so the alerter instance that owns the
// brand applies it (in order with the brand's mentions); a silence goes on alerts.commands
// (alertCommandRoute). Routes answer 202 Accepted with the command.
import type { Bus } from '@earshot/bus';
import { alertCommandRoute, encodeMessage, type AlertCommand } from '@earshot/schema';

export interface AlertCommandSender {
  /** Resolves once the bus has durably accepted the command. */
  send(command: AlertCommand): Promise<void>;
}

export function createAlertCommandSender(options: { bus: Bus; now: () => Date }): AlertCommandSender {
  return {
    send: (command) => {
      const { topic, key } = alertCommandRoute(command);
      return options.bus.publish(topic, [{ key, value: encodeMessage('alert.command', command, options.now()) }]);
    },
  };
}
