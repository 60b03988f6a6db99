// The alert log: list and read alerts, acknowledge one (admin), and silence a rule or brand for a
// while (admin). The API reads alerts and silences but never writes them: acknowledging and silencing
// send a command to the alerter, their one writer (alert-commands.ts), and answer 202 Accepted with
// it. The alerter records who and when on the alert without changing its revision (so nothing is
// notified again) and republishes it, which is how live streams learn of it.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { acknowledgeCommandV1, formatIssues, type AcknowledgeCommand, type Silence } from '@earshot/schema';
import type { ApiContext } from '../api-context.js';
import { readJsonBody } from '../http/body.js';
import { badRequest, notFound } from '../http/http-error.js';
import type { Route } from '../http/router.js';
import { intParam, one, periodMs, readParams } from '../query/query-params.js';
import { defineRoute } from '../http/define-route.js';
import { NAMED_SCHEMAS, alertListResponse, silenceListResponse, silenceSchema } from '../responses.js';

export const ALERT_LIST_PARAMS = ['brand', 'state', 'limit'] as const;

export const acknowledgeBody = z.strictObject({ note: z.string().max(500).optional() });

export const silenceBody = z
  .strictObject({
    alertKey: z.string().min(1).max(300).optional(),
    ruleId: z.string().min(1).max(100).optional(),
    brandId: z
      .string()
      .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/)
      .optional(),
    duration: z
      .string()
      .regex(/^[1-9]\d{0,4}[mhd]$/, 'a period such as 30m, 4h or 2d')
      .optional(),
    until: z.iso.datetime({ offset: true }).optional(),
    reason: z.string().max(500).optional(),
  })
  .refine((b) => b.alertKey || b.ruleId || b.brandId, { message: 'name what to silence: alertKey, ruleId or brandId' })
  .refine((b) => !b.duration !== !b.until, { message: 'give either duration or until' });

function parseBody<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw badRequest(`invalid body: ${formatIssues(parsed.error)}`);
  return parsed.data;
}

export function alertRoutes(ctx: ApiContext): Route[] {
  return [
    defineRoute({
      method: 'GET',
      path: '/api/v1/alerts',
      access: 'read',
      doc: {
        operationId: 'listAlerts',
        response: alertListResponse,
        summary: 'Alerts, most recently updated first.',
        tag: 'alerts',
        params: ALERT_LIST_PARAMS,
      },
      async handle({ url }) {
        const params = readParams(url.searchParams, ALERT_LIST_PARAMS);
        if ((params.brand?.length ?? 0) > 1) throw badRequest('invalid query: brand: one brand per alert query');
        const state = one(params, 'state');
        const alerts = await ctx.store.listAlerts({
          ...(params.brand?.[0] ? { brandId: params.brand[0] } : {}),
          ...(state === 'open' || state === 'resolved' ? { state } : {}),
          limit: intParam(params, 'limit', { min: 1, max: 200, fallback: 50 }),
        });
        return { body: { alerts } };
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/v1/alerts/:key',
      access: 'read',
      doc: { operationId: 'getAlert', response: NAMED_SCHEMAS.Alert, summary: 'One alert by key.', tag: 'alerts' },
      async handle({ url, params }) {
        readParams(url.searchParams, []);
        const alert = await ctx.store.getAlert(params.key!);
        if (!alert) throw notFound(`no alert with key ${JSON.stringify(params.key)}`);
        return { body: alert };
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/v1/alerts/:key/acknowledge',
      access: 'admin',
      doc: {
        operationId: 'acknowledgeAlert',
        response: acknowledgeCommandV1,
        summary:
          'Acknowledge an alert (admin): 202 with the command the alerter applies (it records who and when, once; the updated alert arrives on the stream).',
        tag: 'alerts',
        body: acknowledgeBody,
        status: 202,
      },
      async handle({ req, url, params, principal }) {
        readParams(url.searchParams, []);
        const body = parseBody(acknowledgeBody, await readJsonBody(req));
        const alert = await ctx.store.getAlert(params.key!);
        if (!alert) throw notFound(`no alert with key ${JSON.stringify(params.key)}`);
        const command: AcknowledgeCommand = {
          kind: 'acknowledge',
          id: randomUUID(),
          by: principal!.name,
          at: ctx.now().toISOString(),
          alertKey: alert.key,
          brandId: alert.brandId,
          ...(body.note ? { note: body.note } : {}),
        };
        await ctx.commands.send(command);
        ctx.logger.info({ alertKey: alert.key, by: command.by, commandId: command.id }, 'acknowledgment sent to the alerter');
        return { status: 202, body: command };
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/v1/silences',
      access: 'read',
      doc: { operationId: 'listSilences', response: silenceListResponse, summary: 'Silences in force now.', tag: 'alerts' },
      async handle({ url }) {
        readParams(url.searchParams, []);
        return { body: { silences: await ctx.store.listSilences(ctx.now().toISOString()) } };
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/v1/silences',
      access: 'admin',
      doc: {
        operationId: 'createSilence',
        response: silenceSchema,
        summary:
          'Silence a rule and/or brand (or the rule and brand of an alert) for a duration or until a time (admin): 202 with the silence the alerter stores.',
        tag: 'alerts',
        body: silenceBody,
        status: 202,
      },
      async handle({ req, url, principal }) {
        readParams(url.searchParams, []);
        const body = parseBody(silenceBody, await readJsonBody(req));
        let { ruleId, brandId } = body;
        if (body.alertKey) {
          const alert = await ctx.store.getAlert(body.alertKey);
          if (!alert) throw notFound(`no alert with key ${JSON.stringify(body.alertKey)}`);
          ruleId ??= alert.ruleId;
          brandId ??= alert.brandId;
        }
        const now = ctx.now();
        const until = body.until ?? new Date(now.getTime() + periodMs(body.duration!)).toISOString();
        if (Date.parse(until) <= now.getTime()) throw badRequest('invalid body: until must be in the future');
        const silence: Silence = {
          id: randomUUID(),
          ...(ruleId ? { ruleId } : {}),
          ...(brandId ? { brandId } : {}),
          until: new Date(until).toISOString(),
          ...(body.reason ? { reason: body.reason } : {}),
          createdBy: principal!.name,
        };
        await ctx.commands.send({ kind: 'silence', id: silence.id, by: principal!.name, at: now.toISOString(), silence });
        ctx.logger.info({ silenceId: silence.id, ruleId, brandId, until: silence.until, by: principal!.name }, 'silence sent to the alerter');
        return { status: 202, body: silence };
      },
    }),
  ];
}
