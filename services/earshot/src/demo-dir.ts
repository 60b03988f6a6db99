// Where the bundled demo lives (its feeds and earshot.demo.yaml). Its own file so that finding the
// demo config (load.ts, every command) does not load the demo server and the HTTP client with it.
import { fileURLToPath } from 'node:url';

export const DEMO_DIR = fileURLToPath(new URL('../../../demo/', import.meta.url));
