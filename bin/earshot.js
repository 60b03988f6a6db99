#!/usr/bin/env node
// The `earshot` command. Registers tsx so the TypeScript sources run as they are (no build step),
// then hands over to the composition root in services/earshot.
import { register } from 'tsx/esm/api';

register();
await import('../services/earshot/src/main.ts');
