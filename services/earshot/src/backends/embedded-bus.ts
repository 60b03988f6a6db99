// The embedded bus, loaded by adapters.ts only when the config chooses it. Backends are imported
// through these files, not by a dynamic import of the package subpath: scripts/build.ts refuses
// that (see commands/nlp-run.ts), and one small file per backend gives each its own chunk.
export { createEmbeddedBus } from '@earshot/bus/embedded';
