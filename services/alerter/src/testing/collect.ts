// Test support: run a scripted stream through a pure engine and describe what it announced.
import type { AlertEngine } from '../engine.js';
import type { AlertChange } from '../lifecycle.js';
import type { EnrichedMention } from '@earshot/schema';

export type Step = { at: number; mention?: EnrichedMention; tick?: true };

export function describeChange(c: AlertChange): string {
  return `${c.kind} ${c.alert.key} r${c.alert.revision} n=${c.alert.count}`;
}

/** Feeds each step at its time (mentions are observed, ticks evaluate everything) and lists the changes. */
export function run(engine: AlertEngine, steps: Step[]): string[] {
  const out: string[] = [];
  for (const step of steps) {
    const changes = step.mention ? engine.observe(step.mention, step.at) : engine.tick(step.at);
    out.push(...changes.map(describeChange));
  }
  return out;
}
