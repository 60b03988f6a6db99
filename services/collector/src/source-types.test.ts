// The registry answers to every name config validation accepts, each with the implementation of
// that name: a config that passes `earshot config check` never names a type the collector lacks.
import { describe, expect, it } from 'vitest';
import { SOURCE_TYPE_NAMES } from './source-type-names.js';
import { createSourceTypes } from './source-types.js';

describe('createSourceTypes', () => {
  it('registers one source type per accepted name, each answering to that name', () => {
    const types = createSourceTypes();
    expect([...types.keys()]).toEqual([...SOURCE_TYPE_NAMES]);
    for (const [name, type] of types) expect(type.type, name).toBe(name);
  });
});
