#!/usr/bin/env node
// The `earshot` command: runs the build in dist/ (`npm run build`, scripts/build.ts), plain
// JavaScript that needs only the production dependencies. Without dist/ it stops with what to run
// rather than falling back to the TypeScript sources: that fallback needs tsx, a dev dependency, and
// would silently make every call seconds slower. In a source checkout it warns when a source file
// changed after the build, since dist/ then runs older code (`npm run earshot:dev` runs the sources).
import { existsSync, readFileSync, statSync } from 'node:fs';

const dist = new URL('../dist/', import.meta.url);
const root = new URL('../', import.meta.url);

if (!existsSync(new URL('main.js', dist))) {
  process.stderr.write(
    'earshot: the build is missing (dist/main.js): run `npm run build` first (npm install runs it too),\n' +
      'or `npm run earshot:dev -- <command>` to run the TypeScript sources through tsx\n',
  );
  process.exit(1);
}
if (existsSync(new URL('services/earshot/src/main.ts', root))) warnIfStale();
await import(new URL('main.js', dist).href);

function warnIfStale() {
  try {
    const info = JSON.parse(readFileSync(new URL('build-info.json', dist), 'utf8'));
    const changed = info.inputs.find((file) => statSync(new URL(file, root), { throwIfNoEntry: false })?.mtimeMs > info.builtAt);
    if (changed) process.stderr.write(`earshot: warning: ${changed} changed after the last build; dist/ runs the code as it was: run \`npm run build\`\n`);
  } catch {
    // No build-info.json (an older build): nothing to compare with.
  }
}
