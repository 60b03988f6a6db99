// @earshot/core: the bottom layer. Errors with a code, the one retry helper and sleep; imports no
// workspace package, so every other package can use it without an import cycle.
export * from './error-codes.js';
export * from './errors.js';
export * from './retry.js';
