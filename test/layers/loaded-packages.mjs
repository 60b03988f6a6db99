// Prints, as JSON, the bare specifiers first resolved while importing each module named on the
// command line, in order: what a process pays for at run time when it imports that entry. Run
// under `node --import tsx`.
import { registerHooks } from 'node:module';

let seen = new Set();
registerHooks({
  resolve(specifier, context, next) {
    seen.add(specifier);
    return next(specifier, context);
  },
});
const loaded = {};
for (const entry of process.argv.slice(2)) {
  seen = new Set();
  await import(entry);
  loaded[entry] = [...seen].filter((s) => !s.startsWith('.') && !s.startsWith('node:') && !s.startsWith('file:')).sort();
}
console.log(JSON.stringify(loaded));
