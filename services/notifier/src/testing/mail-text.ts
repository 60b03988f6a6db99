// Test support: headers and decoded bodies of a raw e-mail (quoted-printable or base64), single-part
// or multipart (the text/plain part as `text`, the text/html part as `html`).
export interface ParsedMail {
  headers: Record<string, string>;
  text: string;
  html?: string;
}

function decodeBody(body: string, encoding: string): string {
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding !== 'quoted-printable') return body;
  const soft = body.replace(/=\r\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < soft.length; i++) {
    const m = soft[i] === '=' ? /^[0-9A-F]{2}/.exec(soft.slice(i + 1, i + 3)) : null;
    if (m) {
      bytes.push(parseInt(m[0], 16));
      i += 2;
    } else bytes.push(...Buffer.from(soft[i]!, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

export function parseMail(raw: string): ParsedMail {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const headers: Record<string, string> = {};
  for (const line of head.split('\r\n')) {
    const i = line.indexOf(':');
    if (i > 0) headers[line.slice(0, i).toLowerCase()] = line.slice(i + 1).trim();
  }
  const body = raw.slice(split + 4);
  const type = (headers['content-type'] ?? 'text/plain').toLowerCase();
  const boundary = /boundary="?([^";]+)"?/i.exec(headers['content-type'] ?? '')?.[1];
  if (type.startsWith('multipart/') && boundary) {
    const parts = body
      .split(`--${boundary}`)
      .slice(1, -1)
      .map((p) => parseMail(p.replace(/^\r\n/, '')));
    const find = (t: string) => parts.find((p) => (p.headers['content-type'] ?? 'text/plain').toLowerCase().startsWith(t));
    return { headers, text: find('text/plain')?.text ?? '', ...(find('text/html') ? { html: find('text/html')!.text } : {}) };
  }
  const text = decodeBody(body, (headers['content-transfer-encoding'] ?? '').toLowerCase()).replace(/\r\n/g, '\n');
  return type.startsWith('text/html') ? { headers, text, html: text } : { headers, text };
}

/** The parts of a multipart e-mail (one level, e.g. multipart/alternative), each with headers and decoded text. */
export function mailParts(raw: string): { headers: Record<string, string>; text: string }[] {
  const { headers } = parseMail(raw);
  const boundary = /boundary="?([^";]+)"?/.exec(headers['content-type'] ?? '')?.[1];
  if (!boundary) return [parseMail(raw)];
  return raw
    .split(`--${boundary}`)
    .slice(1, -1)
    .map((part) => parseMail(part.replace(/^\r\n/, '')));
}
