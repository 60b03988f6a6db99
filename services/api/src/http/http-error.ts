// The one way a handler says "this request is wrong": a status, a stable machine-readable code and a
// message meant for the person who wrote the request. The router turns it into a JSON body.
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const badRequest = (message: string, details?: unknown) => new HttpError(400, 'bad_request', message, {}, details);
export const notFound = (message: string) => new HttpError(404, 'not_found', message);
