// Text into HTML and SVG: every piece of data a report shows (brand names, alert titles, story
// titles from mentions) goes through this, so nothing anyone wrote becomes markup.
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
