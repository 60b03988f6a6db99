// Feed items often end in a line that is navigation, not what the author wrote: "Continue
// reading…", "Читать далее →", WordPress's "The post <title> appeared first on <site>." Left in,
// it repeats the title and the site's name (a brand query matches the site, not a mention), and every
// search for "reading" finds it. Only a whole last line is removed — "I'd love to read more" inside a
// sentence stays — and the item's original HTML is kept beside the text as it was.

const READ_MORE = [
  // en
  'continue reading',
  'read more',
  'read the full story',
  'read the full article',
  'read full story',
  'read full article',
  'full story',
  // ru
  'читать далее',
  'читать дальше',
  'читать полностью',
  'подробнее',
  // kk
  'толығырақ',
  'әрі қарай оқу',
  'ары қарай оқу',
  // he
  'המשך קריאה',
  'להמשך קריאה',
  'קרא עוד',
  'קראו עוד',
  'לכתבה המלאה',
  // et
  'loe edasi',
  'loe lähemalt',
  'loe edasi siit',
  'vaata lähemalt',
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A last line that is only a "read more" link, with the arrows, dots and brackets around it. */
const READ_MORE_LINE = new RegExp(`\\n[\\s[(«"»→…>.:-]*(?:${READ_MORE.map(escape).join('|')})[\\s\\])»"→…>.:!-]*$`, 'iu');
/** WordPress's footer, in English and Russian. */
const POSTED_FIRST_LINE =
  /\n(?:the post .{1,300} appeared first on .{1,200}|(?:запись|сообщение) .{1,300} (?:впервые появилась|появились сначала) на .{1,200})$/iu;

/** The text without a trailing navigation line (several, if a feed stacks them). */
export function withoutFeedTrailer(text: string): string {
  let out = text;
  for (;;) {
    const next = `\n${out}`.replace(READ_MORE_LINE, '').replace(POSTED_FIRST_LINE, '').slice(1).trimEnd();
    if (next === out || next === '') return out;
    out = next;
  }
}
