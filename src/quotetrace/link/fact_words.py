"""The words that carry the facts of a statement, in English and Russian: numbers, months, weekdays, days
relative to today, and negation. One table per concept, so that a missing word is added in one place.

Russian words are listed in the forms a news text uses (cases and genders); English in their written forms.
"""

from __future__ import annotations

from typing import TypeVar

from quotetrace.link.speakers import fold

_T = TypeVar("_T")


def _forms(stem: str, endings: str) -> list[str]:
    return [stem + ending for ending in endings.split(",")]


# Cardinals and ordinals to their value. A multiplier (hundred, thousand, ...) multiplies what comes before it.
NUMBER_WORDS: dict[str, float] = {}
_value: float
_EN_UNITS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
             "sixteen seventeen eighteen nineteen").split()
_EN_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_EN_ORDINALS = ("zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
                "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth").split()
for _value, _word in enumerate(_EN_UNITS):
    NUMBER_WORDS[_word] = _value
for _value, _word in enumerate(_EN_ORDINALS):
    if _value:
        NUMBER_WORDS[_word] = _value
for _k, _word in enumerate(_EN_TENS):
    NUMBER_WORDS[_word] = 20 + 10 * _k
    NUMBER_WORDS[_word[:-1] + "ieth"] = 20 + 10 * _k  # twentieth
NUMBER_WORDS.update({"single": 1, "twice": 2, "half": 0.5})

_RU_CARDINALS: dict[float, str] = {
    0: "ноль,нуля,нулю,нулём,нулем,нуле",
    1: "один,одна,одно,одного,одной,одному,одним,одну,одном,одни,одних",
    2: "два,две,двух,двум,двумя,дважды",
    3: "три,трёх,трех,трём,трем,тремя,трижды",
    4: "четыре,четырёх,четырех,четырём,четырем,четырьмя",
    5: "пять,пяти,пятью", 6: "шесть,шести,шестью", 7: "семь,семи,семью", 8: "восемь,восьми,восемью,восьмью",
    9: "девять,девяти,девятью", 10: "десять,десяти,десятью",
    11: "одиннадцать,одиннадцати", 12: "двенадцать,двенадцати", 13: "тринадцать,тринадцати",
    14: "четырнадцать,четырнадцати", 15: "пятнадцать,пятнадцати", 16: "шестнадцать,шестнадцати",
    17: "семнадцать,семнадцати", 18: "восемнадцать,восемнадцати", 19: "девятнадцать,девятнадцати",
    20: "двадцать,двадцати,двадцатью", 30: "тридцать,тридцати,тридцатью", 40: "сорок,сорока",
    50: "пятьдесят,пятидесяти,полсотни", 60: "шестьдесят,шестидесяти", 70: "семьдесят,семидесяти",
    80: "восемьдесят,восьмидесяти", 90: "девяносто,девяноста",
    100: "сто,ста", 200: "двести,двухсот,двумстам", 300: "триста,трёхсот,трехсот",
    400: "четыреста,четырёхсот,четырехсот", 500: "пятьсот,пятисот", 600: "шестьсот,шестисот",
    700: "семьсот,семисот", 800: "восемьсот,восьмисот", 900: "девятьсот,девятисот",
    0.5: "половина,половину,половины,половиной,половинная,половинную,половинной,половинный,половинном",
    1.5: "полтора,полторы,полутора", 150: "полтораста,полутораста",
}
# Collective numerals, which count people («трое мужчин», «пятеро детей», «двоих»).
_RU_COLLECTIVES: dict[float, str] = {
    2: "двое,двоих,двоим,двоими", 3: "трое,троих,троим,троими", 4: "четверо,четверых,четверым,четверыми",
    5: "пятеро,пятерых,пятерым,пятерыми", 6: "шестеро,шестерых,шестерым", 7: "семеро,семерых,семерым",
    8: "восьмеро,восьмерых", 9: "девятеро,девятерых", 10: "десятеро,десятерых",
}
for _collective, _words in _RU_COLLECTIVES.items():
    _RU_CARDINALS[_collective] += "," + _words
_RU_COLLECTIVE_WORDS = frozenset(w for words in _RU_COLLECTIVES.values() for w in words.split(","))
for _value, _words in _RU_CARDINALS.items():
    for _word in _words.split(","):
        NUMBER_WORDS[_word] = _value
_RU_ADJECTIVE_ENDINGS = "ый,ий,ой,ая,яя,ое,ее,ого,его,ому,ему,ым,им,ом,ем,ую,юю,ые,ие,ых,их,ыми,ими"
_RU_ORDINAL_STEMS = {
    "перв": 1, "втор": 2, "четвёрт": 4, "четверт": 4, "пят": 5, "шест": 6, "седьм": 7, "восьм": 8, "девят": 9,
    "десят": 10, "одиннадцат": 11, "двенадцат": 12, "тринадцат": 13, "четырнадцат": 14, "пятнадцат": 15,
    "шестнадцат": 16, "семнадцат": 17, "восемнадцат": 18, "девятнадцат": 19, "двадцат": 20, "тридцат": 30,
    "сороков": 40, "пятидесят": 50, "сот": 100,
}
for _stem, _value in _RU_ORDINAL_STEMS.items():
    for _word in _forms(_stem, _RU_ADJECTIVE_ENDINGS):
        NUMBER_WORDS.setdefault(_word, _value)
for _word in "третий,третья,третье,третьего,третьей,третьему,третьим,третьем,третью,третьи,третьих".split(","):
    NUMBER_WORDS[_word] = 3
# Ordinals: a number after one is another number ("the first two batteries", «первые две машины»: two, not three),
# while one after a number ends it ("twenty-first", «двадцать первого»).
ORDINALS = frozenset({*_EN_ORDINALS[1:], *(w[:-1] + "ieth" for w in _EN_TENS),
                      *(w for stem in _RU_ORDINAL_STEMS for w in _forms(stem, _RU_ADJECTIVE_ENDINGS)),
                      *"третий,третья,третье,третьего,третьей,третьему,третьим,третьем,третью,третьи,третьих".split(",")})
NUMBER_WORDS.update({"полмиллиона": 5e5, "полмиллиарда": 5e8, "полтысячи": 500})
# Fractions that are a number only before a multiplier ("a quarter of a million", «четверть миллиона», «треть
# миллиарда»): alone, "quarter" is as often three months or a district, «четверть» a school term.
FRACTIONS: dict[str, float] = {"quarter": 0.25, "third": 1 / 3, "четверть": 0.25, "четверти": 0.25,
                               "треть": 1 / 3, "трети": 1 / 3}
# A fraction counted by a number before it is a number wherever it stands ("by a third", "two thirds", "seven
# tenths", "an eighth more", "a fifth of households"): "third" alone is an ordinal ("the third unit"), and so is
# "fifth" after "a" unless a share word stands by it (facts._a_share: "a fifth term"). Not "second" ("one second").
# «треть» has no ordinal sense: a fraction alone too.
COUNTED_FRACTIONS: dict[str, float] = {"quarter": 0.25, "quarters": 0.25,
                                       "трети": 1 / 3, "треть": 1 / 3, "третью": 1 / 3, "третей": 1 / 3,
                                       "четверти": 0.25, "четверть": 0.25, "четвертью": 0.25, "четвертей": 0.25}
for _value, _word in enumerate(_EN_ORDINALS[3:11], start=3):
    COUNTED_FRACTIONS[_word] = COUNTED_FRACTIONS[_word + "s"] = 1 / _value
COUNTED_FRACTIONS["halves"] = 0.5
# A Russian ordinal is a fraction only counted («две пятых», «три десятых», «одну пятую») or before «часть»
# («пятую часть», «на десятую часть»): alone it is an ordinal («на пятой минуте»). Not «вторая» («вторая часть»
# is the second part: a half is «половина»).
RU_DENOMINATORS: dict[str, float] = {
    word: 1 / value for stem, value in _RU_ORDINAL_STEMS.items() if 3 <= value <= 100
    for word in _forms(stem, _RU_ADJECTIVE_ENDINGS)}
RU_DENOMINATORS.update(dict.fromkeys("третья,третье,третьей,третью,третьих,третьи,третьим".split(","), 1 / 3))
PARTS = frozenset("часть,части,частью,частей,частям,частями,частях".split(","))  # «пятая часть»: a fifth
# "both doses" says what «двух прививок» counts (a report's own figure is none the original lacks).
BOTH = frozenset("both оба обе обоих обеих обоим обеим обоими обеими".split())
_NO_COUNTS = frozenset({"single", "twice", "дважды", "трижды"})
# Counts of a fraction: "a", "an", and the cardinals one to ten in every case («двух третей», «семи десятых»).
FRACTION_COUNTS = frozenset({"a", "an", *(w for w, v in NUMBER_WORDS.items()
                                          if v in range(1, 11) and w not in ORDINALS and w not in _NO_COUNTS
                                          and w not in _RU_COLLECTIVE_WORDS)})
LONE_FRACTIONS = frozenset({"треть", "трети", "третью"})
# Letters written onto a figure that multiply it ("€600m", "2.4bn", "5k"). "m" is also metres ("7.2m"): read
# as millions only after a currency sign, else as either (each side may then hold both values).
SUFFIX_MULTIPLIERS: dict[str, float] = {"m": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "b": 1e9, "k": 1e3}
AMBIGUOUS_SUFFIXES = frozenset({"m"})
CURRENCY_SIGNS = frozenset("€$£₽¥")
MULTIPLIERS: dict[str, float] = {"dozen": 12, "dozens": 12, "дюжина": 12, "дюжины": 12, "дюжину": 12,
                                 "hundred": 100, "hundreds": 100, "thousand": 1e3, "thousands": 1e3,
                                 "million": 1e6, "millions": 1e6, "billion": 1e9, "billions": 1e9,
                                 "тыс": 1e3, "млн": 1e6, "млрд": 1e9}
for _stem, _multiplier in (("тысяч", 1e3), ("миллион", 1e6), ("миллиард", 1e9)):
    for _word in _forms(_stem, ",а,и,у,е,ей,ам,ами,ах,ом,ов,ы"):
        MULTIPLIERS[_word] = _multiplier
# «сотня» counts hundreds as «тысяча» counts thousands: «полторы сотни» = 150, «три сотни» = 300 (alone, «сотни
# людей» is "hundreds of people", as "hundreds" is).
MULTIPLIERS.update(dict.fromkeys("сотня,сотни,сотню,сотней,сотне,сотен,сотням,сотнями,сотнях".split(","), 100))
# «десяток» counts tens after a number («четыре десятка» = 40, «два десятка» = 20); alone it is "a dozen or so"
# and «десятки» "dozens" (what "dozens" says is no figure to hold): a multiplier only after a number.
COUNTED_MULTIPLIERS: dict[str, float] = dict.fromkeys(
    "десяток,десятка,десятку,десятком,десятке,десятки,десятков,десяткам,десятками,десятках".split(","), 10)

# Comparisons by a factor ("three times as much", «втрое больше», "the same as", «столько же»): the factor is a
# fact of its own, so that "three times more than last month" is not "about as much as last month".
RATIO_WORDS: dict[str, float] = {"вдвое": 2, "втрое": 3, "вчетверо": 4, "впятеро": 5, "вшестеро": 6, "всемеро": 7,
                                 "вдесятеро": 10, "вполовину": 0.5}
TIMES = frozenset({"times", "раза", "раз"})  # "three times", «в три раза» ...
# ... before a comparative: a factor ("three times a week" is how often)
RATIO_COMPARATIVES = frozenset(
    "as more less higher lower larger smaller bigger greater faster slower longer shorter cheaper dearer "
    "больше меньше выше ниже дороже дешевле быстрее медленнее чаще реже длиннее короче".split())

MONTHS: dict[str, int] = {}
for _number, _word in enumerate("january february march april may june july august september october november "
                                "december".split(), start=1):
    MONTHS[_word] = _number
    MONTHS[_word[:3]] = _number  # "Jan", "Aug": counted only when capitalised (see AMBIGUOUS_MONTHS)
MONTHS["sept"] = 9
_RU_MONTHS = (
    "январь,января,январе,январю,январём,январем", "февраль,февраля,феврале,февралю,февралём,февралем",
    "март,марта,марте,марту,мартом", "апрель,апреля,апреле,апрелю,апрелем", "май,мая,мае,маю,маем",
    "июнь,июня,июне,июню,июнем", "июль,июля,июле,июлю,июлем", "август,августа,августе,августу,августом",
    "сентябрь,сентября,сентябре,сентябрю,сентябрём,сентябрем", "октябрь,октября,октябре,октябрю,октябрём,октябрем",
    "ноябрь,ноября,ноябре,ноябрю,ноябрём,ноябрем", "декабрь,декабря,декабре,декабрю,декабрём,декабрем",
)
for _number, _words in enumerate(_RU_MONTHS, start=1):
    for _word in _words.split(","):
        MONTHS[_word] = _number
# A month's adjective dates as the month does: «в сентябрьских учениях» = "in the exercise in September".
for _number, _stem in enumerate("январск февральск мартовск апрельск майск июньск июльск августовск сентябрьск "
                                "октябрьск ноябрьск декабрьск".split(), start=1):
    for _ending in "ий ого ому им ом ая ой ую ое ие их ими ые ых ым ыми".split():
        MONTHS[_stem + _ending] = _number
# Month names that are also ordinary words, counted only next to a number or capitalised where the language
# capitalises months ("may" the verb; "марта" the name Marta is capitalised, the month is not).
AMBIGUOUS_MONTHS = frozenset({"may", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
                              "dec"})

WEEKDAYS: dict[str, int] = {}
for _number, _word in enumerate("monday tuesday wednesday thursday friday saturday sunday".split(), start=1):
    WEEKDAYS[_word] = _number
for _number, _forms_text in enumerate((
    "понедельник,понедельника,понедельнику,понедельником,понедельнике",
    "вторник,вторника,вторнику,вторником,вторнике",
    "среду,среды,среде,средой",  # "среда" alone is also "environment"
    "четверг,четверга,четвергу,четвергом,четверге",
    "пятница,пятницу,пятницы,пятнице,пятницей",
    "суббота,субботу,субботы,субботе,субботой",
    "воскресенье,воскресенья,воскресенью,воскресеньем",
), start=1):
    for _word in _forms_text.split(","):
        WEEKDAYS[_word] = _number
SEASONS: dict[str, int] = {"spring": 1, "summer": 2, "autumn": 3, "winter": 4}
for _number, _forms_text in enumerate(("весна,весной,весны,весну,весне", "лето,летом,лета,лету,лете",
                                        "осень,осенью,осени", "зима,зимой,зимы,зиму,зиме"), start=1):
    for _word in _forms_text.split(","):
        SEASONS[_word] = _number
# Units of what a number counts: "eight weeks" for "eight days" changes the figure as much as "seven weeks".
# Russian units in every case a number governs («к семи годам», «на 30 километрах»).
UNITS: dict[str, str] = {}
for _unit, _words in {
    "second": "second seconds секунда секунды секунде секунду секундой секунд секундам секундами секундах",
    "minute": "minute minutes минута минуты минуте минуту минутой минут минутам минутами минутах",
    "hour": "hour hours час часа часу часом часе часы часов часам часами часах",
    "day": "day days день дня дню днём днем дне дни дней дням днями днях сутки суток суткам сутками сутках",
    "week": "week weeks неделя недели неделе неделю неделей недель неделям неделями неделях",
    "month": "month months месяц месяца месяцу месяцем месяце месяцы месяцев месяцам месяцами месяцах",
    "year": "year years год года году годом годе годы годов годам годами годах лет",
    "decade": "decade decades десятилетие десятилетия десятилетию десятилетием десятилетии десятилетий "
              "десятилетиям десятилетиями десятилетиях",
    "tonne": "tonne tonnes ton tons тонна тонны тонне тонну тонной тонн тоннам тоннами тоннах",
    "kilometre": "kilometre kilometres kilometer kilometers km км километр километра километру километром километре "
                 "километры километров километрам километрами километрах",
    "metre": "metre metres meter meters метр метра метру метром метре метры метров метрам метрами метрах",
    "mile": "mile miles миля мили миле милю милей миль милям милями милях",
    "hectare": "hectare hectares гектар гектара гектару гектаром гектаре гектары гектаров гектарам гектарами "
               "гектарах",
    "litre": "litre litres liter liters литр литра литру литром литре литры литров литрам литрами литрах",
    "percent": "percent процент процента проценту процентом проценте проценты процентов процентам процентами "
               "процентах",
    "dollar": "dollar dollars доллар доллара доллару долларом долларе доллары долларов долларам долларами долларах",
    "euro": "euro euros евро",
    "kilowatt": "kilowatt kilowatts kw квт киловатт киловатта киловаттам киловаттами",
    "megawatt": "megawatt megawatts mw мвт мегаватт мегаватта мегаваттам мегаваттами",
    "gigawatt": "gigawatt gigawatts gw гвт гигаватт гигаватта гигаваттам гигаваттами",
    "rouble": "rouble roubles ruble rubles рубль рубля рублю рублём рублем рубле рубли рублей рублям рублями рублях",
}.items():
    for _word in _words.split():
        UNITS[_word] = _unit
# What a unit of time is worth in days, as a range (a month is 28 to 31 days): "eight weeks" = "two months".
DURATIONS: dict[str, tuple[float, float]] = {"second": (1 / 86400, 1 / 86400), "minute": (1 / 1440, 1 / 1440),
                                             "hour": (1 / 24, 1 / 24), "day": (1, 1), "week": (7, 7),
                                             "month": (28, 31), "year": (365, 366),
                                             "decade": (3650, 3660)}  # not "century": "the 19th century" dates
# Half a unit of time in one word («полгода» = "six months", «полчаса» = "half an hour"), in every case.
HALF_UNITS: dict[str, str] = {
    **dict.fromkeys("полгода полугода полугоду полугодом".split(), "year"),
    **dict.fromkeys("полчаса получаса получасу получасом".split(), "hour"),
    **dict.fromkeys("полдня полудня полсуток полусуток".split(), "day"),
    **dict.fromkeys("полмесяца полумесяца".split(), "month"),
    **dict.fromkeys("полнедели полунедели".split(), "week"),
    **dict.fromkeys("полминуты полуминуты".split(), "minute"),
}
RELATIVE_DAYS: dict[str, str] = {"today": "today", "yesterday": "yesterday", "tomorrow": "tomorrow",
                                 "сегодня": "today", "вчера": "yesterday", "завтра": "tomorrow",
                                 "сегодняшний": "today", "вчерашний": "yesterday", "завтрашний": "tomorrow"}

# Verbs that put a figure's bound ("will exceed 3 percent": more than 3 percent). "Will not exceed 2.4 percent",
# «не превысит 2,4%» is a bound, at most 2.4 percent ("caps the deficit at 2.4%"), not a negation: the
# negation turns the bound (facts._clause_negations, facts._hedge).
EXCEEDING = frozenset("exceed exceeds exceeded surpass surpasses surpassed превысит превысят "
                      "превысить превышать превышает превышают превышал превышала превышало превышали превысил "
                      "превысила превысило превысили превзойдёт превзойдет превзойти".split())
# Words that make the number after them approximate, and which way the true value may lie: "~" either side
# ("about 2,000", «около двух тысяч»), "-" just below it ("almost a quarter", «почти»), and the bounds, ">" above
# it ("more than 2,000", "at least", «свыше», «минимум») and "<" below it ("less than", "under", "below", «менее»).
# A retelling rounds a figure it hedges ("24.7 percent" / "almost a quarter"): within veto.APPROXIMATE of the
# other side's figure, on the hedge's side, it is the same figure; a bound on a round figure ("more than a
# billion" for 1.2 billion) within veto.BOUND_MARGIN.
HEDGES: dict[str, str] = {
    **dict.fromkeys("about around roughly approximately some circa close около примерно порядка приблизительно "
                    "ориентировочно".split(), "~"),
    **dict.fromkeys("more over above upwards exceeding minimum более свыше больше выше минимум".split(), ">"),
    **dict.fromkeys(EXCEEDING, ">"),  # "the deficit will exceed 3 percent"; a negation turns it (TURNED_BOUNDS)
    **dict.fromkeys("almost nearly near nears nearing approaching approaches почти малого".split(), "-"),
    **dict.fromkeys("under below less fewer maximum менее меньше ниже максимум".split(), "<"),
}
# A multiplier in the plural standing alone says "several of them" ("hundreds of jobs" for 650, "thousands" for
# 4,000): its value, hedged MANY. Russian forms only where no singular reads alike («сотни» is also "of a
# hundred": «около сотни»).
MANY = "*"
VAGUE_PLURALS = frozenset("dozens hundreds thousands millions billions сотнями сотням сотнях тысячами тысячам тысячах "
                          "миллионами миллионам миллионах".split())
# Two words that hedge together ("at least 300", "at most", "up to"): the second's sense.
HEDGE_PAIRS: dict[tuple[str, str], str] = {("at", "least"): ">", ("at", "most"): "<"}
# A negation before a bound turns it: "no more than 2,000" is at most 2,000, «не менее трёх» at least three.
TURNED_BOUNDS = {">": "<", "<": ">"}
# Words that may stand between a hedge and its number: "more than 2,000", "just under 500", "nearly a third",
# "close to 1,200", "slightly more than", «почти в 10 миллионов», «более чем на три процента», «чуть больше»,
# «меньше чем за два часа».
HEDGE_BRIDGES = frozenset("than of a an just slightly little to в до чем на за чуть немногим немного".split())
# Words after a number that say "and some more": «три с небольшим миллиона», «сто с лишним лет», "300-odd"
# (a leading "-": written onto the number): a bound, ">" (facts._postposed_hedges). Not "plus" ("€500 plus VAT").
POSTPOSED_HEDGES = ("с небольшим", "с лишним", "с гаком", "-odd")

# Negation: words that turn a clause's meaning around. Besides the grammatical ones, the words that say "not X"
# in one word («невозможно» = "cannot"; "unknown" = «не известно») and the predicates that assert a negation
# (refuse, deny, fail: "refused to sign" = "would not sign"; «провалился» = «не прошёл»), since a translation or
# a retelling swaps one for the other. Not "cancel" («комендантский час отменят» is "the curfew will be lifted"),
# nor "without" / «без» ("the days without heating" are "the cold days").
NEGATIONS = frozenset(
    "not no never nobody nothing none nowhere neither nor cannot unable impossible unsafe unpaid unknown false untrue "
    "unless "  # "unless paid" = "if not paid" (Russian «если не» has its «не»)
    "не нет нельзя никогда нигде никуда никак ни никто никого никому никем ничто ничего ничему ничем "
    "невозможно невозможен невозможна неизвестно неизвестен неизвестна небезопасно небезопасна небезопасен "
    "невыплаченные невыплаченных ложь ложные ложная ложно".split()
)
# Stems of negative predicates, in any form ("refuses", "refused"; «отказываются», «отказался»); "doubts that"
# says "does not think" ("no doubt" is two that say yes; "doubtless" none).
NOT_NEGATIVE = frozenset({"doubtless"})
NEGATIVE_STEMS: tuple[str, ...] = ("refus", "reject", "deny", "denie", "denial", "fail", "doubt", "сомневаю",
                                   "сомневае", "отказ",
                                   "откаж",  # «откажется», «откажемся»: the future's stem
                                   "отверг", "отклон", "опроверг", "провал",
                                   # "advise not to": "refrain from", «воздержаться от», «отговаривать» (and
                                   # NEGATIVE_PHRASES' "advise against")
                                   "refrain", "dissuad", "воздерж", "отговар", "отговор")
# Negative predicates in one word that only some forms are ("rule out" = «исключать»: «мы не исключаем» = "we
# do not rule out", «это исключено» = "it is ruled out"; not «исключение», "an exception", nor «за исключением»,
# "except"): the forms of the verb's present, future and infinitive, and its predicative participle.
NEGATIVE_PREDICATES = frozenset("исключаю исключаем исключает исключают исключать исключить исключим исключит "
                                "исключено "
                                # "too early to" in one word: "cuts are premature", «снижение преждевременно»
                                "premature преждевременно преждевременны преждевременным".split())
# Phrasal negative predicates: (stem of the verb, the particle after it; two words between allowed): "turned
# down", "turned the offer down", "keep the children away".
# "should stay away from school" = "should not go to school".
# "advise against travel" = «не рекомендуем поездки».
NEGATIVE_PHRASES = (("turn", "down"), ("stay", "away"), ("keep", "away"), ("kept", "away"), ("stay", "out"),
                    ("advis", "against"), ("recommend", "against"))
# Idioms that say "no" («об этом не может быть и речи» = "it is out of the question"); the last word counts.
NEGATIVE_IDIOMS = (("out", "of", "the", "question"), ("ruled", "out"), ("rule", "out"), ("rules", "out"),
                   ("ruling", "out"), ("off", "the", "table"))  # "a VAT rise is off the table"
# Pairs of words that negate, at the second, when it follows the first within so many words: "too weak to
# stand" = "cannot stand" («слишком слаб, чтобы встать»). Not "only if": "talks can only begin once the
# shelling stops" says "the shelling must stop before talks begin" as much as "no talks unless it stops".
NEGATING_PAIRS = (("too", "to", 4), ("слишком", "чтобы", 5),
                  # «рано говорить», «говорить о снижении рано» = "too early to talk about cuts"
                  ("рано", "говорить", 2), ("рано", "судить", 2), ("говорить", "рано", 4), ("судить", "рано", 4))
# The speaker's own side, which a retelling names ("we will not restrict exports" → "Rudenia would keep exports
# free"): a name in its place is no name replaced.
FIRST_PERSON_PLURAL = frozenset("we us our ours мы нас нам нами наш наша наше наши нашего нашей нашему нашим нашу "
                                "наших нашими нашем".split())
# Words that open the part of a sentence correcting a negated one: "not for money but for honour", "not three
# months, only three weeks", «не из-за травмы, просто хочу домой», «не три месяца, а три недели» (facts: the
# claim is what follows; «здесь, а не там», "here, not there": what comes before).
CORRECTIVES = frozenset("but only just simply merely rather instead а просто лишь только".split())
# Coordinating conjunctions open a clause of their own: "has not met him and does not plan to" negates twice.
CONJUNCTIONS = frozenset("and but or nor while whereas и а но или однако зато".split())
# Negative words that only echo a negation already in their clause in Russian ("никто не", "ни один ... не").
CONCORD = frozenset("ни никто никого никому никем ничто ничего ничему ничем никогда нигде никуда никак".split())
# "not only", "no later than", "nothing less", «не раз», «пока не» ("until"): a negation word that negates nothing.
NOT_NEGATING_NEXT = frozenset(
    "only just least later earlier sooner more less fewer longer but other lower higher "  # "no longer" negates
    "только раз меньше менее более больше позднее позже раньше ранее ниже выше "
    "дороже дешевле старше моложе длиннее короче дальше ближе тяжелее легче".split()  # «не дороже 600 миллионов»
) - {"longer"}
NOT_NEGATING_AFTER = frozenset({"пока"})  # «пока не получим» = "until we receive"
# Words between a negation and the word it negates ("will not be closed", «не будет закрыт», "not a single").
AUXILIARIES = frozenset(
    "a an the be been being is are was were am will would shall should can could may might must have has had do does "
    "did to get got ever yet even stay stays stayed remain remains remained "  # "will not stay closed"
    "быть будет будут буду будем был была было были может могут могли мог могла стал стала стали станет станут "
    "уже еще ещё даже останется останутся остаётся остаются оставаться".split()
)
# Verbs a negation passes through to what they govern: "will not allow it to be closed" = "will not close it".
CONTROL = frozenset("allow allows let lets permit permits позволим позволит позволят позволю позволять дадим дадут "
                    "даст".split())
# A negation of a condition ("unless": "if not") negates each clause joined to its clause by these.
CONDITION_NEGATIONS = frozenset({"unless"})
CONDITION_JOINS = frozenset({"and", "or"})
# An alternative to an obligation is what follows if it is not met: "must be ready by May, or we will move it" =
# "if it is not ready by May, we will move it"; "otherwise", «иначе» after any clause. The clause that
# "or" opens after an obligation (these words in the clause before, in its sentence) counts one negation.
OBLIGATIONS = frozenset("must should need needs have has обязан обязана обязаны должен должна должно должны нужно "
                        "надо необходимо".split())
ALTERNATIVES = frozenset({"or"})
OTHERWISE = frozenset({"otherwise", "иначе"})
# «что бы ни», «как бы ни» ("whatever", "however"): concessive, no negation.
CONCESSIVE = ("бы", "ни")


# Quotes are read folded (speakers.fold: "дней" → "днеи", "ещё" → "еще"): so are the tables' words.
def _folded(words: dict[str, _T]) -> dict[str, _T]:
    return {fold(word): value for word, value in words.items()}


NUMBER_WORDS, MULTIPLIERS, MONTHS, WEEKDAYS, SEASONS, UNITS, RELATIVE_DAYS, HALF_UNITS = (
    _folded(NUMBER_WORDS), _folded(MULTIPLIERS), _folded(MONTHS), _folded(WEEKDAYS), _folded(SEASONS),
    _folded(UNITS), _folded(RELATIVE_DAYS), _folded(HALF_UNITS))
COUNTED_FRACTIONS, FRACTION_COUNTS, LONE_FRACTIONS = (
    _folded(COUNTED_FRACTIONS), frozenset(map(fold, FRACTION_COUNTS)), frozenset(map(fold, LONE_FRACTIONS)))
RU_DENOMINATORS, PARTS, COUNTED_MULTIPLIERS = _folded(RU_DENOMINATORS), frozenset(map(fold, PARTS)), _folded(
    COUNTED_MULTIPLIERS)
ORDINALS = frozenset(map(fold, ORDINALS))
RATIO_WORDS, TIMES, RATIO_COMPARATIVES = _folded(RATIO_WORDS), frozenset(map(fold, TIMES)), frozenset(
    map(fold, RATIO_COMPARATIVES))
NEGATIONS, CONCORD, NOT_NEGATING_NEXT = (frozenset(map(fold, NEGATIONS)), frozenset(map(fold, CONCORD)),
                                         frozenset(map(fold, NOT_NEGATING_NEXT)))
NEGATIVE_STEMS = tuple(map(fold, NEGATIVE_STEMS))
NOT_NEGATIVE = frozenset(map(fold, NOT_NEGATIVE))
NEGATIVE_PREDICATES = frozenset(map(fold, NEGATIVE_PREDICATES))
CORRECTIVES = frozenset(map(fold, CORRECTIVES))
HEDGES, HEDGE_BRIDGES = {fold(k): v for k, v in HEDGES.items()}, frozenset(map(fold, HEDGE_BRIDGES))

AUXILIARIES, CONTROL = frozenset(map(fold, AUXILIARIES)), frozenset(map(fold, CONTROL))
OBLIGATIONS, OTHERWISE = frozenset(map(fold, OBLIGATIONS)), frozenset(map(fold, OTHERWISE))
FIRST_PERSON_PLURAL = frozenset(map(fold, FIRST_PERSON_PLURAL))
