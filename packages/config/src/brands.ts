// Brands are what marketing teams watch: an id, a display name and a query (the brand query
// language of @earshot/nlp; the name alone when no query is given), and optionally its own
// accounts and hashtags.
import { z } from 'zod';

export const brandSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'use lower-case letters, digits, - and _'),
  name: z.string().min(1),
  query: z.string().min(1).optional(),
  /** The brand's own accounts ("@AcmeSupport"): mentions of them count, posts by or to them are marked. */
  handles: z.array(z.string().regex(/^@?[\p{L}\p{N}\p{M}_.]+$/u, 'a handle is letters, digits and _ (with or without @)')).default([]),
  /** The brand's own hashtags ("#acme"). */
  hashtags: z.array(z.string().regex(/^#?[\p{L}\p{N}\p{M}_]+$/u, 'a hashtag is letters, digits and _ (with or without #)')).default([]),
});
export type BrandConfig = z.infer<typeof brandSchema> & { query: string };
