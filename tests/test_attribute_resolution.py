"""Speaker resolution: pronouns and descriptions resolve to the person or organisation they refer back to."""

from __future__ import annotations

import pytest

import quotetrace
from quotetrace.attribute.people import collect_entities
from quotetrace.nlp import load_pipeline


def speaker_of(text: str, words: str) -> str | None:
    """The resolved speaker of the quote whose text contains ``words``."""
    quotes = [q for q in quotetrace.extract(text) if words in q.text]
    assert quotes, quotetrace.extract(text)
    return quotes[0].speaker


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # the subject of the sentence before wins over an earlier speaker
        ("“The budget is a disgrace,” Mr. Tomas Brel said on Monday. Mr. Karel Vosk won the vote in the north. "
         "He said the result was “a gift to the whole region.”", "gift", "Karel Vosk"),
        # ... but not a subject inside what someone reports
        ("Tomas Brel spoke in Lidova on Monday. Brel says Karel Vosk was flown home on Sunday. "
         "He said the flight was “long overdue.”", "overdue", "Tomas Brel"),
    ],
)
def test_pronouns(text: str, words: str, speaker: str) -> None:
    assert speaker_of(text, words) == speaker


def test_hillary_is_a_female_given_name() -> None:
    """It was listed as male too, which left every Hillary without a gender."""
    nlp = load_pipeline("en")
    people = collect_entities(nlp("Hillary Rendt met voters in Lidova on Monday."))
    assert [(e.name, e.gender) for e in people if e.label == "PERSON"] == [("Hillary Rendt", "f")]


def test_two_people_of_one_surname_are_kept_apart() -> None:
    text = ("Mr. Tomas Brel arrived in Lidova with his wife, Anna Brel, on Monday. "
            "“We are home at last,” she said.")
    assert speaker_of(text, "home at last") == "Anna Brel"


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # an abbreviated title before the name: "Sen." is a senator
        ("Sen. Olga Rendt visited the port of Lidova on Friday. “The harbour needs money,” the senator said.",
         "harbour", "Olga Rendt"),
        # a synonym of the title: "Rep." ↔ "the congressman"
        ("Rep. Olga Rendt toured the plant with workers. “These jobs will stay,” the congresswoman said.",
         "jobs will stay", "Olga Rendt"),
        # a role noun never seen with a name: the person the text is about
        ("Karel Vosk owns three hotels in Lidova. “Taxes are too high,” the businessman said.",
         "Taxes", "Karel Vosk"),
    ],
)
def test_descriptions(text: str, words: str, speaker: str) -> None:
    assert speaker_of(text, words) == speaker


def test_spokesman_is_not_the_person_he_speaks_for() -> None:
    text = "Karel Vosk was in Lidova on Friday. “No decision has been taken,” the spokesman said."
    assert speaker_of(text, "No decision") == "the spokesman"


def test_campaign_named_by_its_owner() -> None:
    text = ("Olga Rendt's campaign raised money in Lidova. The Brel Foundation gave nothing. "
            "“We will spend it on radio,” the campaign said.")
    assert "campaign" in (speaker_of(text, "radio") or "")
    assert "Rendt" in (speaker_of(text, "radio") or "")


def test_a_possessive_noun_is_no_speaker_for_he() -> None:
    """"his pick" is no person: a later "he" goes past it to the man who made it."""
    text = ("Tomas Brel said his pick was a careful one. “With an eye to the north,” his pick was explained. "
            "“We will see,” he said.")
    assert speaker_of(text, "We will see") == "Tomas Brel"


def quote_with(text: str, words: str) -> quotetrace.Quote:
    quotes = [q for q in quotetrace.extract(text) if words in q.text]
    assert quotes, quotetrace.extract(text)
    return quotes[0]


@pytest.mark.parametrize(
    ("text", "words", "speaker", "descriptor"),
    [
        ("The former ambassador Petra Lind wrote that the embassy had been warned twice.", "embassy",
         "Petra Lind", "former ambassador"),
        # an apposition after a name NER does not know
        ("Lind, the former ambassador, wrote that the embassy had been warned twice.", "embassy", "Lind",
         "former ambassador"),
        ("Chief inspector Ana Moss said the bridge had been unsafe for years.", "bridge", "Ana Moss",
         "Chief inspector"),
        # NER takes the name for a product, or a place: the title and the apposition say it is a person
        ("Deputy harbour master Ines Palm told the council that the quay would reopen in May.", "quay",
         "Ines Palm", "Deputy harbour master"),
        ("Berglund, a retired judge, argued that the court had no power to intervene.", "court", "Berglund",
         "retired judge"),
        # the parser sets the name beside the place or body, though it names the role (before, the role went
        # to the speaker before: the chief engineer)
        ("“The pass is closed,” said Jonas Berg, the army's chief engineer. The mayor of Tornvik, Lena Falk, "
         "said the first buses would run on Sunday.", "buses", "Lena Falk", "mayor"),
        ("“The pass is closed,” said Jonas Berg, the army's chief engineer. The director of the Velmora Museum, "
         "Olga Brandt, said the doors would open on Monday.", "doors", "Olga Brandt", "director"),
        # a title before a name that opens a paragraph, in a line that reads like a forum's "X wrote:"
        ("Snow closed the pass overnight.\n\nGovernor Carl Nyberg wrote on Facebook: “Stay home tonight. The "
         "ploughs cannot reach the upper villages.”", "ploughs", "Carl Nyberg", "Governor"),
    ],
)
def test_title_or_apposition_gives_the_name_and_a_descriptor(text: str, words: str, speaker: str,
                                                             descriptor: str) -> None:
    q = quote_with(text, words)
    assert (q.speaker, q.descriptors) == (speaker, [descriptor])


def test_a_name_known_by_its_apposition_is_found_again_by_its_role() -> None:
    text = ("Lind, the former ambassador, wrote that the embassy had been warned twice. "
            "“Nobody read the cables,” the ambassador said.")
    assert speaker_of(text, "cables") == "Lind"


@pytest.mark.parametrize(
    ("text", "words", "mention"),
    [
        ("An open letter from the retired general Tomas Varga has divided the country, with some calling it an "
         "act of conscience.", "conscience", "some"),
        # ("This suggests that …" is no statement at all: extract/senses.py, the pointing-subject rule)
        ("It suggests that the economy of the northern provinces is slowing down.", "economy", "It"),
        # a document with no author in the text names no one
        ("The letter asks the council to send monitors to the crossings within thirty days.", "monitors",
         "The letter"),
        ("Prices for wheat rose 4 percent on the news, according to exchange data.", "Prices", "exchange data"),
    ],
)
def test_words_that_name_no_one_leave_the_speaker_empty(text: str, words: str, mention: str) -> None:
    q = quote_with(text, words)
    assert q.speaker is None
    assert q.speaker_mention is not None and q.speaker_mention.text == mention


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # "they" is the group the sentence before is about, not an adjective of it
        ("Socialist deputies walked out of the chamber. They demanded that the vote be postponed.", "vote",
         "Socialist deputies"),
        ("Farmers blocked the motorway for a second day. They say the new tariff will ruin them.", "tariff",
         "Farmers"),
        # "it" for a name is no person, whatever NER says
        ("Ostrand on Wednesday presented what it calls a “framework for stability” to diplomats in Velgrad.",
         "framework", "Ostrand"),
        # "who" is the person the parser hung it past
        ("A senior official involved in the talks, who asked not to be named, said the two sides were close.",
         "two sides", "A senior official"),
        ("A senior official involved in the talks, who insisted the talks would go on, said the two sides were "
         "close.", "would go on", "A senior official"),
        # "whose letter" is its owner's
        ("Retired general Tomas Varga, whose letter to the council urged monitors at the crossings, said on "
         "Wednesday that the plan ignored the bridges.", "monitors", "Tomas Varga"),
        # the content's own subject is not its speaker
        ("The reserves are not shrinking, the governor said.", "reserves", "the governor"),
        ("Grain stocks will last until March, the agriculture minister insisted on Friday.", "Grain",
         "the agriculture minister"),
        # a description resolves to the person the article opened with
        ("Retired Rear Admiral Jonas Berg commanded the northern fleet for a decade. But the retired admiral "
         "also warns that the navy is now too small.", "navy", "Jonas Berg"),
    ],
)
def test_pronouns_relatives_and_descriptions_resolve_to_who_they_stand_for(text: str, words: str,
                                                                          speaker: str) -> None:
    assert speaker_of(text, words) == speaker


def test_a_possessed_role_is_not_its_owner() -> None:
    """"his doctor" is someone of Brel's, not Brel."""
    text = "Tomas Brel toured the harbour on Friday. His doctor said the trip was a risk to his heart."
    assert speaker_of(text, "trip") != "Tomas Brel"


@pytest.mark.parametrize(
    ("text", "words", "mention"),
    [
        # a predicate adjective shares its clause's subject
        ("Harbour workers are far more likely to say that the new cranes are unsafe.", "cranes", "Harbour workers"),
        # a share of people parsed as a number
        ("About 4 in 10 say they want the ferry fares cut.", "fares", "About 4 in 10"),
        # a dateline parsed as a second subject
        ("VELGRAD (Kestrel Wire) - Olga Rendt said the harbour would reopen in May.", "harbour", "Olga Rendt"),
    ],
)
def test_subject_the_parser_hung_elsewhere_is_found(text: str, words: str, mention: str) -> None:
    q = quote_with(text, words)
    assert q.speaker_mention is not None and q.speaker_mention.text == mention


@pytest.mark.parametrize(
    ("words", "heads", "deps", "subject"),
    [
        # "Majorities of voters going to the polls said …": the participle taken for a clausal subject
        (["Majorities", "of", "voters", "going", "home", "said", "no"], [3, 0, 1, 5, 3, 5, 5],
         ["nsubj", "prep", "pobj", "csubj", "advmod", "ROOT", "dobj"], "Majorities of voters"),
        # "The judge is convinced …": the subject hung on the auxiliary
        (["The", "judge", "is", "convinced", "it", "fails"], [1, 2, 3, 3, 5, 3],
         ["det", "nsubj", "auxpass", "ROOT", "nsubj", "ccomp"], "The judge"),
    ],
)
def test_subject_hung_on_another_word_by_the_parser(words: list[str], heads: list[int], deps: list[str],
                                                     subject: str) -> None:
    from spacy.tokens import Doc

    from quotetrace.extract.cues import subject_of

    doc = Doc(load_pipeline("en").vocab, words=words, heads=heads, deps=deps)
    verb = next(t for t in doc if t.dep_ == "ROOT")
    found = subject_of(verb)
    assert found is not None and found.text == subject


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # a speech verb the parser hangs inside what someone said shares their subject
        ("The observatory's director, Samuel Ferreira, said the result showed what the telescope could do and "
         "urged the science council to restore its funding.", "restore", "Samuel Ferreira"),
        # a colon after a relative clause introduces the words of the main clause's subject
        ("Last month Harriet_R posted this, which was the most useful thing anyone has told me all year:\n\n"
         "“Check whether your landlord is on the council's register before you complain again.”", "register",
         "Harriet_R"),
        # a quotation closed by a full stop ends its sentence: the attribution after it is another's
        ("Strider_Sal replied: “Four gels for a marathon? You will be sick by the bridge. Practise first.” "
         "A user called MileEaterMick insisted that real food works just as well.", "Four gels", "Strider_Sal"),
        # "as quoted by" hung on the content still names the channel, not the speaker
        ("The chief of the general staff, General Henrik Dalby, said the army could absorb conscripts from 2027, "
         "as quoted by the news agency LNA.", "absorb", "Henrik Dalby"),
        # a title NER takes into the name is no part of it
        ("Dr Femi Lawal, a sleep specialist, said the findings fitted what clinicians saw every day.", "findings",
         "Femi Lawal"),
    ],
)
def test_speaker_of_harder_constructions(text: str, words: str, speaker: str) -> None:
    assert speaker_of(text, words) == speaker


def test_a_name_before_a_role_word_says_whose_role_it_is() -> None:
    """"the Harwick manager": the holder of Harwick's job named before, not Harwick, whatever the tagger
    made of the town."""
    text = ("A stoppage-time penalty settled the derby and left Harwick manager Petra Nyland fuming.\n\n"
            "“I cannot see a penalty,” Nyland said.\n\nThe Harwick manager said she would write to the league, "
            "claiming her players had waited for minutes.\n\nHarwick have lost four games in a row.")
    assert speaker_of(text, "write to the league") == "Petra Nyland"


def test_a_pronoun_inside_a_quotation_says_nothing_of_the_speakers_gender() -> None:
    """"“Tomas can say what he likes,” Vanterpool said": the "he" is the man she speaks of."""
    nlp = load_pipeline("en")
    text = ("Harwick manager Odile Vanterpool was unmoved. “Tomas can complain all he likes. It was a foul,” "
            "Vanterpool said.\n\nThe referee agreed.")
    people = {e.name: e.gender for e in collect_entities(nlp(text)) if e.label == "PERSON"}
    assert people.get("Odile Vanterpool") is None


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # a title before a name gives the name, whatever NER took the place before the title for
        ("Wrenfield mayor Ina Voll later said the ferry would sail at dawn.", "ferry would sail", "Ina Voll"),
        # an office held in a named place introduces its holder, not the person the text is about
        ("The novelist Ada Brun did not attend the opening. The mayor of Hessa said the clinic would get fuel "
         "first.", "clinic would get fuel", "The mayor of Hessa"),
        # a document from someone, read out by another: its author ("from her"), past a participle the parser
        # took for a clause
        ("The novelist Ada Brun did not attend the premiere. A letter from her, read aloud by the director "
         "before the show, said she had no quarrel with the new ending.", "no quarrel", "Ada Brun"),
    ],
)
def test_titles_offices_and_documents(text: str, words: str, speaker: str) -> None:
    assert speaker_of(text, words) == speaker


def test_a_long_source_loses_its_apposition_before_its_own_words() -> None:
    quotes = quotetrace.extract("Members of the Fenwick Walking Club, a group with some two hundred members, "
                                "condemned the closure of the footpath in a letter on Friday.")
    assert [q.speaker_mention.text for q in quotes if q.speaker_mention] == ["Members of the Fenwick Walking Club"]


def test_a_hyphen_inside_a_word_is_no_dateline_dash() -> None:
    quotes = quotetrace.extract("The co-operative condemned the closure of the creamery on Friday.")
    assert [q.speaker_mention.text for q in quotes if q.speaker_mention] == ["The co-operative"]
    quotes = quotetrace.extract("OSTBY - The mayor said the bridge would reopen on Monday.")
    assert [q.speaker_mention.text for q in quotes if q.speaker_mention] == ["The mayor"]


def test_a_participle_the_parser_took_for_the_root_keeps_its_subject_as_the_source() -> None:
    quotes = quotetrace.extract("Engineers surveying the old viaduct say they have found cracks in three of its piers.")
    assert [(q.text, q.speaker_mention.text if q.speaker_mention else None) for q in quotes] == [
        ("they have found cracks in three of its piers", "Engineers")]


def test_a_speaker_of_unknown_gender_does_not_outrank_a_woman_named_after_them() -> None:
    text = ("A reality-show host turned candidate told the crowd that the doctor was a good friend. The doctor has "
            "made many claims on air about pills.\n\nDemocratic Sen. Dana Whitlow (D-Ore.) scolded him: “Nobody in "
            "medicine backs the four pills you called ‘cures,’” she said. “When you sell a cure, people believe you.”")
    quotes = [q for q in quotetrace.extract(text) if "cure" in q.text]
    assert quotes and {q.speaker for q in quotes} == {"Dana Whitlow"}


def test_a_headlines_role_is_the_person_the_story_names_with_it() -> None:
    text = ("Live: Kellby Road gas leak – council leader says homes are “safe to enter” but urges patience\n\n"
            "16:45\nCouncil leader Ruth Anand said engineers would stay on the road overnight.")
    quotes = quotetrace.extract(text)
    headline = [q for q in quotes if q.start < text.index("\n")]
    assert len(headline) == 2 and all(q.speaker == "Ruth Anand" for q in headline)
