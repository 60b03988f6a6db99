// The HTTP API and dashboard: where it listens and who may use it. Tokens come from the
// environment in real deployments (`token: ${EARSHOT_ADMIN_TOKEN}`).
import { z } from 'zod';

export const apiTokenSchema = z.object({
  name: z.string().min(1),
  token: z.string().min(16, 'tokens must be at least 16 characters'),
  role: z.enum(['read', 'admin']).default('read'),
  /** Requests per minute allowed for this token. */
  rateLimit: z.number().int().positive().default(600),
});

export const apiSchema = z.object({
  host: z.string().default('127.0.0.1'),
  port: z.number().int().min(0).max(65535).default(4700),
  tokens: z.array(apiTokenSchema).default([]),
});
export type ApiConfig = z.infer<typeof apiSchema>;
