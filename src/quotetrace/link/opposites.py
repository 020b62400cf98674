"""Words that say the opposite of each other, in English and Russian: "opened" / "closed", "went ahead" /
"called off", «выросли» / «снизились», "constitutional" / "unconstitutional". A retelling may turn a negation
into its opposite word ("the runway was not damaged" → "the runway was intact"; «не отходили» → «остаются»),
and a near-miss may say the opposite with no "not" at all ("will take place" → "had been called off"). The
veto (veto.py) compares them like negations, on the parts of two quotes that matched.

Two kinds of opposites:

- **listed** pairs (``OPPOSITES``), of general news language, each with a ``positive`` and a ``negative`` side.
  Of a contradictory pair the negative side says "not" the positive ("intact" = "not damaged", "free" = "not
  paid for", "called off" = "not taking place"); of a ``contrary`` pair it says the opposite, which "not" does
  not give ("fell" is not "did not rise").
- **prefixed** words: a word with a negative prefix ("un-", "non-", "in-"/"im-"/"il-"/"ir-" on an adjective,
  «не-») is on the negative side of the words that start as its remainder does ("unharmed" against "harmed",
  «непригодны» against «пригодны»). Only the other quote decides: "unusual" is on the negative side of nothing
  until a quote says "usual", and then only if the two quotes say them unevenly (``engaged``).

Forms of a listed pair: a word as written ("intact"); a stem, ending in ``*`` ("закры*": «закрыли»,
«закрытым»; Russian words are listed as stems, English mostly as forms, since "close*" would take in
"closely"); a phrase of a verb (word or stem) and a particle up to two words after it ("called off": "called it
off"). A form in ``EXCEPT``'s context is not read ("close to the border"). One concept per pair; a word may be on
the side of two pairs ("cancel" against "take place" and against "impose").

Two quotes whose affirmative clauses take opposite sides of a pair ("the hearing will be open" / "behind
closed doors") contradict each other whatever else either negates (``Sides.placed``, facts.py, veto.py).

The side of "without" / «без» is the negation itself: it says "no" only when the other quote has a "no" in its
place ("had no clean water" / "had gone without clean water"), or a word that says "not" on its own, of a
one-sided pair ("visas will be lifted" / "can travel without visas"; «свет отключат» / «останутся без света»);
against a quote with neither, it says nothing ("the days without heating" are the cold days). So do "exempt",
"freed from" and a compound ending in "-free" ("visa-free": without a visa), and "spare" ("spared blackouts":
without them; "cuts 40 jobs but spares its main plant": no cuts there).

Words that a copy may swap for their opposite though a retelling's use of them says too little (directions,
"more" / "fewer", "higher" / "lower": ``SWAPS``) are read only where two quotes in one language align word by word
(changes.py): a copy that says "south" for "north" is altered, with the swap named.

The pairs are written from general language (antonym pairs of news reporting: openings, cancellations, damage,
prices, casualties, permissions, detentions, supplies, services suspended, jobs kept or cut, duties made
mandatory or left optional), not from the fixtures' sentences; a pair is added when a kind of statement needs
it, in both languages.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from quotetrace.link.speakers import fold

NEGATION_SIDE = "#negation"  # the positive side of the "without" pair: a token the facts read as a negation
WITHOUT = "without"
FREE_OF = "-free"  # the ending of a compound that says "without" what it opens with
PREFIXED = "~"  # the entry of a prefixed word: "~" and the stem it negates ("~harmed")


@dataclass(frozen=True, slots=True)
class Opposites:
    name: str
    positive: tuple[str, ...]
    negative: tuple[str, ...]
    contrary: bool = False
    one_sided: bool = False  # its negative side says "not" on its own: "cancelled" is a negation in any quote


def _forms(text: str) -> tuple[str, ...]:
    return tuple(form.strip() for form in text.split(",") if form.strip())


# A level reached at its highest is a rise ("will reach its highest level"); "lowest level" is left out: it
# mostly repeats a fall already said ("slowed to 6.1 percent, its lowest level"), and «рост цен замедлился» says
# both sides at once.
_RISE = ("rise, rises, rising, rose, risen, grow, grows, growing, grew, grown, increas*, go up, goes up, went up, "
         "raise, raises, raised, raising, hike, hikes, hiked, pick up, picks up, picked up, picking up, accelerat*, "
         "вырас*, вырос*, раст, растут, растёт, растет, рост, роста, подорож*, повыс*, повыш*, увелич*, подним*, "
         "подня*, ускор*, peak, peaks, peaked, peaking, highest level, record high, максимальн* уровня, "
         "максимальн* отметки")
_FALL = ("fall, falls, falling, fell, fallen, drop*, declin*, decreas*, go down, goes down, went down, reduc*, "
         "cut, cuts, cutting, slash*, slow, slows, slowed, slowing, slower, decelerat*, замедл*, "
         "shrink, shrinks, shrank, shrunk, shrinking, сниз*, сниж*, упал*, упад*, пада*, сократ*, сокращ*, уменьш*, "
         "подешев*")
OPPOSITES: tuple[Opposites, ...] = (
    Opposites("open", _forms(
        "open, opens, opened, opening, reopen*, resum*, откры*, откро*, открой*, возобнов*"), _forms(
        "close, closes, closed, closing, closure*, shut, shuts, shutting, shutdown, keep* off, kept off, "
        "закры*, закро*, закрой*"),
        one_sided=True),
    Opposites("stay", _forms(
        "stay, stays, stayed, staying, remain*, hold, holds, holding, остаю*, останут*, останет*, остаться, "
        "остаёт*, остает*, остался, остались, осталась, остава*, удерж*"), _forms(
        "leave, leaving, withdraw*, retreat*, pull* out, pull* back, отход*, отойд*, отошл*, отошли, отступ*, "
        "отвод*, отвед*, отвел*, выведу*, вывест*, выводя*, покин*, покида*, уход*, уйд*, ушл*, ушли, "
        # leaving a post: "will not resign" = "will stay on" («уйти в отставку»)
        "resign, resigns, resigned, resigning, step down, steps down, stepped down, stepping down")),
    Opposites("take place", _forms(
        "take place, takes place, taking place, took place, taken place, go ahead, goes ahead, going ahead, "
        "went ahead, gone ahead, состоит*, состоят*, состоял*"), _forms(
        "cancel*, call off, calls off, calling off, called off, postpon*, put off, puts off, putting off, delay*, "
        "scrap*, отмен*, перенес*, перенос*, перенест*, отлож*, отклад*, сорва*"), one_sided=True),
    Opposites("impose", _forms("impose*, introduc*, ввод*, введ*, ввест*"), _forms(
        "lift, lifts, lifted, lifting, cancel*, abolish*, отмен*, сним*, снят*, снима*, упраздн*"), one_sided=True),
    Opposites("damaged", _forms(
        "damag*, destroy*, collaps*, hurt, injur*, wounded, поврежд*, разруш*, пострада*, обруш*, ранен*, ранил*"),
        _forms("intact, undamaged, unharmed, unscathed, unhurt, uninjured, цел, цела, цело, целы, целым, целыми, "
               "уцел*, невредим*"), one_sided=True),
    Opposites("paid", _forms(
        "pay, pays, paid, paying, payment*, fee, fees, charge, charges, charged, charging, плати*, платят, платил*, "
        "платеж*, платёж*, оплат*, заплат*, платн*, cost, costs, costing, стоимост*"),  # "at no cost" = free
        _forms("free, бесплатн*, даром")),
    Opposites("allowed", _forms("allow*, permit*, разреш*, позвол*, допуст*, допуска*"), _forms(
        "ban, bans, banned, banning, barred, barring, forbid*, prohibit*, off limits, запрет*, запрещ*"),
        one_sided=True),
    Opposites("room", _forms(
        "room, space, take more, takes more, take in, accept* more, мест, места, место, принима*, принять, примут"),
        _forms("full, overcrowded, overflowing, переполн*")),
    Opposites("unchanged", _forms(f"{_RISE}, {_FALL}, change, changes, changed, измен*"), _forms(
        "same, unchanged, stable, steady, frozen, неизмен*, стабильн*, прежн*")),
    Opposites("rise", _forms(_RISE), _forms(_FALL), contrary=True),
    Opposites("alive", _forms("alive, survive*, survivor*, жив, жива, живы, живым, живыми, выжи*"), _forms(
        "dead, death, deaths, die, dies, died, killed, погиб*, умер, умерл*, умрут, убит*, мертв*"), one_sided=True),
    Opposites("won", _forms("win, wins, won, winning, victory, побед*, выигра*"), _forms(
        "lose, loses, lost, losing, defeat*, пораж*, проигра*")),
    Opposites("guilty", _forms("guilty, виновн*, виноват*"), _forms(
        "innocent, acquit, acquits, acquitted, acquittal, cleared of, невинов*, невиноват*, оправдан*, оправдательн*"),
              one_sided=True),
    Opposites("lawful", _forms("legal, lawful, законн*"), _forms("illegal, unlawful, незаконн*"), one_sided=True),
    Opposites("safe", _forms("safe, safely, безопасн*"), _forms(  # "danger" (a risk) says no "not"
        "dangerous, опасен, опасна, опасно, опасны, опасный, опасная, опасное, опасные, опасным, опасных"),
        one_sided=True),
    # ... and against a threat: "no threat to the town" = "the town is safe"; "the fire threatens the town" is no
    # "not" on its own
    Opposites("threatened", _forms("safe, safely, безопасн*"), _forms(
        "threat, threats, threaten*, danger, угроз*, угрож*, опасност*")),
    Opposites("enough", _forms("enough, sufficient*, достаточн*, хват*"), _forms(
        "shortage*, short of, lack, lacks, lacking, lacked, нехватк*, недостат*, дефицит*"), one_sided=True),
    Opposites("continue", _forms(
        "continu*, keep, keeps, kept, keeping, carry on, carries on, carried on, carrying on, продолж*"), _forms(
        "end, ends, ended, ending, stop, stops, stopped, stopping, halt*, suspend*, cease, ceases, ceased, прекрат*, "
        "прекращ*, останов*, приостанов*")),
    Opposites("free", _forms("releas*, freed, освобо*, отпусти*, отпущ*"), _forms(
        "detain*, custody, jail*, imprison*, arrest*, задерж*, арест*, стражей")),
    Opposites("support", _forms("support, supports, supported, supporting, endorse*, поддерж*"), _forms(
        "oppose, opposes, opposed, opposing, против")),
    Opposites("agree", _forms("agree, agrees, agreed, agreeing, согласи*, согласен, согласна, согласны"), _forms(
        "disagree*, несоглас*"), one_sided=True),
    Opposites("supplied", _forms("supply, supplies, supplied, restor*, reconnect*, снабж*, восстанов*, подключ*"),
              _forms("cut off, cuts off, disconnect*, outage*, blackout*, disruption*, отключ*, обесточ*, перебо*"),
              one_sided=True),
    Opposites("running", _forms("run, runs, running, ran, operat*, resum*, работа*, заработа*, возобнов*"), _forms(
        "suspend*, interrupt*, halt*, cease, ceases, ceased, discontinu*, прерв*, прерыв*, приостанов*, прекрат*, "
        "прекращ*, перестан*, перестал*, перестаю*, перестаё*, перестае*"),  # «перестанет ходить»: "will no longer
        # run"; English "stop" is "continue"'s alone ("will stop work for two hours" is a strike, no service ended)
        one_sided=True),
    Opposites("employed", _forms(
        "keep* job, keep* jobs, kept job, kept jobs, retain* job, retain* jobs, сохран* работу, сохран* места"),
        _forms("lay off, lays off, laid off, laying off, layoff*, sack, sacks, sacked, sacking, dismiss*, redundan*, "
               "lose* job, lose* jobs, lost job, lost jobs, увол*, сокращ*, сократ*, потеря* работу")),
    Opposites("spread", _forms("spread, spreads, spreading, распростран*, перекину*, перекинет*"), _forms(
        "contain, contained, containing, confined, localised, localized, under control, локализ*")),
    Opposites("include", _forms("includ*, том числе, включ*"), _forms(
        "leave out, leaves out, leaving out, left out, exclud*, исключ*")),
    Opposites("mandatory", _forms("mandatory, compulsory, obligatory, обязательн*"), _forms(
        "optional, voluntary, voluntarily, необязательн*, добровольн*")),  # not one-sided: "voluntary
    # redundancies" are redundancies, and «обязательно» is also "surely"; only a quote that says the other side
    # engages it
    Opposites(WITHOUT, (NEGATION_SIDE,), _forms(
        "without, без, lacking, absent, absence, exempt*, spare, spares, spared, sparing, freed from, free from, "
        "free of, освобожд* от, освобод* от, безвиз*, пощад*")),
)
# Words whose swap for another of their group in a copy changes the claim, though in a retelling they say too
# little to veto on their own ("more" is a hedge, a comparison, a quantity; "north" a place in a name): read only
# where two quotes in one language align word for word (changes.compare), so that a copy that says "fewer"
# for "more", "south" for "north" or «ниже» for «выше» is altered, with the swap named, and not a fragment.
# Groups of general language: the compass, the comparatives of amount, height and time, the extremes.
SWAPS: tuple[tuple[tuple[str, ...], ...], ...] = tuple(tuple(_forms(fold(side)) for side in group) for group in (
    ("north, northern, northward, north-east, north-west, северн*, север, севера, северу, севере, северо*",
     "south, southern, southward, south-east, south-west, южн*, юг, юга, югу, юге, юго*",
     "east, eastern, eastward, восточн*, восток, востока, востоку, востоке",
     "west, western, westward, западн*, запад, запада, западу, западе"),
    ("more, больше, более", "less, fewer, меньше, менее"),
    ("higher, выше, высше*", "lower, ниже, низше*"),
    ("earlier, sooner, раньше, ранее", "later, позже, позднее"),
    ("maximum, максимум*, максимальн*", "minimum, минимум*, минимальн*"),
))
CONTRARY = frozenset(o.name for o in OPPOSITES if o.contrary)
ONE_SIDED = frozenset(o.name for o in OPPOSITES if o.one_sided)

# Contexts in which a form says something else: (form, the word right after it).
EXCEPT = frozenset({("close", "to"), ("close", "by"), ("free", "to"), ("charged", "with"), ("charge", "of"),
                    ("spare", "parts"), ("spare", "part"), ("spare", "time"), ("spare", "capacity"),
                    ("charges", "against"), ("end", "of"),
                    ("ends", "of"), ("same", "time"), ("hold", "talks"),
                    ("holding", "talks"), ("keep", "in")})
# "Lift" raises a quantity ("lifts its key rate to 7.25%", "lifted the forecast"): no restriction ended. Read so
# when one of these nouns follows within LIFT_REACH words and no restriction stands before it ("lift the price
# cap" ends a cap).
LIFTS = frozenset({"lift", "lifts", "lifted", "lifting"})
LIFTED_QUANTITIES = frozenset(
    "rate rates price prices forecast forecasts wage wages pay output production growth sales spending profit "
    "profits stake target targets revenue revenues earnings pension pensions salary salaries turnover yield yields "
    "exports imports investment investments budget budgets".split())
RESTRICTIONS = frozenset("ban bans freeze cap caps ceiling limit limits curb curbs restriction restrictions sanction "
                         "sanctions embargo blockade curfew moratorium quarantine".split())
LIFT_REACH = 3
# ... unless a modal makes the form a verb: "will close to lorries" (to traffic) is no "close to the border".
MODALS = frozenset("will would shall should must may might can could to".split())
_PARTICLE_REACH = 3  # a phrase's particle is at most two words after its verb
# A negative prefix, and what must end the word for it to be one: "in-" negates adjectives ("insufficient",
# "impossible", "illegal"), not verbs ("imprisoned", "informed"). «не» is written apart from a verb.
_PREFIXES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("non-", ("",)), ("non", ("",)), ("un", ("",)), ("не", ("",)),
    *((p, ("able", "ible", "al", "ent", "ant", "ive", "ic", "ous", "ar", "ate", "ete", "ite", "ure", "ably",
           "ibly", "ally", "ently", "antly", "ively", "ously", "ence", "ance"))
      for p in ("in", "im", "il", "ir")),
)
PREFIX_REST = 5  # letters a prefixed word must have after its prefix ("unpaid" is a negation word already)
PREFIX_STEM = 6  # letters of the remainder that the other quote's word must start with
# ... less a participle's ending, when the verb left has this many letters ("unheated": "heat", as "heating" and
# "heated" start; "unarmed" stays "armed", not "army")
PARTICIPLE = "ed"
PREFIX_VERB = 4


@dataclass(frozen=True, slots=True)
class _Form:
    entry: str
    sign: int  # +1: the positive side, -1: the negative side
    word: str  # a word as written, or a stem
    stem: bool
    particle: str | None


def _parse() -> tuple[dict[str, list[_Form]], list[_Form]]:
    exact: dict[str, list[_Form]] = {}
    stems: list[_Form] = []
    for opposites in OPPOSITES:
        for sign, forms in ((1, opposites.positive), (-1, opposites.negative)):
            for form in forms:
                if form == NEGATION_SIDE:
                    continue
                head, _, particle = fold(form).partition(" ")
                parsed = _Form(opposites.name, sign, head.rstrip("*"), head.endswith("*"), particle or None)
                if parsed.stem:
                    stems.append(parsed)
                else:
                    exact.setdefault(parsed.word, []).append(parsed)
    return exact, stems


_EXACT, _STEMS = _parse()


@dataclass(frozen=True, slots=True)
class Sides:
    """Where a quote's words stand: on a side of a listed pair ((entry, sign) -> how many words), the stems its
    prefixed words negate (stem -> how many), and its words (what another quote's prefixed words may negate)."""

    listed: Counter[tuple[str, int]] = field(default_factory=Counter)
    prefixed: Counter[str] = field(default_factory=Counter)
    words: tuple[str, ...] = ()
    placed: tuple[tuple[int, str, int], ...] = ()  # (index of a word, entry, sign) of each listed word


@lru_cache(maxsize=1 << 15)
def _forms_of(word: str) -> tuple[_Form, ...]:
    return (*_EXACT.get(word, ()), *(f for f in _STEMS if word.startswith(f.word)))


@lru_cache(maxsize=1 << 15)
def negated_stem(word: str) -> str | None:
    """The stem a word negates by its prefix ("unharmed" → "harmed", "incapable" → "capabl": whether the other
    quote says it decides), or None."""
    for prefix, endings in _PREFIXES:
        rest = word[len(prefix):]
        if word.startswith(prefix) and len(rest) >= PREFIX_REST and rest.isalpha() and rest.endswith(endings):
            verb = rest[:-len(PARTICIPLE)] if rest.endswith(PARTICIPLE) else rest  # "unheated": "heating" says it
            return (verb if len(verb) >= PREFIX_VERB else rest)[:PREFIX_STEM]
    return None


def read_sides(words: Sequence[str], negations: int = 0,
               skip: Collection[int] = ()) -> tuple[Sides, dict[int, frozenset[str]]]:
    """The sides of a quote's words (folded), and for each word on a negative side, its entries (a phrase counts
    at its particle: "called it off" at "off"). ``negations``: its negation words, which stand on the positive
    side of "without"; ``skip``: indexes of words that are negations already (no prefix of theirs counts:
    "unsafe")."""
    found: list[tuple[str, int, int]] = []
    prefixed: Counter[str] = Counter()
    for at, word in enumerate(words):
        following = words[at + 1] if at + 1 < len(words) else ""
        verb = at > 0 and words[at - 1] in MODALS
        for form in _forms_of(word):
            if ((form.word, following) in EXCEPT and not verb) or (form.word in LIFTS and _raises(words, at)):
                continue
            if form.particle is None:
                found.append((form.entry, form.sign, at))
                continue
            reach = words[at + 1:at + 1 + _PARTICLE_REACH]
            if form.particle in reach:
                found.append((form.entry, form.sign, at + 1 + reach.index(form.particle)))
        if word.endswith(FREE_OF) and len(word) > len(FREE_OF):
            found.append((WITHOUT, -1, at))  # "visa-free", "deposit-free": without a visa, a deposit
        stem = None if at in skip else negated_stem(word)
        if stem is not None:
            prefixed[stem] += 1
            found.append((PREFIXED + stem, -1, at))
    found = _once_per_word(found)
    listed: Counter[tuple[str, int]] = Counter((entry, sign) for entry, sign, _ in found
                                               if not entry.startswith(PREFIXED))
    # "without" says "no" against a negation in its place, or a word that says "not" on its own ("suspended",
    # "cancelled", "lifted": "visas will be lifted" / "travel without visas")
    said_not = negations + len({at for entry, sign, at in found if sign < 0 and entry in ONE_SIDED})
    if said_not:
        listed[(WITHOUT, 1)] += said_not
    negative: dict[int, set[str]] = {}
    for entry, sign, at in found:
        if sign < 0:
            negative.setdefault(at, set()).add(entry)
    placed = tuple((at, entry, sign) for entry, sign, at in found if not entry.startswith(PREFIXED))
    return Sides(listed, prefixed, tuple(words), placed), {at: frozenset(entries) for at, entries in negative.items()}


def _raises(words: Sequence[str], at: int) -> bool:
    """"Lift" at ``at`` raises a quantity (LIFTED_QUANTITIES): "lifts key rate", not "lift the price cap"."""
    window = words[at + 1:at + 2 + LIFT_REACH]  # one word past the reach: the head after "price" in "price cap"
    return (any(w in LIFTED_QUANTITIES for w in window[:LIFT_REACH])
            and not any(w in RESTRICTIONS for w in window))


def _once_per_word(found: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """One side per entry and word: "went ahead" is read as "went ahead", not also as "went"."""
    seen: set[tuple[str, int]] = set()
    out = []
    for entry, sign, at in sorted(found, key=lambda f: (f[0], -f[2])):
        if (entry, at) not in seen:
            seen.add((entry, at))
            out.append((entry, sign, at))
    return sorted(out, key=lambda f: f[2])


def engaged(a: Sides, b: Sides) -> frozenset[str]:
    """The entries on which two quotes take opposite sides: one says more on the positive side and the other
    more on the negative side ("не отходили" / "остаются на позициях, а слухи об отходе"; two "rise"s against
    one "rise" and a "same" engage nothing: the same word is said on both sides)."""
    out = {entry for entry in {e for e, _ in (*a.listed, *b.listed)}
           if _opposite(a.listed[(entry, 1)] - b.listed[(entry, 1)], a.listed[(entry, -1)] - b.listed[(entry, -1)])}
    for stem in a.prefixed.keys() | b.prefixed.keys():
        said_a = sum(1 for w in a.words if w.startswith(stem))
        said_b = sum(1 for w in b.words if w.startswith(stem))
        if _opposite(said_a - said_b, a.prefixed[stem] - b.prefixed[stem]):
            out.add(PREFIXED + stem)
    return frozenset(out)


def _opposite(more_positive: int, more_negative: int) -> bool:
    return more_positive > 0 > more_negative or more_positive < 0 < more_negative


def contrary(entries: frozenset[str]) -> bool:
    return bool(entries & CONTRARY)


def _swap_group(word: str) -> tuple[int, int] | None:
    """The group of ``SWAPS`` a folded word belongs to and its side there, or None."""
    for g, group in enumerate(SWAPS):
        for side, forms in enumerate(group):
            if any(word.startswith(form[:-1]) if form.endswith("*") else word == form for form in forms):
                return g, side
    return None


@lru_cache(maxsize=1 << 12)
def swapped(one: tuple[str, ...], other: tuple[str, ...]) -> bool:
    """Two runs of folded words that replace each other in a copy hold two sides of one group of ``SWAPS``
    that each lacks ("more" → "fewer"; «на юге» → «на севере»): the claim turned, not a word changed."""
    def sides(words: tuple[str, ...]) -> set[tuple[int, int]]:
        return {found for word in words if (found := _swap_group(word)) is not None}

    mine, theirs = sides(one), sides(other)
    return any(g == h and side != other_side for g, side in mine - theirs for h, other_side in theirs - mine)
