// Preloaded into an `earshot` process (NODE_OPTIONS=--import=<this file>) to record which npm
// packages it loads: at exit it appends, as one JSON line to the file named by
// RECORD_PACKAGES_TO, the package of every bare specifier it resolved. A resolve hook sees ES
// module imports and require() alike, which process.moduleLoadList does not.
import { appendFileSync } from 'node:fs';
import { isBuiltin, registerHooks } from 'node:module';

const out = process.env.RECORD_PACKAGES_TO;
const packages = new Set();
registerHooks({
  resolve(specifier, context, next) {
    if (!/^[./]|^file:/.test(specifier) && !isBuiltin(specifier)) {
      const parts = specifier.split('/');
      packages.add(parts.slice(0, specifier.startsWith('@') ? 2 : 1).join('/'));
    }
    return next(specifier, context);
  },
});
if (out) process.on('exit', () => appendFileSync(out, `${JSON.stringify([...packages].sort())}\n`));
