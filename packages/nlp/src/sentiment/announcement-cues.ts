// Subjectivity cues for languages whose sentiment data has no neutral class (English dev, Hebrew):
// their binary-trained models read domain words as opinion ("הבא", "next", was positive in
// comments to the president), so a factual announcement scores far from neutral. A text that
// names a time (a date, a weekday, "next month", a digit), addresses no one and speaks for no one
// (no first or second person) and exclaims nothing is read as an announcement; the scorer then
// calls it neutral unless the model is very sure and no polar lexicon word occurs
// (NeutralRule.announcementBand). Measured in the ROUNDS.md (issue 10, round 4).
// An offer or a notice sends its reader to the details elsewhere ("подробности на сайте",
// "толығырақ сайтта"): such a text that speaks for no one and exclaims nothing is the company's word,
// not a customer's opinion (NeutralRule.offers; ROUNDS.md round 46).

import type { PreparedText } from '../text/prepare-text.js';
import { fold } from '../text/fold.js';

export interface AnnouncementCues {
  /** Folded words that name a time: weekdays, months, "week", "next", "quarterly" … */
  time: ReadonlySet<string>;
  /** Folded first- and second-person words: someone speaking for themselves or to someone. */
  person: ReadonlySet<string>;
  /** Folded stems of time words in inflecting languages (Estonian, Kazakh): a word starting with one names a time. */
  timeStems: readonly string[];
  /** Folded words that send the reader to details elsewhere: "details", "подробности", "толығырақ" … */
  details: ReadonlySet<string>;
}

const RAW: Record<string, { time: string; person: string; timeStems?: string; details: string }> = {
  en: {
    time:
      'monday tuesday wednesday thursday friday saturday sunday mondays tuesdays wednesdays thursdays fridays saturdays sundays ' +
      'january february march april may june july august september october november december week month year next tomorrow today ' +
      'weekdays weekends weekend quarterly spring summer autumn winter hours',
    person: "i i'm im me my mine myself you you're youre your yours u ur",
    details: 'details',
  },
  // Measured for Russian and not used (its tweets name numbers and times in complaints; ROUNDS.md round 4).
  ru: {
    time:
      'понедельник понедельника вторник вторника среда среду среды четверг четверга пятница пятницу пятницы суббота субботу субботы ' +
      'воскресенье воскресенья январь января феврале февраля март марта апрель апреля май мая июнь июня июль июля август августа ' +
      'сентябрь сентября октябрь октября ноябрь ноября декабрь декабря декабре январе марте апреле мае июне июле августе сентябре ' +
      'октябре ноябре неделя неделе неделю недели месяц месяца месяце следующей следующий следующем следующего завтра квартал ' +
      'квартала квартале квартал года году часов часа утра',
    person: 'я меня мне мной мой моя мое мои моих моим моей моего ты тебя тебе тобой твой твоя твое твои твоих вы вас вам вами ваш ваша ваше ваши ваших',
    details: 'подробности подробнее',
  },
  he: {
    time:
      'חודש בחודש החודש מהחודש לחודש שבוע בשבוע השבוע מהשבוע שבועות יום ביום היום מיום מחר ממחר שעה בשעה שעות השעות הבא הבאה ' +
      'ינואר פברואר מרץ אפריל מאי יוני יולי אוגוסט ספטמבר אוקטובר נובמבר דצמבר בינואר בפברואר במרץ באפריל במאי ביוני ביולי ' +
      'באוגוסט בספטמבר באוקטובר בנובמבר בדצמבר ראשון שני שלישי רביעי חמישי שישי רבעון הרבעון הרבעוניים שנה בשנה השנה',
    person: 'אני אתה אתם אתן אנחנו אנו אותך אותי אותנו לך לי לנו שלך שלי שלנו שלכם לכם אותכם עליך ממך איתך בשבילך אליך',
    details: 'פרטים לפרטים הפרטים',
  },
  // Measured for Estonian and Kazakh and not used (ROUNDS.md round 6). Stems take every case ending
  // (detsembrist, желтоқсанда); only stems of 4+ letters that start no common other word.
  et: {
    time: 'kuu kuus kuul kuud homme täna nädal aasta aastal aastas tund tundi tunni',
    timeStems:
      'esmaspäev teisipäev kolmapäev neljapäev reede laupäev pühapäev jaanuar veebruar märts aprill juuni juuli august ' +
      'septemb oktoob novemb detsemb nädala nädalal nädalas järgmi homse tänase kvartal aastase tööpäev nädalavahetus',
    person: 'mina ma minu mind mulle minul minult sina sa sinu sind sulle sinul sinult meie me meid meile meil meie teie te teid teile teil',
    details: 'lisainfo täpsem täpsemalt lähemalt',
  },
  kk: {
    time: 'ай айда айдан апта аптада жыл жылы ертең бүгін сағат',
    timeStems:
      'дүйсенбі сейсенбі сәрсенбі бейсенбі жұмада сенбіде жексенбі қаңтар ақпан наурыз сәуір мамыр маусым шілде тамыз ' +
      'қыркүйек қазанда қараша желтоқсан аптасы аптадан келесі ертеңнен сағатта тоқсан',
    person: 'мен менің маған мені менде менен сен сенің саған сені сенде сіз сіздің сізге сізді сізде біз біздің бізге бізді бізде',
    details: 'толығырақ',
  },
};

export function announcementCuesFor(lang: string): AnnouncementCues | undefined {
  const raw = RAW[lang];
  if (!raw) return undefined;
  const set = (list: string) => new Set(list.split(' ').map(fold));
  return { time: set(raw.time), person: set(raw.person), timeStems: raw.timeStems ? raw.timeStems.split(' ').map(fold) : [], details: set(raw.details) };
}

const DIGIT = /\d/;

/** True when the text names a time, has no first/second person and no exclamation mark. */
export function looksLikeAnnouncement(text: PreparedText, cues: AnnouncementCues): boolean {
  return speaksForNoOne(text, cues) && (DIGIT.test(text.norm) || text.words.some((w) => cues.time.has(w) || startsWithAny(w, cues.timeStems)));
}

/** True when the text sends its reader to details elsewhere, has no first/second person and no exclamation mark. */
export function looksLikeOffer(text: PreparedText, cues: AnnouncementCues): boolean {
  return speaksForNoOne(text, cues) && text.words.some((w) => cues.details.has(w));
}

/** No first- or second-person word and no "!": what an announcement and an offer have in common. */
function speaksForNoOne(text: PreparedText, cues: AnnouncementCues): boolean {
  return !text.text.includes('!') && !text.words.some((w) => cues.person.has(w));
}

function startsWithAny(word: string, stems: readonly string[]): boolean {
  for (const stem of stems) if (word.startsWith(stem)) return true;
  return false;
}
