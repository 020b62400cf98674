"""Cue senses: each pattern of use that is not a statement, beside a true use of the same verb or frame, and
the act type each construction reports. The sentences are written for these tests."""

from __future__ import annotations

import pytest

import quotetrace
from quotetrace.model import Quote


def statements(text: str) -> list[Quote]:
    return quotetrace.extract(text)


def only(text: str) -> Quote:
    found = statements(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    "text",
    [
        # naming: a participle or a passive names, an active "call" with a name for complement names too
        "Doctors at the clinic treat a rare disorder called Harlow syndrome.",
        "The bridge, known locally as the Iron Mile, reopened on Friday.",
        "Fishermen call the sandbank the Grey Tongue.",
        # regarding, in the passive, is the writer's description
        "The route is considered the most scenic in the province.",
        # perception, and perception under a wish
        "The ranger saw a bear near the campsite.",
        "Shop owners want to see the market square repaved before winter.",
        # wanting and trying
        "Firefighters sought to contain the blaze overnight.",
        "The frames were designed to withstand strong currents.",
        "The landlord wants the tenants to pay for the repairs.",
        # how a thing seems to the writer
        "The footage appears genuine, but nobody has verified it.",
        "The new timetable sounded sensible to most commuters.",
        # the writer's asides
        "The timing of the vote is, to put it mildly, awkward for the government.",
        "The plan, to say the least, is ambitious.",
        "Needless to say, the ferry was late again.",
        "The new quay is, to say the least, unfinished.",
        "As anyone who drives here knows, the ring road floods every March.",
        # the writer turning to the reader, a saying by no one, a greeting
        "Believe me, the night buses were never full.",
        "Mark my words, the old pier will outlast the new one.",
        "As they say, every cloud has a silver lining.",
        "We said goodbye to the corner shop in March.",
        # an object that is no content, and publishing an object
        "The club hired a new coach in March.",
        "The council published a report on its website.",
        "The shop offered a discount to pensioners.",
        "Volunteers posted a video on a forum.",
        "The mayor declared a day of mourning.",
        "The council thanked the volunteers.",
        # a verb that only its particle makes one of speech, without it
        "The volunteers laid flowers at the memorial.",
        "She pointed a finger at the harbour master.",
        # a topic or a target, not content
        "The ministry did not respond to a request for comment.",
        "The course focused on first aid for children.",
        # an infinitive after a verb that is no speech act
        "The trust continues to fund the clinic.",
        # an empty object
        "He told them about it.",
        # nouns that report nothing said
        "The leaflet gives information about side effects.",
        "The attack on the convoy killed three soldiers.",
        # a pronoun pointing at a fact, with a verb of inference
        "This suggests that the reserves are shrinking.",
    ],
)
def test_extract_senses_not_a_statement(text: str) -> None:
    assert statements(text) == []


@pytest.mark.parametrize(
    ("text", "content", "act"),
    [
        # the same verbs and frames in a communicative or cognitive use
        ("The mayor called the proposal “a gift to developers”.", "the proposal “a gift to developers”", "speech"),
        ("Parents called for an inquiry into the closure.", "for an inquiry into the closure", "stance"),
        ("The governor sees the levy as a tax on the poor.", "the levy as a tax on the poor", "belief"),
        # "as" after the object is what it is said to be, even when it names a place
        ("The mayor described the harbour as the Singapore of the north.",
         "the harbour as the Singapore of the north", "speech"),
        ("The minister vowed to reopen the library before the election.",
         "to reopen the library before the election", "speech"),
        ("The minister appeared to suggest that the tax would rise.", "that the tax would rise", "speech"),
        # a neutral verb of speech with a noun phrase reports speech; an attitude toward it, a stance
        ("The ministry issued a warning about counterfeit medicines.", "a warning about counterfeit medicines",
         "speech"),
        ("The ferry operator announced the closure of the northern route.", "the closure of the northern route",
         "speech"),
        ("He told them the ferry would not sail.", "the ferry would not sail", "speech"),
        # what a named group said, "as they said", is theirs: only the present "as they say" is a saying
        ("The wardens met the council on Monday. As they said, the dunes are eroding fast.",
         "the dunes are eroding fast", "speech"),
        # a verb its particle makes one of speech, and "say", take what was said as their object
        ("The harbour master pointed out the flaws in the new timetable.", "the flaws in the new timetable",
         "speech"),
        ("The councillor later walked back her comments about the ferry.", "her comments about the ferry",
         "speech"),
        ("I will keep saying it until the council listens.", "it", "speech"),
        # a speech verb's addressee with what was said about it; an answer to something said
        ("The harbour master warned skippers about the storm.", "skippers about the storm", "speech"),
        ("The mayor has not yet responded to the union's remarks.", "to the union's remarks", "speech"),
        # two content clauses of one verb
        ("The director says the ward will stay open, and that no nurse will lose her job.",
         "the ward will stay open, and that no nurse will lose her job", "speech"),
        ("The union said the ward would close.", "the ward would close", "speech"),
        # the writer's comment after a quotation is no part of it
        ("The clerk said it was “pending, funds permitting,” which, as everybody knows, means never.",
         "it was “pending, funds permitting,”", "speech"),
        ("Dock workers are far more likely to say that the new cranes are unsafe.",
         "that the new cranes are unsafe", "speech"),
        ("The harbour will reopen in May, according to the port authority.", "The harbour will reopen in May",
         "speech"),
        # beliefs: verbs, infinitives, adjectives and nouns of holding
        ("The mayor believes the quay will reopen in May.", "the quay will reopen in May", "belief"),
        ("Economists expect the bank to hold interest rates.", "the bank to hold interest rates", "belief"),
        ("The coach is convinced that the team can win the title.", "that the team can win the title", "belief"),
        ("The nurses' union is worried that the ward will close.", "that the ward will close", "belief"),
        ("Residents voiced the fear that prices will rise.", "the fear that prices will rise", "belief"),
        ("There is a growing sense that the ferry will never return.", "that the ferry will never return", "belief"),
        # stances: an attitude toward a thing
        ("The union criticised the new tariff.", "the new tariff", "stance"),
        ("Residents praised the volunteers who cleared the snow.", "the volunteers who cleared the snow", "stance"),
        ("Her call for an inquiry was rejected by the council.", "Her call for an inquiry", "stance"),
        # a speech noun that carries its own clause makes the object something said
        ("The ferry company repeated its claim that the ship was safe.", "its claim that the ship was safe",
         "speech"),
    ],
)
def test_extract_senses_statement_and_its_act(text: str, content: str, act: str) -> None:
    q = only(text)
    assert (q.text, q.type) == (content, act)


def test_extract_senses_direct_quotation_is_speech() -> None:
    q = only("“We will not close the ward,” the director said.")
    assert (q.kind, q.type) == ("direct", "speech")


def test_extract_senses_speech_verb_without_content_still_attributes_its_quotation() -> None:
    q = only("“The ward stays open,” she told reporters.")
    assert q.kind == "direct" and q.speaker_mention is not None and q.speaker_mention.text == "she"


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Analysis: The quiet end of the harbour strike\n\nThe strike ended on Monday.", False),
        ("Mayor Ines Palm: the quay will reopen in May\n\nThe strike ended on Monday.", True),
    ],
)
def test_extract_senses_headline_needs_a_source_before_its_colon(text: str, kept: bool) -> None:
    assert bool(statements(text)) == kept


def test_extract_senses_rules_can_be_switched_off_for_measurement() -> None:
    text = "Firefighters sought to contain the blaze overnight."
    settings = quotetrace.Settings(without_senses=frozenset({"volition", "infinitive"}))
    assert statements(text) == []
    assert [q.cue for q in quotetrace.extract(text, settings=settings)] == ["sought"]


def test_extract_senses_broad_cues_read_news_as_polnear_does() -> None:
    """``cues="broad"``: intentions and seeming are attributions, as PolNeAR's annotators mark them; a naming, a
    perception and a subject that is no source stay out whatever the reading."""
    text = ("Firefighters sought to contain the blaze overnight. The mayor appeared confident about the budget. "
            "A disease called measles has returned. Residents want to see the road rebuilt.")
    broad = quotetrace.Settings(cues="broad")
    assert statements(text) == []
    assert [(q.cue, q.speaker) for q in quotetrace.extract(text, settings=broad)] == [
        ("sought", "Firefighters"), ("appeared", "The mayor")]


def test_extract_senses_say_takes_a_noun_phrase_for_what_was_said() -> None:
    found = statements("Most residents backed the plan, and a third said the same of the bypass.")
    assert [(q.cue, q.text, q.type) for q in found if q.cue == "said"] == [
        ("said", "the same of the bypass", "speech")]


@pytest.mark.parametrize(
    "text",
    [
        # a picture shows a scene, and showing someone how or where to do a thing teaches it
        "A clip the ferry company shared shows cars queueing along the harbour wall.",
        "Old postcards in the museum show the pier crowded with bathers.",
        "The leaflet shows tenants how to claim back their deposit.",
        # "what X calls Y" without quotation marks is X's name for a thing; declaring a thing a name is no claim
        "The pamphlet maps what it calls the quiet crisis of rural bus routes.",
        "The parish council had declared the morning a “Day of Bells”, and the choir sang on the green.",
        # a cue inside a question is asked about, not asserted
        "The landlord did not answer a request for comment on when residents could expect to return.",
        # hoping to do a thing oneself is an aim
        "The rowing club hopes to launch its new boat before the regatta.",
        # the noun that announces a quotation after a colon is not what was said
        "The keeper wrote a brief note: “Gone fishing, back at noon.”",
        # where a statement was published is no topic
        "In a post on the club's website, the committee thanked its volunteers.",
        # a document read aloud with nothing said of it, and a product withdrawn
        "The film ends with a scene in which the mayor reads out a rates notice.",
        "Brightwell Foods is recalling about 40,000 jars of pesto.",
        # a clause that is the result of "so" and an adjective is no content
        "The show opens with a drum roll that lasts so long the children start to giggle.",
    ],
)
def test_extract_senses_shows_names_questions_aims_and_results_are_no_statement(text: str) -> None:
    found = statements(text)
    assert all(q.kind == "direct" for q in found), found


def test_extract_senses_a_colon_quotation_after_a_speech_noun_keeps_its_speaker() -> None:
    q = only("The keeper wrote a brief note: “Gone fishing, back at noon.”")
    assert q.kind == "direct" and q.speaker_mention is not None and q.speaker_mention.text == "The keeper"


@pytest.mark.parametrize(
    ("text", "content", "act"),
    [
        # a finding, and a scene of a person that footage is cited for, stay statements
        ("The survey shows that most tenants want the lift repaired.", "that most tenants want the lift repaired",
         "speech"),
        ("The survey shows most tenants want the lift repaired.", "most tenants want the lift repaired", "speech"),
        ("What she called “a rushed job” cost the town two million.", "“a rushed job”", "speech"),
        ("The harbour master hopes that the ferry will be back by June.", "that the ferry will be back by June",
         "belief"),
        # belief adjectives with a clause and no "that", whatever the parser makes of the adjective
        ("The coach is confident the squad will avoid relegation.", "the squad will avoid relegation", "belief"),
        ("Okafor is convinced volunteers could run the library.", "volunteers could run the library", "belief"),
        # calling on someone to act is a demand
        ("A letter signed by forty doctors calls on the board to reopen the ward.",
         "on the board to reopen the ward", "speech"),
        # the qualities praised are part of the stance
        ("Critics have praised the score, which is lush, witty and never sentimental.",
         "the score, which is lush, witty and never sentimental", "stance"),
        ("She recalled her first winter on the island.", "her first winter on the island", "speech"),
        ("The minister recalled the two-year freeze on council rents.", "the two-year freeze on council rents",
         "speech"),
        ("The mayor repeated his position on the bypass.", "his position on the bypass", "speech"),
        ("The critic declared the novel a “quiet triumph”.", "the novel a “quiet triumph”", "speech"),
        # "how" after "about" is as often "that"; an answer the parser hangs on "asked" is still an answer
        ("The growers talked about how they believed the frost had ruined the crop.",
         "about how they believed the frost had ruined the crop", "speech"),
    ],
)
def test_extract_senses_b8_statements_kept_or_found(text: str, content: str, act: str) -> None:
    q = only(text)
    assert (q.text, q.type) == (content, act)


@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        ("Fishermen condemn closure of Garth harbour as council cites repair costs\n\nThe harbour will shut.",
         "Fishermen", "closure of Garth harbour"),
        ("Delays grow as regulator criticises “box-ticking” inspections\n\nThe delays are longer than ever.",
         "regulator", "“box-ticking” inspections"),
    ],
)
def test_extract_senses_headline_verb_the_tagger_took_for_a_noun(text: str, source: str, content: str) -> None:
    found = [q for q in statements(text) if q.start < text.index("\n")]
    # the quoted word of a mixed headline may come back as a direct quotation of the same speaker
    assert any(q.speaker_mention is not None and q.speaker_mention.text == source
               and (content in q.text or q.text in content) for q in found), found


def test_extract_senses_a_place_before_a_plural_noun_is_no_headline_speaker() -> None:
    text = "Harbour floods test council's patience\n\nThe harbour flooded again on Monday."
    assert [q for q in statements(text) if q.start < text.index("\n")] == []
