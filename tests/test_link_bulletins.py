"""A speaker's daily bulletin: the same sentence with the next day's figures is a statement of its own, not an
altered echo of the day before's."""

from __future__ import annotations

from datetime import date

from quotetrace.link.bulletins import anchored, figures_only, next_bulletin, restated, series
from quotetrace.link.statements import link_statements
from quotetrace.store import Sighting

EVACUATED = "“Over the past 24 hours, {} people were evacuated from the flooded villages near Velm.”"
RUBBLE = "“Rescuers have pulled {} people from the rubble of the collapsed school in Karsk.”"


def _relations(texts: list[tuple[str, str]]) -> list[str]:
    """The relation of each sighting (one outlet each, one speaker), in order."""
    sightings = [Sighting(k, f"d{k}", f"d{k}", text, "Ana Petrova", "Ana Petrova", (), f"outlet{k}", None, when,
                          None) for k, (text, when) in enumerate(texts, start=1)]
    links = link_statements(sightings, {s.quote_id: "sp-ana" for s in sightings})
    by_quote = {quote_id: relation for _, quote_id, relation in links.members}
    return [by_quote[s.quote_id] for s in sightings]


def test_anchored_words_in_both_languages() -> None:
    assert anchored("Overnight, 40 homes lost power")
    assert anchored("«За минувшие сутки эвакуированы 312 человек»")
    assert anchored("As of this morning, 12 roads are closed")
    assert not anchored("We will deliver 40 tonnes of grain this week")


def test_figures_only_leaves_a_changed_negation_or_name_out() -> None:
    assert figures_only(EVACUATED.format(312), EVACUATED.format(415))
    assert not figures_only(EVACUATED.format(312), EVACUATED.format(312))
    assert not figures_only("“Over the past 24 hours, 312 people were evacuated near Velm.”",
                            "“Over the past 24 hours, 415 people were evacuated near Sorna.”")
    assert not figures_only("“Today 30 shelters are open.”", "“Today 40 shelters are not open.”")


def test_next_bulletin_needs_another_day() -> None:
    said, next_day = date(2026, 3, 2), date(2026, 3, 3)
    assert next_bulletin(EVACUATED.format(312), EVACUATED.format(415), said, next_day)
    assert not next_bulletin(EVACUATED.format(312), EVACUATED.format(415), said, said)
    # no anchor and no date: a changed figure the next day is an altered echo
    assert not next_bulletin(RUBBLE.format(14), RUBBLE.format(19), said, next_day)
    # a date moved on by the days between them
    assert next_bulletin("“As of 2 March, 1,200 homes were without power.”",
                         "“As of 3 March, 950 homes were without power.”", said, next_day)


def test_series_takes_three_days_each_with_its_own_figures() -> None:
    days = [date(2026, 3, d) for d in (2, 3, 4)]
    assert series(list(zip(days, (RUBBLE.format(n) for n in (14, 19, 23)), strict=True)), 3)
    assert not series(list(zip(days[:2], (RUBBLE.format(n) for n in (14, 19)), strict=True)), 3)
    far = [date(2026, 3, 2), date(2026, 3, 9), date(2026, 3, 16)]
    assert not series(list(zip(far, (RUBBLE.format(n) for n in (14, 19, 23)), strict=True)), 3)


def test_link_keeps_daily_bulletins_apart_and_still_finds_an_altered_copy() -> None:
    assert _relations([(EVACUATED.format(312), "2026-03-02T09:00:00Z"),
                       (EVACUATED.format(415), "2026-03-03T09:00:00Z")]) == ["original", "original"]
    assert _relations([(RUBBLE.format(n), f"2026-03-0{d}T09:00:00Z")
                       for n, d in ((14, 2), (19, 3), (23, 4))]) == ["original"] * 3
    grain = "“We will deliver {} tonnes of grain to the villages near Velm this week.”"
    assert _relations([(grain.format(40), "2026-03-02T09:00:00Z"), (grain.format(40), "2026-03-03T09:00:00Z"),
                       (grain.format(14), "2026-03-03T10:00:00Z")]) == ["original", "verbatim", "altered"]
    # a bulletin's figure changed the same day is a misquote
    assert _relations([(EVACUATED.format(312), "2026-03-02T09:00:00Z"),
                       (EVACUATED.format(321), "2026-03-02T15:00:00Z")]) == ["original", "altered"]


SEARCH = "“Of the {} passengers, {} have been brought ashore and divers are looking for {} more.”"


def test_restated_takes_two_figures_or_more_and_nothing_else() -> None:
    assert restated(SEARCH.format(40, 31, 9), SEARCH.format(40, 35, 5))
    assert not restated(SEARCH.format(40, 31, 9), SEARCH.format(40, 35, 9))  # one figure: a misquote
    assert not restated("“Of the 40 passengers, 31 are safe and 9 are not found”",
                        "“Of the 40 passengers, 35 are safe and 5 are found”")  # a negation changed too
    assert not restated("«Из 40 пассажиров 31 спасён»", "“Of the 40 passengers, 35 are safe and 5 missing”")


def test_link_reads_a_speakers_update_of_two_figures_a_day_later_as_a_new_statement() -> None:
    assert _relations([(SEARCH.format(40, 31, 9), "2026-05-02T09:00:00Z"),
                       (SEARCH.format(40, 35, 5), "2026-05-03T09:00:00Z")]) == ["original", "original"]
    assert _relations([(SEARCH.format(40, 31, 9), "2026-05-02T09:00:00Z"),
                       (SEARCH.format(40, 35, 9), "2026-05-03T09:00:00Z")]) == ["original", "altered"]
    # the same day, two figures changed are still a misquote
    assert _relations([(SEARCH.format(40, 31, 9), "2026-05-02T09:00:00Z"),
                       (SEARCH.format(40, 35, 5), "2026-05-02T15:00:00Z")]) == ["original", "altered"]


def test_a_weekday_moved_on_by_the_days_between_is_a_bulletin() -> None:
    forecast = "«В ночь на {} в Ставрограде ожидается ледяной дождь, порывы ветра до {} метров в секунду»"
    wednesday, thursday = date(2027, 11, 3), date(2027, 11, 4)
    assert next_bulletin(forecast.format("четверг", 25), forecast.format("пятницу", 18), wednesday, thursday)
    # the same night, or a day that is not the next one: a changed copy
    assert not next_bulletin(forecast.format("четверг", 25), forecast.format("четверг", 18), wednesday, thursday)
    assert not next_bulletin(forecast.format("четверг", 25), forecast.format("субботу", 18), wednesday, thursday)


def test_restated_counts_figures_that_the_alignment_joins_into_one_change() -> None:
    detained = "«На площади задержаны {} человек. {} из них уже отпущены, остальным грозят штрафы»"
    assert restated(detained.format(46, "Двенадцать"), detained.format(53, "Двадцать"))
    # a fragment leaving out a sentence with a figure has no figure anew for it
    assert not restated(detained.format(46, "Двенадцать"), "«На площади задержаны 53 человека»")


def test_restated_counts_a_date_changed_as_one_figure() -> None:
    suspended = "“Registrations are suspended until at least {}”"
    assert not restated(suspended.format("25 November"), suspended.format("5 December"))


def test_a_weekday_changed_alone_is_no_bulletin() -> None:
    quarantine = "«Порог по гриппу превышен на 40%. С {} все школы города уходят на карантин»"
    wednesday, thursday = date(2033, 11, 1), date(2033, 11, 2)
    assert not next_bulletin(quarantine.format("среды"), quarantine.format("четверга"), wednesday, thursday)
