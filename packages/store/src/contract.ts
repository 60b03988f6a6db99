// The store contract: the three port suites (mention index, alert store, state store) every adapter
// must pass — SQLite in unit tests, Elasticsearch in integration tests. One adapter class serves all
// three ports over one connection, so one `create` feeds them all.
import { alertStoreContract } from './alert-store-contract.js';
import { mentionIndexContract } from './mention-index-contract.js';
import type { MentionStore } from './port.js';
import { stateStoreContract } from './state-store-contract.js';

export * from './contract-fixtures.js';

export interface StoreContractOptions {
  /** A fresh, empty store (unique index prefix / file per call). */
  create(): Promise<MentionStore>;
  /** Makes written documents visible to search (Elasticsearch refresh); a no-op for SQLite. */
  refresh?(store: MentionStore): Promise<void>;
  /** A fresh, empty store whose reads may take at most `budgetMs` (its query timeout). */
  createWithBudget(budgetMs: number): Promise<MentionStore>;
}

export function storeContract(name: string, options: StoreContractOptions): void {
  const refresh = options.refresh ? (store: unknown) => options.refresh!(store as MentionStore) : undefined;
  mentionIndexContract(name, { create: options.create, createWithBudget: options.createWithBudget, ...(refresh ? { refresh } : {}) });
  alertStoreContract(name, { create: options.create, ...(refresh ? { refresh } : {}) });
  stateStoreContract(name, { create: options.create });
}
