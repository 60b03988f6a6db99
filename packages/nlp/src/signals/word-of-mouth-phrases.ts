// Phrases by which people warn others off or recommend to them, per language, written by us.
// Folded forms (text/fold.ts); a trailing * lets the last word take any ending. Warnings are
// matched first and mask their words, so "don't recommend" is not also a recommendation.

export interface WordOfMouthPhrases {
  warning: readonly string[];
  recommendation: readonly string[];
}

export const WORD_OF_MOUTH: Record<string, WordOfMouthPhrases> = {
  en: {
    warning: ["don't buy", 'do not buy', 'never buy', 'avoid this', 'avoid them', 'avoid it', 'avoid at all costs', 'stay away',
      "don't waste", 'do not waste', 'save your money', "don't go", 'do not go', "don't bother", "don't recommend",
      'do not recommend', "wouldn't recommend", 'would not recommend', "can't recommend", 'cannot recommend', 'not recommend',
      'beware', 'steer clear', 'never again', "don't order", 'do not order', "don't use", 'do not use', 'run away'],
    recommendation: ['highly recommend*', 'strongly recommend*', 'definitely recommend*', 'i recommend', 'i would recommend',
      "i'd recommend", 'would recommend', 'recommend it', 'recommend this', 'recommend them', 'must buy', 'must try',
      'must see', 'must have', 'go for it', 'you should try', 'check it out', 'worth buying', 'worth every penny',
      'worth it', 'highly recommended', 'recommended'],
  },
  ru: {
    warning: ['не берите', 'не покупайте', 'не советую', 'не рекомендую', 'не связывайтесь', 'не ведитесь', 'не заказывайте',
      'обходите стороной', 'обходите сторон*', 'держитесь подальше', 'не ходите', 'не пользуйтесь', 'не доверяйте',
      'будьте осторожны', 'остерегайтесь', 'бегите', 'не тратьте', 'не подключайтесь', 'не открывайте'],
    recommendation: ['рекомендую', 'всем рекомендую', 'советую', 'всем советую', 'берите', 'покупайте', 'не пожалеете',
      'стоит попробовать', 'однозначно рекомендую', 'рекомендую всем', 'смело берите', 'советую всем'],
  },
  kk: {
    warning: ['сатып алманыз*', 'сатып алмандар', 'алманыздар', 'алмандар', 'барманыз*', 'бармандар', 'усынбаймын',
      'кенес бермеймин', 'абай болыныз*', 'сенбениз*', 'сенбеныз*', 'тапсырыс берменыз*', 'тапсырыс бермениз*',
      'алданып калманыз*', 'кеңес бермеймін'],
    recommendation: ['усынамын', 'кенес беремин', 'кенес беремын', 'сатып алыныз*', 'барыныз*', 'барып корыныз*',
      'миндетти турде барыныз*', 'баруга кенес', 'окуга кенес', 'окыныз*'],
  },
  he: {
    warning: ['אל תקנו', 'אל תקנה', 'אל תקני', 'לא ממליץ', 'לא ממליצה', 'לא ממליצים', 'לא מומלץ', 'תתרחקו', 'תיזהרו',
      'היזהרו', 'חבל על הכסף', 'אל תלכו', 'אל תזמינו', 'אל תבזבזו', 'לא לקנות', 'להתרחק'],
    recommendation: ['ממליץ בחום', 'ממליצה בחום', 'ממליצים בחום', 'ממליץ', 'ממליצה', 'ממליצים', 'מומלץ', 'שווה כל שקל',
      'חובה לנסות', 'לכו על זה', 'שווה לנסות'],
  },
  et: {
    warning: ['arge ostke', 'ara osta', 'ei soovita', 'ei soovitaks', 'hoiduge', 'hoidke eemale', 'olge ettevaatlik*',
      'ara mine', 'arge minge', 'raha raisk', 'arge tellige', 'ara telli', 'arge kasutage'],
    recommendation: ['soovitan', 'soovitame', 'soovitan soojalt', 'kindlasti soovitan', 'tasub osta', 'tasub proovida',
      'tasub minna', 'proovige kindlasti', 'soovitan koigile'],
  },
};
