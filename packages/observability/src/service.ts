// Every stage is a Service: started and stopped by its composition root, asked for its health.
export type HealthStatus = 'ok' | 'degraded' | 'error';

export interface Health {
  status: HealthStatus;
  details?: Record<string, unknown>;
}

export interface Service {
  readonly id: string;
  start(): Promise<void>;
  /** Finishes work in flight, commits, flushes, closes. */
  stop(): Promise<void>;
  health(): Health | Promise<Health>;
}

const RANK: Record<HealthStatus, number> = { ok: 0, degraded: 1, error: 2 };

/** The worst status wins. */
export function combineHealth(entries: Record<string, Health>): Health {
  let status: HealthStatus = 'ok';
  for (const h of Object.values(entries)) if (RANK[h.status] > RANK[status]) status = h.status;
  return { status, details: entries };
}
