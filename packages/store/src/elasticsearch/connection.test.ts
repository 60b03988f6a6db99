import { describe, expect, it } from 'vitest';
import { elasticsearchConnection } from './elasticsearch-store.js';

describe('elasticsearch connection options', () => {
  it.each([
    ['a plain url', { url: 'http://127.0.0.1:9200' }, { node: 'http://127.0.0.1:9200' }],
    ['an Elastic Cloud id', { cloudId: 'deployment:ZXUtd2VzdC0x' }, { cloud: { id: 'deployment:ZXUtd2VzdC0x' } }],
    ['a CA fingerprint', { url: 'https://es:9200', tls: { caFingerprint: 'AA:BB' } }, { node: 'https://es:9200', caFingerprint: 'AA:BB' }],
    ['a private CA', { url: 'https://es:9200', tls: { ca: 'PEM' } }, { node: 'https://es:9200', tls: { ca: 'PEM', rejectUnauthorized: true } }],
  ])('%s', (_, options, want) => {
    expect(elasticsearchConnection(options)).toEqual(want);
  });

  it('needs a url or a cloud id', () => {
    expect(() => elasticsearchConnection({})).toThrow(/url or cloudId/);
  });
});
