// Text and links for Slack's mrkdwn, where `<…>` is markup: `<!channel>` pings everyone and
// `<url|text>` is a link. Mention titles, texts and URLs come from the Internet, so every `&`, `<`
// and `>` is escaped, a link's URL can neither close the link nor add a label (`|`, `>` are
// percent-encoded) and a URL that is not http(s) is shown as plain text, never linked.
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** `<url|label>` for an http(s) URL; the escaped label alone for anything else. */
export function mrkdwnLink(url: string | undefined, label: string): string {
  const text = escapeMrkdwn(label.replace(/\s+/g, ' ').trim() || 'link');
  let parsed: URL;
  try {
    parsed = new URL(url ?? '');
  } catch {
    return text;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return text;
  const href = parsed.href.replace(/\|/g, '%7C').replace(/</g, '%3C').replace(/>/g, '%3E').replace(/&/g, '&amp;');
  return `<${href}|${text}>`;
}
