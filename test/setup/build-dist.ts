// Builds dist/ (scripts/build.ts) once before the integration tests: they run the real `earshot`
// command, and bin/earshot.js runs dist/, so a build older than the sources under test would test
// old code. esbuild takes about a second.
import { build } from '../../scripts/build.js';

export default async function setup(): Promise<void> {
  await build();
}
