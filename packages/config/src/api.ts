// The HTTP API and dashboard: where it listens and who may use it. Tokens come from the
// environment in real deployments (`token: ${EARSHOT_ADMIN_TOKEN}`). With no tokens at all the API
// makes up one admin token at startup and logs it once (fine for a laptop, not for a server).
import { z } from 'zod';

export const apiTokenSchema = z.object({
  name: z.string().min(1),
  token: z.string().min(16, 'tokens must be at least 16 characters'),
  role: z.enum(['read', 'admin']).default('read'),
  /** Requests per minute allowed for this token. */
  rateLimit: z.number().int().positive().default(600),
});
export type ApiToken = z.infer<typeof apiTokenSchema>;

export const apiSchema = z.object({
  host: z.string().default('127.0.0.1'),
  port: z.number().int().min(0).max(65535).default(4700),
  tokens: z.array(apiTokenSchema).default([]),
  /** Serve the web dashboard at `/` (the data it shows still needs a token). */
  dashboard: z.boolean().default(true),
  /** Most rows one CSV/NDJSON export returns (Elasticsearch pages no deeper than 10 000). */
  exportLimit: z.number().int().positive().max(10_000).default(10_000),
  /** Most concurrent live-stream (SSE) connections per token. */
  maxStreamsPerToken: z.number().int().positive().default(20),
  /**
   * Signs live-stream and download tickets. Give every API replica behind one load balancer the same
   * (e.g. `${EARSHOT_TICKET_SECRET}`), so a ticket one issued is accepted by another; unset, each
   * process makes up its own.
   */
  ticketSecret: z.string().min(32, 'ticketSecret must be at least 32 characters').optional(),
});
export type ApiConfig = z.infer<typeof apiSchema>;
