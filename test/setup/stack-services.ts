// Which of infra/local/stack's services have no process yet: the ones a test run starts, and so the
// only ones it may stop at its end. Health is not the question — a server another run (a CI job, a
// second terminal) started moments ago is running but not yet healthy, and stopping it at this run's
// end pulled it from under that run.
import { spawnSync } from 'node:child_process';

export type StackService = 'kafka' | 'es';

/** The services of `services` for which `stack status` finds no process. */
export function stoppedServices(stack: string, services: readonly StackService[], env: NodeJS.ProcessEnv = process.env): StackService[] {
  return services.filter((svc) => {
    const status = spawnSync(stack, ['status', svc], { encoding: 'utf8', env });
    // "<name> stopped" (maybe "(but port … is in use by another process)"); "running, …" otherwise.
    return status.status !== 0 && !/\brunning\b/.test(status.stdout ?? '');
  });
}
