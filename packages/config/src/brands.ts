// Brands are what marketing teams watch: an id, a display name and a query (the brand query
// language of @earshot/nlp; the name alone when no query is given).
import { z } from 'zod';

export const brandSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'use lower-case letters, digits, - and _'),
  name: z.string().min(1),
  query: z.string().min(1).optional(),
});
export type BrandConfig = z.infer<typeof brandSchema> & { query: string };
