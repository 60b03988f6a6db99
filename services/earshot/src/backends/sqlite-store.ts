// The SQLite store (better-sqlite3), loaded by adapters.ts only when the config chooses it; why
// through this file: backends/embedded-bus.ts.
export { createSqliteStore } from '@earshot/store/sqlite';
