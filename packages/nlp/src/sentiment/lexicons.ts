// Small polarity lexicons we wrote for each language: word stems (folded, see text/fold.ts) that
// carry sentiment, plus negators and intensifiers. They give the trained models a language-level
// prior that does not depend on the training data, and they score text when no model is loaded.
// A stem matches any word that starts with it (inflection); stems shorter than 4 letters match
// whole words only. To extend: add stems here; keep them unambiguous out of context.

export interface Lexicon {
  positive: readonly string[];
  negative: readonly string[];
  /** Words that flip the polarity of the next few words. */
  negators: readonly string[];
  /** Words that flip the polarity of the previous word (Kazakh "емес", "жоқ"). */
  postNegators: readonly string[];
  intensifiers: readonly string[];
  /** One-letter prefixes a word may carry (Hebrew ו ה ב ל מ ש כ). */
  prefixes?: readonly string[];
}

export const LEXICONS: Record<string, Lexicon> = {
  en: {
    positive: ['good', 'great', 'excellent', 'amazing', 'awesome', 'love', 'loved', 'loves', 'lovely', 'best', 'perfect',
      'fantastic', 'wonderful', 'nice', 'happy', 'recommend', 'delicious', 'friendly', 'helpful', 'fast', 'beautiful',
      'enjoy', 'enjoyed', 'impressed', 'impressive', 'pleased', 'satisfied', 'brilliant', 'superb', 'outstanding', 'fine',
      'works', 'worth', 'favorite', 'favourite', 'thanks', 'thank', 'glad', 'easy', 'comfortable', 'reliable', 'fun', 'cool',
      'incredible', 'tasty', 'fresh', 'polite', 'quick', 'smooth', 'clean', 'quality'],
    negative: ['bad', 'terrible', 'awful', 'horrible', 'worst', 'poor', 'hate', 'hated', 'disappointed', 'disappointing',
      'disappointment', 'waste', 'broken', 'useless', 'rude', 'slow', 'boring', 'dirty', 'cheap', 'problem', 'problems',
      'fail', 'failed', 'fails', 'junk', 'crap', 'sucks', 'sucked', 'stupid', 'annoying', 'avoid', 'refund', 'never',
      'wrong', 'unfortunately', 'mediocre', 'bland', 'cold', 'overpriced', 'scam', 'fraud', 'lousy', 'pathetic', 'garbage',
      'disgusting', 'unhappy', 'complaint', 'defective', 'nothing', 'lacking', 'lack', 'lame', 'sad', 'angry'],
    negators: ['not', 'no', 'never', "don't", "doesn't", "didn't", "isn't", "wasn't", "aren't", "weren't", "won't",
      "can't", 'cannot', "couldn't", "wouldn't", "shouldn't", "haven't", "hasn't", 'without', 'nor', 'hardly'],
    postNegators: [],
    intensifiers: ['very', 'really', 'so', 'extremely', 'super', 'highly', 'totally', 'absolutely', 'too', 'most', 'incredibly'],
  },
  ru: {
    positive: ['хорош', 'отличн', 'прекрасн', 'замечательн', 'супер', 'класс', 'лучш', 'любл', 'нрав', 'понрав', 'рекоменд',
      'спасиб', 'благодар', 'удобн', 'быстр', 'вежлив', 'приятн', 'доволен', 'довольн', 'рад', 'молодц', 'круто', 'крут',
      'удач', 'выгодн', 'качествен', 'надежн', 'помог', 'решил', 'восторг', 'идеальн', 'шикарн', 'ура', 'позитив', 'бесплатн'],
    negative: ['плох', 'ужасн', 'отвратительн', 'хуж', 'худш', 'кошмар', 'проблем', 'обман', 'развод', 'жалоб', 'недовол',
      'разочаров', 'грубо', 'груб', 'хамств', 'хам', 'медленн', 'дорог', 'сломал', 'не работает', 'глюк', 'сбой', 'отказ',
      'списал', 'штраф', 'долг', 'ошибк', 'бесит', 'достал', 'надоел', 'позор', 'мошенн', 'ворую', 'воров', 'верните',
      'отключ', 'задерж', 'потеря', 'кидал', 'бред', 'ужас', 'жаль', 'увы', 'минус', 'негатив', 'убыт', 'санкци', 'кризис',
      'падени', 'уволь', 'блокир', 'заблокир', 'нет связи', 'косяк', 'фигн', 'отстой', 'дерьм', 'хрен'],
    negators: ['не', 'нет', 'ни', 'без', 'никогда', 'нельзя', 'никак'],
    postNegators: [],
    intensifiers: ['очень', 'крайне', 'совсем', 'абсолютно', 'самый', 'самая', 'самое', 'так', 'слишком', 'супер', 'весьма'],
  },
  kk: {
    positive: ['жаксы', 'керемет', 'тамаша', 'унады', 'унайды', 'рахмет', 'рахмет', 'ыстык', 'кушты', 'мыкты', 'сапалы',
      'таза', 'тез', 'жылдам', 'ыңгайлы', 'ынгайлы', 'ыкшам', 'арзан', 'сулу', 'адемы', 'адеми', 'дамди', 'дамды',
      'жарайсын', 'жарайсыз', 'ризамын', 'риза', 'ұсынамын', 'усынамын', 'лайык', 'пайдалы', 'кызыкты', 'сәттілік',
      'саттилик', 'береке', 'алгыс', 'шукыр', 'супер', 'класс', 'отлично', 'мейырым', 'сыпайы', 'көмектест', 'комектест'],
    negative: ['жаман', 'нашар', 'унамады', 'унамайды', 'кымбат', 'ушкын', 'баяу', 'лас', 'сапасыз', 'бузылып', 'бузык',
      'алдау', 'алдады', 'алдамшы', 'каты', 'дорекы', 'дөрекі', 'ренжи', 'ренжыт', 'ужас', 'кошмар', 'плохо',
      'уят', 'масқара', 'маскара', 'шагым', 'ақша кайтар', 'кайтармады', 'жетпейды', 'жетпейди', 'киын', 'кыйын',
      'ешкашан', 'ешкандай', 'ашылмайды', 'ашпай', 'косылмайды', 'истемейди', 'истемейды', 'жумыс ыстемейды', 'проблема',
      'артык', 'котермейды', 'котермейди', 'нестимиз', 'болмайды'],
    negators: ['ешкашан', 'еш'],
    postNegators: ['емес', 'жок'],
    intensifiers: ['оте', 'аса', 'тым', 'нагыз', 'шынымен', 'ен', 'кушты'],
  },
  he: {
    positive: ['טוב', 'טובה', 'טובים', 'מצוין', 'מצוינ', 'מעולה', 'נהדר', 'נפלא', 'אוהב', 'אוהבת', 'אוהבים', 'אהבה', 'תודה',
      'כל הכבוד', 'כלהכבוד', 'יפה', 'מדהים', 'מרגש', 'מרגשת', 'גאה', 'גאים', 'גאווה', 'ממליצ', 'מומלצ', 'כבוד', 'מכבד',
      'ברכה', 'ברכות', 'בהצלחה', 'יישר כוח', 'חזק', 'שמח', 'שמחה', 'אלוף', 'אמיץ', 'צדיק', 'ענק', 'מקסים', 'אמן',
      'תנחומים', 'השם ישמור', 'ישמור', 'ישמרכ', 'אחדות', 'שלומ'],
    negative: ['רע', 'רעה', 'גרוע', 'גרועה', 'נורא', 'נוראי', 'איום', 'מאכזב', 'אכזבה', 'מתבייש', 'בושה', 'תתבייש', 'בוש',
      'שונא', 'שנאה', 'מטומטמ', 'טיפש', 'שקר', 'שקרנ', 'צבוע', 'צביעות', 'בוגד', 'בגידה', 'מגעיל', 'חרפה', 'חוצפה',
      'חצוף', 'לא ראוי', 'פחדנ', 'אפס', 'מושחת', 'שמאלני', 'בוז', 'גזענ', 'הסתה', 'מסית', 'תפטר', 'התפטר', 'מביש',
      'עלוב', 'עצוב', 'דמגוג', 'נבזי', 'רשע', 'אויב'],
    negators: ['לא', 'אין', 'אל', 'בלי', 'אינ', 'אף'],
    postNegators: [],
    intensifiers: ['מאוד', 'ממש', 'כל כך', 'הכי', 'נורא', 'לגמרי', 'ביותר'],
    prefixes: ['ו', 'ה', 'ב', 'ל', 'מ', 'ש', 'כ'],
  },
  et: {
    positive: ['hea', 'head', 'hast', 'suurepara', 'tore', 'tore', 'ilus', 'ilusa', 'armas', 'meeldi', 'soovita',
      'aitah', 'tanan', 'tanu', 'tanulik', 'room', 'rahul', 'parim', 'parima', 'lahe', 'vinge', 'imeline', 'imelis',
      'edu', 'edukas', 'onnelik', 'onn', 'kiire', 'sobiv', 'mugav', 'korras', 'vaartus', 'armast', 'huvitav', 'toetus',
      'paranes', 'parane', 'kasv', 'voit', 'voitis', 'tunnustus', 'positiiv', 'lootus', 'kaunis', 'sober',
      // General vocabulary added later (folded): joy, success, praise, help, safety, pride, enjoyment.
      'roomu', 'roomsa', 'onnestu', 'onnitle', 'kiitus', 'kiitis', 'kiida', 'tugev', 'parem', 'parand', 'meeldiv',
      'sobralik', 'hasti', 'vaart', 'tohus', 'lahendus', 'turvali', 'rahulik', 'vabadus', 'uhke', 'uhkus', 'austus',
      'naudi', 'nauti', 'hoolitse', 'hooliv', 'abivalmis', 'saavutu', 'saavuta', 'rekord', 'kasum', 'voidu', 'voitja',
      'eduka', 'tahista', 'lemmik', 'lobus', 'naljakas', 'imetle', 'toeta', 'aitas', 'aitab', 'ilusti', 'fantastili'],
    negative: ['halb', 'halva', 'kehv', 'vilets', 'kohutav', 'jube', 'paha', 'pahasti', 'vale', 'valesti', 'probleem',
      'mure', 'kaeb', 'kaebus', 'pettu', 'pettumus', 'petis', 'kallis', 'kallim', 'aeglane', 'katki', 'viga', 'vead',
      'kahju', 'kahjuks', 'raske', 'hirm', 'kardan', 'ohtlik', 'kriis', 'surm', 'suri', 'hukk', 'vagivald', 'kuritegu',
      'varg', 'kurb', 'viha', 'vihane', 'negatiiv', 'langus', 'kaotus', 'kaotas', 'haige', 'haigus', 'oht', 'skandaal',
      'rumal', 'loll', 'jama', 'haletsusvaar', 'ebaonn', 'ebaaus', 'ebameeldiv', 'hada',
      // General vocabulary added later (folded): regret, pain, fear, crime and violence, loss, decline.
      'paraku', 'kahetse', 'kurvastus', 'valus', 'piina', 'karm', 'hirmus', 'oudne', 'kuri', 'vihka', 'suudi',
      'suudist', 'valeta', 'korrupt', 'vaesus', 'vaene', 'nalg', 'runnak', 'tapmi', 'morv', 'vigastu', 'onnetu',
      'avarii', 'tulekahju', 'havi', 'lohku', 'ahvard', 'kartus', 'stress', 'vasinud', 'tuutu', 'igav', 'vastik',
      'jalk', 'habi', 'kritiseeri', 'streik', 'konflikt', 'raskus', 'keeruli', 'labikuk', 'ohvr', 'ohver', 'kannata',
      'surnu', 'sure', 'vangi', 'trahv', 'karistu', 'ebaoigl', 'ulekohu', 'rikkumi', 'kuritarvit', 'kaota', 'vahene',
      'kukku', 'langes', 'halvene', 'halvem'],
    negators: ['ei', 'pole', 'mitte', 'ara', 'arge', 'ilma', 'polnud', 'eiole'],
    postNegators: [],
    intensifiers: ['vaga', 'vag', 'eriti', 'tohutult', 'kohutavalt', 'ulim', 'liiga', 'tais', 'ikka'],
  },
};
