// Declares a route whose reply body must match its documented response schema, checked by the
// compiler: the handler's `body` has the schema's type, so a field the code adds or drops without
// the schema (and so the OpenAPI document) changing is a type error, not a silent drift. Routes that
// write the response themselves (exports, streams) resolve to nothing, as with any route.
import type { z } from 'zod';
import type { RequestContext, Route, RouteDoc } from './router.js';

export interface TypedReply<B> {
  status?: number;
  body: B;
  headers?: Record<string, string>;
}

export interface TypedRoute<S extends z.ZodType> extends Omit<Route, 'handle' | 'doc'> {
  doc: RouteDoc & { response: S };
  handle(ctx: RequestContext): Promise<TypedReply<z.output<S>> | void>;
}

export function defineRoute<S extends z.ZodType>(route: TypedRoute<S>): Route {
  return route;
}
