// Conditional GET: the ETag and Last-Modified a source last answered with, kept in the store's
// small-state table so a restarted collector asks "changed since?" instead of refetching everything.
// Saved only after the items of that response were published, so a crash in between refetches
// rather than loses them.
import type { StateStore } from '@earshot/store';

export const VALIDATORS_NAMESPACE = 'collector.validators';

export interface Validators {
  /** The URL the validators belong to; a changed source URL starts afresh. */
  url: string;
  etag?: string;
  lastModified?: string;
}

export interface ValidatorStore {
  get(sourceId: string, url: string): Promise<Validators | undefined>;
  set(sourceId: string, validators: Validators): Promise<void>;
}

export function createValidatorStore(options: { store: StateStore }): ValidatorStore {
  return {
    async get(sourceId, url) {
      const saved = await options.store.getState<Validators>(VALIDATORS_NAMESPACE, sourceId);
      return saved?.url === url ? saved : undefined;
    },
    async set(sourceId, validators) {
      if (!validators.etag && !validators.lastModified) return;
      await options.store.setState(VALIDATORS_NAMESPACE, sourceId, validators);
    },
  };
}

/** The request headers that make a GET conditional. */
export function conditionalHeaders(validators: Validators | undefined): Record<string, string> {
  return {
    ...(validators?.etag ? { 'if-none-match': validators.etag } : {}),
    ...(validators?.lastModified ? { 'if-modified-since': validators.lastModified } : {}),
  };
}
