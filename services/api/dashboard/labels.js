// Words instead of codes: language names in the reader's own language (Intl.DisplayNames, so `kk`
// reads "Kazakh" to an English reader and "казахский" to a Russian one), source titles and topic
// names from /api/v1/labels, brand names. An id nobody named is shown as it is.

/** Labels from the API's /api/v1/labels answer (or nothing yet), for the browser's languages. */
export function makeLabels(answer, locales = navigator.languages) {
  let languageNames;
  try {
    languageNames = new Intl.DisplayNames(locales, { type: 'language', fallback: 'code' });
  } catch {
    languageNames = undefined;
  }
  const table = (rows, key, value) => new Map((rows ?? []).map((r) => [r[key], r[value]]));
  const sources = table(answer?.sources, 'id', 'title');
  const topics = table(answer?.topics, 'id', 'name');
  const brands = table(answer?.brands, 'id', 'name');
  return {
    lang(code) {
      if (!code) return '';
      if (code === 'und') return 'Unknown language';
      try {
        return languageNames?.of(code) ?? code;
      } catch {
        return code;
      }
    },
    source: (id) => sources.get(id) ?? id,
    topic: (id) => topics.get(id) ?? id,
    brand: (id) => brands.get(id) ?? id,
  };
}

/** The reader's time zone (IANA name), which the API uses for time buckets. */
export const readerTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
