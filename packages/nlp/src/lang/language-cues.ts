// Hand-written evidence for telling languages of the same script apart on short texts: letters only
// one language uses, and very common words (in folded form, see text/fold.ts). Written by us from
// general knowledge of each language, not taken from any data set; extend a list to improve a language.

export interface ScriptCues {
  /** Letters that, when present, point strongly at one language. */
  letters: Record<string, string>;
  /** Letters a few languages share (ä ö ü): weaker evidence for each of them. */
  sharedLetters?: Record<string, readonly string[]>;
  /** Frequent function and everyday words per language (folded). */
  words: Record<string, readonly string[]>;
  /** Frequent word endings per language (folded), weaker evidence than words. */
  endings: Record<string, readonly string[]>;
  /** Language to answer when nothing else decides. */
  fallback: string;
}

export const CYRILLIC_CUES: ScriptCues = {
  letters: {
    'ә': 'kk', 'ғ': 'kk', 'қ': 'kk', 'ң': 'kk', 'ө': 'kk', 'ұ': 'kk', 'ү': 'kk', 'һ': 'kk', 'і': 'kk',
    'ї': 'uk', 'є': 'uk', 'ґ': 'uk', 'ў': 'be', 'ђ': 'sr', 'ћ': 'sr', 'џ': 'sr', 'ј': 'sr', 'љ': 'sr', 'њ': 'sr',
  },
  words: {
    ru: ['и', 'в', 'не', 'на', 'что', 'я', 'с', 'по', 'это', 'как', 'а', 'но', 'у', 'за', 'от', 'так', 'все',
      'уже', 'мне', 'меня', 'вы', 'он', 'она', 'они', 'мы', 'его', 'ее', 'их', 'был', 'была', 'было', 'были',
      'есть', 'нет', 'если', 'или', 'только', 'еще', 'бы', 'же', 'ли', 'вот', 'для', 'до', 'из', 'о', 'об',
      'при', 'через', 'когда', 'очень', 'тоже', 'даже', 'может', 'можно', 'нужно', 'надо', 'который',
      'которые', 'этот', 'эта', 'эти', 'там', 'тут', 'здесь', 'где', 'почему', 'зачем', 'какой', 'кто',
      'чем', 'чтобы', 'потому', 'сейчас', 'опять', 'снова', 'спасибо', 'хорошо', 'плохо', 'просто', 'теперь',
      'себя', 'свой', 'наш', 'ваш', 'то', 'со', 'без', 'под', 'над', 'ни', 'да', 'ну', 'будет', 'хочу', 'вас', 'нас'],
    kk: ['мен', 'жане', 'бул', 'бар', 'жок', 'емес', 'оте', 'оте', 'жаксы', 'жаман', 'керек', 'ушин', 'сол',
      'мына', 'осы', 'болды', 'болып', 'болса', 'екен', 'еди', 'деп', 'ал', 'бирак', 'неге', 'калай', 'кандай',
      'кай', 'кайда', 'рахмет', 'маган', 'сиз', 'сизге', 'биз', 'олар', 'ол', 'оны', 'менин', 'сизде', 'кызмет',
      'унады', 'унамады', 'керемет', 'тамаша', 'коп', 'аз', 'тез', 'баска', 'барлык', 'тагы', 'гой', 'кой',
      'дым', 'мулдем', 'нашар', 'кымбат', 'арзан', 'сапасы', 'багасы', 'жумыс', 'адам', 'кун', 'жыл', 'уакыт',
      'китап', 'уй', 'бала', 'жер', 'су', 'де', 'те', 'ма', 'ме', 'па', 'пе', 'ба', 'бе', 'ғой'],
  },
  endings: {
    ru: ['ого', 'его', 'ому', 'ыми', 'ими', 'ться', 'тся', 'ость', 'ение', 'ание', 'ный', 'ная', 'ное', 'ные',
      'ский', 'ская', 'ует', 'ают', 'ешь', 'ете', 'ите', 'ался', 'ась', 'лся', 'ей', 'ой', 'ый', 'ий', 'ая', 'ую', 'ю', 'я'],
    kk: ['лар', 'лер', 'дар', 'дер', 'тар', 'тер', 'нын', 'нин', 'дын', 'дин', 'тын', 'тин', 'ныз', 'низ', 'сыз',
      'сиз', 'ган', 'ген', 'кан', 'кен', 'мын', 'мин', 'мыз', 'миз', 'ады', 'еди', 'йды', 'йди', 'ды', 'ди', 'ты',
      'ти', 'га', 'ге', 'ка', 'ке', 'дан', 'ден', 'тан', 'тен', 'нан', 'нен', 'мен', 'пен', 'бен', 'сы', 'си', 'шы', 'ши'],
  },
  fallback: 'ru',
};

export const LATIN_CUES: ScriptCues = {
  sharedLetters: { 'ä': ['et', 'de', 'fi'], 'ö': ['et', 'de', 'fi'], 'ü': ['et', 'de'], 'š': ['et', 'cs'], 'ž': ['et', 'cs'] },
  letters: { 'õ': 'et', 'ß': 'de', 'ñ': 'es', 'ç': 'fr', 'ã': 'pt', 'ğ': 'tr', 'ş': 'tr', 'ı': 'tr', 'ł': 'pl', 'ę': 'pl', 'ą': 'pl', 'ř': 'cs', 'ů': 'cs' },
  words: {
    en: ['the', 'a', 'an', 'and', 'is', 'it', 'to', 'of', 'in', 'i', 'this', 'that', 'was', 'for', 'you', 'with',
      'my', 'not', 'but', 'have', 'are', 'be', 'on', 'so', 'very', 'they', 'we', 'at', 'all', 'as', 'or', 'just',
      'if', 'me', 'do', "don't", "it's", "i'm", 'no', 'one', 'would', 'what', 'there', 'their', 'from', 'had',
      'has', 'were', 'been', 'out', 'up', 'about', 'good', 'great', 'bad', 'will', 'can', 'its', 'your', 'more',
      'even', 'only', 'really', 'than', 'when', 'by', 'get', 'like', 'too', 'well', 'our', 'how', 'which', 'who',
      'time', 'ever', 'never', 'again', 'food', 'place', 'movie', 'film', 'phone', 'service', 'product', 'buy'],
    et: ['ja', 'on', 'ei', 'et', 'see', 'kui', 'ka', 'oli', 'aga', 'mis', 'ning', 'oma', 'siis', 'kes', 'nii',
      'seda', 'veel', 'voi', 'olla', 'pole', 'ta', 'me', 'ma', 'nad', 'mida', 'juba', 'ole', 'koik', 'vaga', 'hea',
      'kas', 'sest', 'mitte', 'ainult', 'kuid', 'selle', 'tema', 'meie', 'ule', 'nende', 'olen', 'oleks', 'olid',
      'sellest', 'sellele', 'kus', 'kuidas', 'miks', 'nagu', 'ehk', 'ikka', 'siin', 'seal', 'kuna', 'peab',
      'saab', 'tuleb', 'ning', 'aasta', 'eesti', 'inimesed', 'palju', 'vaid', 'uus', 'tana', 'nuud', 'alles'],
    de: ['der', 'die', 'das', 'und', 'ist', 'nicht', 'ich', 'mit', 'sie', 'es', 'ein', 'eine', 'zu', 'den', 'auf', 'sehr'],
    fr: ['le', 'la', 'les', 'et', 'est', 'une', 'des', 'pas', 'je', 'du', 'que', 'pour', 'tres', 'avec', 'ce', 'il'],
    es: ['el', 'la', 'los', 'las', 'y', 'es', 'que', 'de', 'no', 'muy', 'por', 'para', 'con', 'una', 'pero', 'lo'],
    kk: ['jaksy', 'zhaksy', 'jaqsy', 'rahmet', 'rakhmet', 'kerek', 'emes', 'jok', 'zhok', 'zhoq', 'ote', 'jane',
      'zhane', 'bul', 'sulu', 'keremet', 'tamasha', 'unady', 'qazaq', 'kazakstan', 'qazaqstan', 'salem', 'kalay', 'qalay'],
    fi: ['ja', 'on', 'ei', 'se', 'etta', 'han', 'oli', 'mutta', 'kun', 'niin', 'myos', 'tama', 'olen', 'hyva'],
  },
  endings: {
    en: ['ing', 'ed', 'ly', 'tion', 'ness', "'s", 'ful', 'ous'],
    et: ['ga', 'st', 'le', 'lt', 'ks', 'sse', 'tud', 'nud', 'mine', 'miseks', 'ele', 'ile', 'ist', 'est', 'ud', 'ta', 'te', 'de', 'id'],
  },
  fallback: 'en',
};
