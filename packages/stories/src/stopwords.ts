// Words that say nothing about which story a mention tells, in the five languages Earshot reads:
// function words and the vocabulary every review of every brand shares ("customer", "service" stay:
// topics carry them). Compared after fold(), so Kazakh and Russian spellings meet.
const LISTS = [
  // en
  "the and for are but not you your with this that have has had was were been from they them their our out all any can will would could should just about into over only also than then there here what when which who how why its it's i'm don't didn't can't won't isn't doesn't very more most some such again still even after before while because my me we us is am be do did does no yes of to in on at by as an or if so up off too one get got new",
  // ru
  'и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только ее мне было вот от меня еще нет о из ему теперь когда даже ну вдруг ли если уже или ни быть был него до вас нибудь опять уж вам ведь там потом себя ничего ей может они тут где есть надо ней для мы тебя их чем была сам чтоб без будто чего раз тоже себе под будет ж тогда кто этот того потому этого какой совсем ним здесь этом один почти мой тем чтобы нее сейчас были куда зачем всех никогда можно при наконец два об другой хоть после над больше тот через эти нас про всего них какая много разве три эту моя впрочем хорошо свою этой перед иногда лучше чуть том нельзя такой им более всегда конечно всю между снова весь очень это',
  // kk (folded to Russian look-alikes by fold())
  'және мен да де та те бен пен бұл сол осы ол біз сіз олар мені оның үшін бірақ өте тағы әлі жоқ бар еді болды болып керек қазір енді ма ме ба бе па пе ғой қой',
  // he
  'של את על עם זה זו לא כי גם אם או הוא היא הם הן אני אנחנו אתם כל יש אין היה היו רק עוד כבר מה מי איך למה כמו אחרי לפני שוב מאוד אבל אך בין עד אל',
  // et
  'ja ning ei see on oli olid mis kes kui aga või ka et nii siis veel juba ikka väga oma minu meie nad tema sest pärast enne kuid ent mitte pole ole jälle kõik',
];

export function createStopwords(fold: (word: string) => string): Set<string> {
  const out = new Set<string>();
  for (const list of LISTS) for (const word of list.split(/\s+/)) if (word) out.add(fold(word));
  return out;
}
