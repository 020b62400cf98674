"""Every Russian word list the Russian path uses, in one place (the counterpart of ``quotetrace.lexicon``).

Written for this project from Russian news usage; calibrated as a set on the fixtures in
``tests/fixtures/ru/`` (``benchmarks/accuracy_ru.py``); don't tune one list in isolation.
"""

from __future__ import annotations

# Verbs (lemmas, both aspects) that introduce what someone said, wrote or believes.
SPEECH_VERBS = frozenset(
    """
    заявить заявлять сказать говорить сообщить сообщать отметить отмечать подчеркнуть подчёркивать подчеркивать
    добавить добавлять пояснить пояснять уточнить уточнять признать признавать предупредить предупреждать
    напомнить напоминать утверждать заверить заверять рассказать рассказывать написать писать ответить
    отвечать объявить объявлять констатировать указать указывать заметить замечать призвать призывать
    потребовать требовать пообещать обещать опровергнуть отрицать настаивать высказаться признаться признаваться
    прокомментировать резюмировать подтвердить подтверждать допустить допускать убеждать заключить
    выразить предположить предполагать пожаловаться жаловаться возразить возражать обвинить обвинять
    анонсировать опубликовать процитировать акцентировать сформулировать парировать уверить уверять
    объяснить объяснять вспомнить вспоминать подсчитать предложить предлагать попросить просить посоветовать
    советовать порекомендовать рекомендовать поручить поручать клясться поклясться
    считать полагать думать надеяться опасаться верить ожидать рассчитывать сомневаться бояться подозревать
    исключать
    говориться отмечаться сообщаться подчёркиваться подчеркиваться указываться утверждаться заявляться
    """.split()
)
# Endings of women's surnames that also end a man's surname in the genitive ("Белова", "Ильина").
FEMININE_SURNAME_ENDINGS = ("ова", "ева", "ёва", "ина", "ына")
# Verbs of a finding, cues only with a что-clause ("исследование показывает, что …"; not "опрос показал рост").
FINDING_VERBS = frozenset("показать показывать доказать доказывать".split())
# Verbs that say someone spoke, with no content of their own ("Петров выступил на круглом столе"): they name
# the speaker of the quotations that follow.
SPEAKING_VERBS = frozenset("выступить выступать".split())
# Verbs of asking and exclaiming: cues only right after the dash that follows a quotation or dialogue speech
# ("— Вы готовы? — спросил он."); elsewhere "спросили генерала о ротации" carries no statement.
AFTER_DASH_VERBS = frozenset("спросить спрашивать переспросить поинтересоваться воскликнуть крикнуть".split())
# Belief verbs: attributions with a что-clause ("считает, что ...") or after the statement they attribute
# ("..., считает он"), never with a plain object.
COGNITION_VERBS = frozenset(
    "считать полагать думать надеяться опасаться верить предполагать ожидать рассчитывать сомневаться бояться "
    "подозревать исключать".split()
)
# Short adjectives of conviction ("уверен, что", "— убеждена она"), by form: the tagger calls some of them verbs.
BELIEF_WORDS = frozenset("уверен уверена уверены убежден убеждена убеждены".split())
# Verbs whose content may be an infinitive: a promise, a call or a request ("пообещал выплатить ...").
INFINITIVE_VERBS = frozenset(
    """
    пообещать обещать призвать призывать потребовать требовать предложить предлагать попросить просить
    посоветовать советовать порекомендовать рекомендовать поручить поручать пригрозить грозить угрожать
    """.split()
)
# Verbs of attitude toward a thing: a stance, with a noun object as content ("осудил решение", "потребовал
# отставки"). "выступить против / за X" is one too (SPEAKING_VERBS with the preposition).
STANCE_VERBS = frozenset(
    """
    осудить осуждать раскритиковать критиковать поддержать поддерживать одобрить одобрять приветствовать
    потребовать требовать похвалить хвалить призвать призывать опровергнуть опровергать отвергнуть отвергать
    отрицать
    """.split()
)
STANCE_PREPOSITIONS = frozenset({"против", "за"})
# Verbs of saying that take a stance toward what their preposition governs, when no clause follows
# ("жалуются на тесноту в залах", "возражал против переноса", "высказался за реформу").
PREPOSITION_STANCES: dict[str, frozenset[str]] = {
    **dict.fromkeys(("жаловаться", "пожаловаться"), frozenset({"на"})),
    **dict.fromkeys(("возражать", "возразить"), frozenset({"против"})),
    "высказаться": STANCE_PREPOSITIONS,
}
# A verb and the noun it must have to be a cue ("обратил внимание на то, что", "дал понять, что", "пришли к
# выводу, что", "задаёт вопрос: «…»"), with the act it reports.
PHRASE_CUES: dict[str, tuple[str, bool]] = {  # verb: (noun, whether a belief)
    "обратить": ("внимание", False), "обращать": ("внимание", False), "дать": ("понять", False),
    "давать": ("понять", False), "прийти": ("вывод", True), "приходить": ("вывод", True),
    "задать": ("вопрос", False), "задавать": ("вопрос", False),
    "привести": ("данные", False), "приводить": ("данные", False),  # "Такие данные приводит центр …"
}
# Conjunctions that open a reported clause ("заявил, что ..."), and the dashes of Russian typography.
CLAUSE_MARKS = frozenset({"что", "чтобы"})
DASHES = ("—", "–")
# Verbs that name the quotation they take as an argument: cues for that quotation only ("назвал решение
# «ошибкой»").
QUOTATION_VERBS = frozenset("назвать называть охарактеризовать".split())
# Verbs by which a channel quotes someone: "приводит слова министра агентство", "цитирует губернатора газета".
QUOTING_VERBS = frozenset("приводить привести цитировать процитировать".split())
# Verbs by which an outlet passes a statement on ("..., передаёт телеканал", "сообщает агентство").
CHANNEL_VERBS = frozenset("передавать передать сообщать сообщить писать написать".split())
# Outlets: nouns (lemmas) whose phrase is a channel, not a speaker, beside a named speaker.
MEDIA_NOUNS = frozenset(
    """
    агентство телеканал канал телеграм-канал telegram-канал газета издание радиостанция радио телевидение
    портал сайт журнал сми телекомпания интервью эфир
    """.split()
)
# Impersonal passives whose source is the document named beside them ("говорится в обращении").
DOCUMENT_VERBS = frozenset(
    "говориться отмечаться сообщаться подчёркиваться подчеркиваться указываться утверждаться заявляться".split()
)
# Documents that speak for their authors.
DOCUMENT_NOUNS = frozenset(
    """
    заявление обращение сообщение письмо документ доклад отчёт отчет приказ указ резолюция пресс-релиз
    коммюнике публикация пост канал telegram-канал телеграм-канал видеообращение меморандум декларация
    петиция послание стенограмма комментарий релиз интервью записка сводка справка бюллетень обзор исследование
    рапорт
    """.split()
)
# Nouns (lemmas) before a quotation that make it a title or a name, not speech.
TITLE_CUES = frozenset(
    """
    газета журнал книга фильм закон законопроект партия движение организация компания операция программа
    проект агентство издание телеканал радиостанция название заголовок статья песня передача фонд называть
    называемый так-называемый так-называть лозунг хэштег хештег акция канал группа центр портал сайт телеграм-канал
    спектакль пьеса роман повесть рассказ сборник стихотворение поэма опера балет мюзикл сериал
    мультфильм альбом выставка фестиваль конкурс премия театр музей картина полотно
    """.split()
)
# Verbs of naming: with a relative pronoun for their object ("который назвали «…»") the quotation is a name.
NAMING_VERBS = frozenset("назвать называть прозвать прозывать окрестить величать".split())
# "по словам X": the preposition and the noun (lemma) that carry an attribution without a verb.
ACCORDING_TO = ("по", "слово")

# Personal pronouns (any case) by gender; "они" by number.
PRONOUN_GENDER: dict[str, str] = {
    "он": "m", "его": "m", "него": "m", "ему": "m", "нему": "m", "им": "m", "ним": "m", "нём": "m", "нем": "m",
    "она": "f", "её": "f", "ее": "f", "неё": "f", "нее": "f", "ей": "f", "ней": "f", "ею": "f", "нею": "f",
}
PLURAL_PRONOUNS = frozenset("они их них ими ними".split())
FIRST_PERSON = frozenset("я мы".split())
RELATIVE_PRONOUNS = frozenset("который которая которое которые".split())
# Place adverbs that stand for the last source named ("Пострадавших нет, добавили там").
PLACE_ADVERBS = frozenset({"там", "тут", "здесь"})
# Indefinite sources stay anonymous ("источник", "один из экспертов").
INDEFINITE_WORDS = frozenset("один одна одно некий некая некое какой-то какая-то несколько источник собеседник".split())

# Frequent given names by gender (nominative), for gender when morphology says nothing.
MALE_NAMES = frozenset(
    """
    иван сергей владимир дмитрий алексей михаил николай павел андрей юрий игорь олег борис виктор пётр петр
    фёдор федор леонид анатолий геннадий евгений максим константин роман кирилл денис артём артем илья
    станислав валерий вадим аркадий александр григорий василий рамзан глеб антон тимур ярослав вячеслав
    """.split()
)
FEMALE_NAMES = frozenset(
    """
    мария анна ольга татьяна наталья елена ирина светлана анастасия юлия екатерина марина людмила валентина
    галина надежда лариса оксана дарья ксения алла вера любовь нина тамара элла эльвира маргарита софья
    """.split()
)

# Month names (genitive, as in dates) to their number, for the date veto of translation links.
MONTHS_RU: dict[str, int] = {
    "январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6, "июл": 7, "август": 8, "сентябр": 9,
    "октябр": 10, "ноябр": 11, "декабр": 12,
}
