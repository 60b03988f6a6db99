// A caller's language hint as the code the analyzer answers with. Feeds and sites state their
// language as BCP 47 tags with a region ("en-gb", "ru-RU", "he-IL"), as POSIX locales ("et_EE"), in
// ISO 639-2 ("kaz") or with retired codes ("iw" for Hebrew); the models are keyed by the bare
// ISO 639-1 code. Intl.Locale canonicalises all of these the way CLDR does (iw → he, kaz → kk).

/** Hints seen so far; a process sees a few dozen distinct ones, the cap only bounds a flood of junk. */
const MAX_REMEMBERED = 1000;
const remembered = new Map<string, string | null>();
const names = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/** The tag's language ("en-GB" → "en"), or undefined for what names no known language ("x-default", "zz", "und"). */
export function languageOfTag(tag: string): string | undefined {
  let language = remembered.get(tag);
  if (language === undefined) {
    language = parse(tag);
    if (remembered.size >= MAX_REMEMBERED) remembered.clear();
    remembered.set(tag, language);
  }
  return language ?? undefined;
}

function parse(tag: string): string | null {
  try {
    const language = new Intl.Locale(tag.trim().replace(/_/g, '-')).language;
    if (language === 'und') return null;
    return names.of(language) === undefined ? null : language;
  } catch {
    // Not a well-formed tag, or "und" (which DisplayNames refuses).
    return null;
  }
}
