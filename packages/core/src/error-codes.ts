// What kind of failure an EarshotError is, as a value callers branch on (the HTTP API maps codes
// to statuses, the CLI to exit messages) instead of matching message text or class names.

/**
 * - `bad_input`: the caller's data or request is wrong; retrying the same thing cannot help.
 * - `config`: the deployment is wrong (a missing topic, a bad setting); fix the config.
 * - `auth`: credentials or certificates were refused.
 * - `unavailable`: a dependency (broker, cluster, remote site) is down or overloaded.
 * - `timeout`: an operation ran past its deadline.
 * - `internal`: anything else.
 */
export const ERROR_CODES = ['bad_input', 'config', 'auth', 'unavailable', 'timeout', 'internal'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The code an error gets when its thrower names none: a retriable failure is an outage. */
export function defaultErrorCode(retriable: boolean): ErrorCode {
  return retriable ? 'unavailable' : 'internal';
}
