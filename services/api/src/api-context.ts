// What route handlers share: the store, the alert command sender, the live hub, the clock, the parts of the config they need.
// Built once per API instance by createApi; no module-level state.
import type { ApiConfig, BrandConfig, SourceConfig } from '@earshot/config';
import type { Logger } from '@earshot/observability';
import type { AlertStore, MentionIndex } from '@earshot/store';
import type { AlertCommandSender } from './alert-commands.js';
import type { Authenticator } from './auth/authenticator.js';
import type { TicketIssuer } from './auth/stream-ticket.js';
import type { LiveHub } from './live/live-hub.js';

export interface ApiContext {
  api: ApiConfig;
  brands: BrandConfig[];
  /** Configured sources (their titles name them in the dashboard). */
  sources: SourceConfig[];
  /** Read only: mentions from the index; alerts, silences and stories (the alerter writes them). */
  store: MentionIndex & AlertStore;
  /** Acknowledgments and silences go to the alerter as commands (alert-commands.ts). */
  commands: AlertCommandSender;
  hub: LiveHub;
  auth: Authenticator;
  tickets: TicketIssuer;
  logger: Logger;
  now: () => Date;
}
