import { describe, expect, it } from 'vitest';
import type { RawMention } from '@earshot/schema';
import { analysisInput } from './analysis-input.js';

const raw = (title: string, text: string, langHint?: string): RawMention => ({
  id: 'm',
  brandId: 'acme',
  sourceId: 's',
  sourceType: 'feed',
  url: 'https://x.org/1',
  title,
  text,
  ...(langHint ? { langHint } : {}),
  collectedAt: '2026-11-20T10:00:00.000Z',
});

// Our own sentences.
const POST = 'Acme support kept me on hold for forty minutes and then hung up. Third time this month, and the bill went up again.';

describe('analysisInput', () => {
  it('reads a title and a text that say different things both, title first', () => {
    expect(analysisInput(raw('Acme outage', 'Acme support was slow and rude today.'))).toEqual({ text: 'Acme outage\nAcme support was slow and rude today.' });
  });

  it('reads a text whose start the title repeats once, the title cut with an ellipsis or not', () => {
    for (const title of [POST.slice(0, 60), `${POST.slice(0, 59)}…`, `${POST.slice(0, 57)}...`, `${POST.slice(0, 59).toUpperCase()} …`]) {
      expect(analysisInput(raw(title, POST)).text).toBe(POST);
    }
    // Spaces and line breaks differ between a title and an HTML text's paragraphs.
    expect(analysisInput(raw('Связь пропала снова', 'Связь  пропала\nснова. Третий раз за неделю.')).text).toBe('Связь  пропала\nснова. Третий раз за неделю.');
  });

  it('reads a title alone whose start the text repeats, and either side alone when the other is empty', () => {
    expect(analysisInput(raw(POST, `${POST.slice(0, 80)}…`)).text).toBe(POST);
    expect(analysisInput(raw('', POST)).text).toBe(POST);
    expect(analysisInput(raw(POST, '')).text).toBe(POST);
    // A side is dropped only when all of it was compared: with the text's start all spaces, both are read.
    const spaced = `Acme${' '.repeat(200)}support was slow, and the bill went up again.`;
    expect(analysisInput(raw('Acme support was slow', spaced)).text).toBe(`Acme support was slow\n${spaced}`);
  });

  it('passes the language hint along', () => {
    expect(analysisInput(raw('', 'Väga hea teenindus', 'et-EE'))).toEqual({ text: 'Väga hea teenindus', langHint: 'et-EE' });
  });
});
