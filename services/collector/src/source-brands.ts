// Which brands a source's items are checked against: the brands it lists (all by default), and
// the one brand it is about, if any — said by `about:`, or taken by default for review source types
// (a brand's own App Store, Trustpilot or shop page) when the source has exactly one brand.
// `about: false` turns that default off.
import type { SourceConfig } from '@earshot/config';
import { compileBrandQuery } from '@earshot/nlp/query';
import type { SourceType } from './source-type.js';
import type { CompiledBrand, SourceBrands } from './to-mentions.js';

export function resolveSourceBrands(source: SourceConfig, type: SourceType | undefined, brands: CompiledBrand[]): SourceBrands {
  const wanted = Array.isArray(source.brand) ? source.brand : [source.brand];
  const listed = wanted.includes('all') ? brands : brands.filter((b) => wanted.includes(b.id));
  const ownerId =
    typeof source.about === 'string' ? source.about : source.about === undefined && type?.reviews && listed.length === 1 ? listed[0]!.id : undefined;
  const owner = ownerId === undefined ? undefined : brands.find((b) => b.id === ownerId);
  return {
    ...(owner ? { owner } : {}),
    matched: listed.filter((b) => b !== owner),
    ...(source.exclude ? { exclude: compileBrandQuery(source.exclude) } : {}),
  };
}
