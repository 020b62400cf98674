"""Roles across languages: what a descriptor says a speaker is, in English words, whatever its language.

Two mentions of one name are kept apart when their roles disagree ("Anna Berg, the mayor" and "Anna Berg, the
goalkeeper"). A Russian descriptor («генерал-майор в отставке», «официальный представитель МИД») is not
compared word for word with an English one ("retired Major General", "foreign ministry spokeswoman"): its
role words are translated through ROLES_RU into the English words that name the same role, and a Russian
descriptor with no role word known here says nothing (it is left out of the comparison rather than read as a
disagreement).

An English descriptor's role is its head: the last word before its complement ("chairwoman of the …",
"ambassador to …", "spokeswoman for …").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Russian role words (a stem: any ending of up to MAX_ENDING letters follows) to the English words for the role.
ROLES_RU: dict[str, tuple[str, ...]] = {
    "генерал": ("general",), "адмирал": ("admiral",), "полковник": ("colonel",), "майор": ("major",),
    "капитан": ("captain",), "лейтенант": ("lieutenant",), "маршал": ("marshal",), "сержант": ("sergeant",),
    "командующ": ("commander",), "командир": ("commander",), "начальник": ("chief", "head"),
    "глава": ("head", "chief", "leader"),
    "главы": ("head", "chief", "leader"), "главе": ("head", "chief", "leader"),
    "главу": ("head", "chief", "leader"), "руководител": ("head", "leader", "chief", "director"),
    "председател": ("chairman", "chairwoman", "chair", "chairperson", "president", "speaker"),
    "министр": ("minister", "secretary"), "премьер": ("premier", "minister"), "президент": ("president",),
    "заместител": ("deputy",), "мэр": ("mayor",), "губернатор": ("governor",), "посол": ("ambassador", "envoy"),
    "посл": ("ambassador", "envoy"),
    "представител": ("spokesman", "spokeswoman", "spokesperson", "representative"),
    "пресс-секретар": ("secretary", "spokesman", "spokeswoman", "spokesperson"),
    "секретар": ("secretary",), "спикер": ("speaker",),
    "депутат": ("deputy", "lawmaker", "mp", "member", "legislator", "parliamentarian"),
    "сенатор": ("senator",), "советник": ("adviser", "advisor", "counsellor"), "помощник": ("aide", "assistant"),
    "директор": ("director", "executive", "ceo", "manager"), "главврач": ("doctor", "physician", "director"),
    "врач": ("doctor", "physician", "director"), "инженер": ("engineer",),
    "уполномоченн": ("ombudsman", "ombudswoman", "ombudsperson", "commissioner"),
    "омбудсмен": ("ombudsman", "ombudswoman", "ombudsperson"), "прокурор": ("prosecutor",),
    "судья": ("judge",), "адвокат": ("lawyer", "attorney"), "экономист": ("economist",),
    "аналитик": ("analyst",), "эксперт": ("expert", "analyst"), "журналист": ("journalist", "reporter"),
    "корреспондент": ("correspondent", "reporter"), "редактор": ("editor",), "активист": ("activist",),
    "волонтёр": ("volunteer",), "волонтер": ("volunteer",), "фермер": ("farmer",), "чиновник": ("official",),
    "сотрудник": ("official", "officer", "employee"), "лидер": ("leader",), "основател": ("founder",),
    "координатор": ("coordinator",), "вратар": ("goalkeeper",), "тренер": ("coach", "manager"),
    "священник": ("priest",), "патриарх": ("patriarch",), "ректор": ("rector",), "профессор": ("professor",),
    "учител": ("teacher",),
    "мэри": (),  # «мэрия», «в мэрии»: the city hall, not its mayor
}
MAX_ENDING = 3
# Words any holder of a post may be called ("head of the miners' union" is its chairman, «глава» its leader,
# "the company boss" its chief executive):
# they name no role that another could contradict, so they are left out of the comparison.
GENERIC_ROLES = frozenset({"head", "chief", "leader", "boss"})
# Titles of office that outlets render loosely from one language to another ("chief public health officer" for
# «главный санитарный врач», "fisheries commissioner" for «глава рыбного ведомства»): across languages one of
# them against another role is a looser translation, not another person.
BROAD_ROLES = frozenset({
    "officer", "official", "director", "executive", "manager", "administrator", "representative", "commissioner",
    "boss", "coordinator", "member", "secretary", "adviser", "advisor", "aide", "employee",
})
# Offices that "general" follows as an adjective ("prosecutor general", "secretary general").
OFFICES_BEFORE_GENERAL = frozenset({
    "prosecutor", "attorney", "secretary", "surgeon", "consul", "governor", "inspector", "auditor", "solicitor",
    "director", "procurator", "comptroller", "postmaster", "commissioner",
})
# English words for a person's role besides ROLES_RU's translations and the lists above; with the words for a
# doer (DOERS) they tell a person's role from an organisation's name ("the Border Guard Service", "Rudbor
# Mining": ``names_person``). A word missed here makes a person's descriptor read as an organisation, which
# only ties it to an organisation whose name holds all its words (organisations.py).
PERSON_WORDS = frozenset({
    "source", "insider", "witness", "resident", "candidate", "agent", "champion", "assistant", "consultant",
    "student",
}) | frozenset(word for words in ROLES_RU.values() for word in words) | GENERIC_ROLES | BROAD_ROLES \
    | OFFICES_BEFORE_GENERAL
DOERS = ("er", "or", "ist", "man", "woman", "person", "eer", "ian")
# Words before an English role that rank it rather than say where it is held ("deputy", "former").
RANKS = frozenset("former ex acting interim deputy vice rear senior junior top first retired new current outgoing "
                  "incoming".split())
_CYRILLIC = re.compile(r"[а-яё]")
_COMPLEMENT = re.compile(r"(?<![\w-])(?:of|for|to|at|in|on|from|with)(?![\w-])|,")  # not inside "editor-in-chief"
_IN_CHIEF = re.compile(r"-in-chief$")  # "editor-in-chief" is an editor, "commander-in-chief" a commander
_POSSESSIVE = re.compile(r"['’]s$")
_WORD = re.compile(r"[\w'’-]+")
# Words of a descriptor that say nothing of whose role it is ("a spokeswoman for the …").
_FILLER = frozenset("a an the of for to at in on from with and its his her their our".split())
_BODY = frozenset({"of", "for", "at", "in", "from", "with"})  # not "ambassador to …": the host, not the role's body


def role_words(descriptor: str) -> frozenset[str]:
    """The English words for the role a descriptor names (empty: no role known), one word for a role whatever
    the holder's sex ("spokeswoman", "spokesperson": "spokesman")."""
    folded = " ".join(descriptor.casefold().replace("’", "'").split())
    if _CYRILLIC.search(folded):
        return frozenset(map(_ungendered, _russian(folded)))
    words = _WORD.findall(_COMPLEMENT.split(folded)[0])
    while words and any(ch.isdigit() for ch in words[-1]):
        words = words[:-1]  # "world number 14", "Tarvanian No. 1": a ranking, no role
    if words and words[-1] in RANKINGS:
        return frozenset()
    if len(words) > 1 and words[-1] == "general" and words[-2] in OFFICES_BEFORE_GENERAL:
        words = words[:-1]  # "prosecutor general": "general" follows the office it qualifies (not "major general")
    return frozenset({_ungendered(_IN_CHIEF.sub("", _POSSESSIVE.sub("", words[-1])))}) if words else frozenset()


# Words that open a ranking rather than name a role ("world number 14", "No. 1 seed" keeps "seed").
RANKINGS = frozenset({"number", "no", "nr"})
# A role word that names its holder's sex: "spokeswoman", "chairperson", "congresswomen" (not "woman" alone).
_GENDERED = re.compile(r"(?<=\w{3})(?:woman|women|person|people|men)$")


def _ungendered(word: str) -> str:
    """One word for a role whoever holds it: "spokeswoman" and "spokesperson" are "spokesman"'s role."""
    return _GENDERED.sub("man", word)


def _russian(folded: str) -> frozenset[str]:
    """Every role word, but not one that follows another: that is its complement, in the genitive
    («пресс-секретарь президента», «советник министра»)."""
    found: set[str] = set()
    previous: set[str] = set()
    for word in _WORD.findall(folded):
        roles = _role_word(word)  # "генерал-майор", "вице-адмирал": each part that names a role
        if not previous:
            found |= roles
        previous = roles
    return frozenset(found)


def _translate(word: str) -> set[str]:
    for stem in sorted((s for s in ROLES_RU if word.startswith(s)), key=len, reverse=True):
        if len(word) - len(stem) <= MAX_ENDING:
            return set(ROLES_RU[stem])
    return set()


def names_person(descriptor: str) -> bool:
    """Whether a descriptor names a person's role, not an organisation: a Russian role word (ROLES_RU), or an
    English head that is a word for a person's role (PERSON_WORDS) or for a doer (DOERS: "forecaster",
    "hydrologist"), in the singular or the plural ("prosecutors"). "the Border Guard Service", "Rudbor Mining",
    «космическое агентство», «пресс-служба компании» name organisations."""
    words = role_words(descriptor)
    if _CYRILLIC.search(descriptor.casefold()):
        return bool(words)
    return any(_personal(word) for word in words)


def _personal(word: str) -> bool:
    single = word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word
    return bool({word, single} & PERSON_WORDS) or single.endswith(DOERS)


def body_of(descriptor: str) -> str:
    """Where a descriptor's role is held, as written: in English the words before the role, ranks and other
    roles aside ("Border Guard Service spokesman", "retired Major General": nothing), and the complement after
    it ("director of the National Space Agency", "research director at Berestov Biopharm"); in Russian the words
    after its role words («председатель Национального банка», «заместитель министра финансов»). Empty when it
    names no role or says nothing of where."""
    if _CYRILLIC.search(descriptor.casefold()):
        return _russian_body(descriptor)
    marker = _COMPLEMENT.search(descriptor)
    before = _WORD.findall(descriptor[:marker.start()] if marker else descriptor)[:-1]  # the head last
    after = descriptor[marker.end():].split(",")[0] if marker and marker.group() in _BODY else ""
    kept = [w for w in before if _POSSESSIVE.sub("", w.casefold()) not in _FILLER | RANKS | PERSON_WORDS]
    return " ".join([*kept, after.strip()]).strip()


def _russian_body(descriptor: str) -> str:
    words = _WORD.findall(descriptor)
    roles = [bool(_role_word(w.casefold())) for w in words]
    if True not in roles:
        return ""
    start = roles.index(True)
    while start < len(words) and roles[start]:  # «заместитель министра финансов»: the deputy's body is the minister's
        start += 1
    return " ".join(words[start:])


def _role_word(word: str) -> set[str]:
    """The English words for a Russian word's role, its hyphenated parts' too ("генерал-майор")."""
    roles = _translate(word)
    if "-" in word:
        for part in word.split("-"):
            roles |= _translate(part)
    return roles


def role_heads(descriptors: Iterable[str]) -> frozenset[str]:
    """The roles of all of a mention's descriptors, as English words (generic ones aside)."""
    return frozenset(word for descriptor in descriptors for word in role_words(descriptor)) - GENERIC_ROLES


def role_heads_by_script(descriptors: Iterable[str]) -> dict[str, frozenset[str]]:
    """``role_heads`` apart for the descriptors written in Cyrillic ("ru") and in Latin letters ("en"): across
    two languages a role is a translation away, and the lists that bridge them are never complete."""
    out: dict[str, set[str]] = {}
    for descriptor in descriptors:
        script = "ru" if _CYRILLIC.search(descriptor.casefold()) else "en"
        out.setdefault(script, set()).update(role_words(descriptor) - GENERIC_ROLES)
    return {script: frozenset(words) for script, words in out.items() if words}


def same_role(one: Iterable[str], other: Iterable[str]) -> bool:
    """Two speakers named only by their role hold the same one: their role words agree (across languages, as
    translated), and in one language neither says what the other contradicts ("interior ministry spokesman" /
    "health ministry spokesman": each has a word the other lacks). No role known on either side is no match."""
    one, other = tuple(one), tuple(other)
    heads = role_heads(one), role_heads(other)
    if not heads[0] & heads[1]:
        return False
    mine, theirs = _words_by_script(one), _words_by_script(other)
    for script in mine.keys() & theirs.keys():
        a, b = mine[script], theirs[script]
        if a - b and b - a:
            return False
    return True


def _words_by_script(descriptors: tuple[str, ...]) -> dict[str, frozenset[str]]:
    """The words of each script's descriptors besides their role words (what the role is of: "border guard"),
    by their first letters (case endings aside)."""
    out: dict[str, set[str]] = {}
    for descriptor in descriptors:
        folded = descriptor.casefold().replace("’", "'")
        russian = _CYRILLIC.search(folded) is not None
        roles = role_words(descriptor)
        words = (w for w in _WORD.findall(folded) if w not in _FILLER
                 and not (_translate(w) if russian else _ungendered(_POSSESSIVE.sub("", w)) in roles))
        out.setdefault("ru" if russian else "en", set()).update(_POSSESSIVE.sub("", w)[:5] for w in words)
    return {script: frozenset(words) for script, words in out.items()}
