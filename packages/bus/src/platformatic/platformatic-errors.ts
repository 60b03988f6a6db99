// @platformatic/kafka errors become EarshotErrors here, at the edge. The library nests causes
// ("produce failed 3 times" wrapping the broker's answer), so the message carries the innermost
// distinct reasons; `canRetry` says whether trying again can help.
import { EarshotError } from '@earshot/core';
import { securityHint, type KafkaSecuritySettings } from '../kafka-auth-errors.js';

interface LibraryError {
  message?: unknown;
  canRetry?: unknown;
  errors?: unknown;
  cause?: unknown;
  apiCode?: unknown;
  code?: unknown;
}

const asLibraryError = (err: unknown): LibraryError | undefined => (err && typeof err === 'object' ? (err as LibraryError) : undefined);

/** Every error in the tree: the error itself, its `errors` (AggregateError) and its `cause`. */
function walk(err: unknown, seen = new Set<unknown>()): LibraryError[] {
  const e = asLibraryError(err);
  if (!e || seen.has(e)) return [];
  seen.add(e);
  const nested = Array.isArray(e.errors) ? e.errors : [];
  return [e, ...nested.flatMap((n) => walk(n, seen)), ...walk(e.cause, seen)];
}

/** The reasons at the leaves of the tree, each once. */
export function platformaticReasons(err: unknown): string[] {
  const all = walk(err);
  const leaves = all.filter((e) => !(Array.isArray(e.errors) && e.errors.length) && e.cause === undefined);
  const texts = (leaves.length ? leaves : all).map((e) => String(e.message ?? e));
  return [...new Set(texts)];
}

export function translatePlatformaticError(err: unknown, what: string, security?: KafkaSecuritySettings): EarshotError {
  if (err instanceof EarshotError) return err;
  const top = asLibraryError(err);
  const reasons = platformaticReasons(err);
  const head = typeof top?.message === 'string' ? top.message : String(err);
  const detail = reasons
    .filter((r) => r !== head)
    .slice(0, 3)
    .join('; ');
  const all = walk(err);
  const authentication = all.some((e) => e.code === 'PLT_KFK_AUTHENTICATION');
  const hint = securityHint(`${authentication ? 'authentication ' : ''}${head} ${detail}`, security);
  const retriable = !hint && !all.some((e) => e.canRetry === false);
  return new EarshotError(`kafka: ${what}: ${head}${detail ? ` (${detail})` : ''}${hint ? ` — ${hint}` : ''}`, {
    code: hint ? 'auth' : undefined,
    retriable,
    cause: err,
  });
}

/** The broker's "unknown topic" answer anywhere in the tree. */
export function isPlatformaticUnknownTopic(err: unknown): boolean {
  return walk(err).some((e) => e.apiCode === 3 || (typeof e.message === 'string' && /UNKNOWN_TOPIC_OR_PARTITION|unknown topic/i.test(e.message)));
}
