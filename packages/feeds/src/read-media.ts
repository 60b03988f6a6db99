// Media RSS (media:group, media:description, media:community) as YouTube channel feeds and many
// podcast and video feeds use it: the item's text and audience live there, not in the entry.
import { compact, type FeedMedia } from './feed-model.js';
import { attrOf, childOf, textContent, type XmlElement } from './xml-tree.js';

function number(value: string | undefined): number | undefined {
  const n = Number(value);
  return value !== undefined && value.trim() !== '' && Number.isFinite(n) ? n : undefined;
}

export function readMedia(item: XmlElement): FeedMedia | undefined {
  const group = childOf(item, 'media', 'group') ?? item;
  const description = childOf(group, 'media', 'description') ?? childOf(item, 'media', 'description');
  const thumbnail = childOf(group, 'media', 'thumbnail') ?? childOf(item, 'media', 'thumbnail');
  const community = childOf(group, 'media', 'community');
  const stars = childOf(community, 'media', 'starrating');
  const average = number(attrOf(stars, 'average'));
  const media = compact({
    description: description ? textContent(description).trim() : undefined,
    thumbnail: attrOf(thumbnail, 'url'),
    views: number(attrOf(childOf(community, 'media', 'statistics'), 'views')),
    rating: average !== undefined ? { average, min: number(attrOf(stars, 'min')) ?? 1, max: number(attrOf(stars, 'max')) ?? 5 } : undefined,
  });
  return Object.keys(media).length ? media : undefined;
}
