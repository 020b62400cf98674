"""Finding statements: direct quotes in every common form, reported speech, and what is not a statement."""

from __future__ import annotations

import pytest

import quotetrace
from quotetrace.model import Quote


def only(quotes: list[Quote], kind: str | None = None) -> Quote:
    chosen = [q for q in quotes if kind is None or q.kind == kind]
    assert len(chosen) == 1, chosen
    return chosen[0]


def mention(q: Quote) -> str | None:
    return q.speaker_mention.text if q.speaker_mention else None


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        ("“We will not retreat from the river,” the general said.", "“We will not retreat from the river,”",
         "the general"),
        ('"We will not retreat from the river," said General Ivan Petrov.', '"We will not retreat from the river,"',
         "General Ivan Petrov"),
        ("She writes: “The army has been left without a plan for the winter.”",
         "“The army has been left without a plan for the winter.”", "She"),
        ("The official answered: “Nobody has asked us about the ceasefire.”",
         "“Nobody has asked us about the ceasefire.”", "The official"),
        ("“Who will pay for the reconstruction of the city?” the mayor asked.",
         "“Who will pay for the reconstruction of the city?”", "the mayor"),
        ("«We will stand with our neighbours to the end», the minister said.",
         "«We will stand with our neighbours to the end»", "the minister"),
    ],
)
def test_extract_direct_quote_and_speaker(text: str, quote: str, speaker: str) -> None:
    q = only(quotetrace.extract(text), "direct")
    assert q.text == quote
    assert mention(q) == speaker


def test_extract_split_quote_is_one_statement() -> None:
    text = "“The talks have failed,” she said. “We need a new plan before the winter.”"
    q = only(quotetrace.extract(text))
    assert q.kind == "direct" and q.start == 0 and q.end == len(text)
    assert mention(q) == "she"
    assert [f.text for f in q.fragments] == ["“The talks have failed,”", "“We need a new plan before the winter.”"]


def test_extract_multi_paragraph_quote_is_attributed_to_the_speaker_introduced_before() -> None:
    text = (
        "The retired general Ivan Petrov wrote:\n\n"
        "“We have lost too many men in this war.\n\n"
        "“It is time for the politicians to listen to those who fought.”\n\n"
        "The ministry did not reply."
    )
    q = only(quotetrace.extract(text), "direct")
    assert q.text.startswith("“We have lost") and q.text.endswith("who fought.”")
    assert q.speaker == "Ivan Petrov"


@pytest.mark.parametrize(
    "text",
    [
        "The government presented a so-called “peace plan” on Monday.",
        "Officials moved troops to “protect” the region.",
        "The diplomat sent a letter addressed to “the Members of the Security Council.”",
    ],
)
def test_extract_scare_quotes_and_titles_are_not_statements(text: str) -> None:
    assert [q for q in quotetrace.extract(text) if q.kind == "direct"] == []


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("She warns that the ceasefire will not hold through the winter.",
         "that the ceasefire will not hold through the winter", "She"),
        ("The ceasefire will not hold through the winter, she argues.",
         "The ceasefire will not hold through the winter", "she"),
        ("According to officials, the convoy left the city on Monday night.",
         "the convoy left the city on Monday night", "officials"),
        ("The ministry said it was sending more troops to the border.",
         "it was sending more troops to the border", "The ministry"),
    ],
)
def test_extract_reported_speech(text: str, content: str, speaker: str) -> None:
    q = only(quotetrace.extract(text), "indirect")
    assert q.text == content
    assert mention(q) == speaker


def test_extract_mixed_quote() -> None:
    text = "Smith said the agreement was “a betrayal of everyone who fought for this land”."
    q = only(quotetrace.extract(text), "mixed")
    assert q.text == "the agreement was “a betrayal of everyone who fought for this land”"
    assert mention(q) == "Smith"


def test_extract_offsets_slice_the_text() -> None:
    text = "Intro.\n\n“We will not retreat,” Smith said. He warns that nobody listens to the army anymore."
    for q in quotetrace.extract(text):
        assert text[q.start : q.end] == q.text
        if q.speaker_mention:
            sm = q.speaker_mention
            assert text[sm.start : sm.end] == sm.text


def test_extract_document_cleans_and_keeps_metadata() -> None:
    doc = quotetrace.extract_document(
        "Loading Tweet ...\n\n“We will not retreat from the river,” the general said.",
        id="a1", url="https://www.example.org/news/1", outlet=None,
    )
    assert "Loading Tweet" not in doc.text
    assert doc.outlet == "example.org"
    (q,) = doc.quotes
    assert doc.text[q.start : q.end] == q.text


def test_extract_document_rejects_empty_input() -> None:
    with pytest.raises(ValueError, match="E001"):
        quotetrace.extract_document("   \n\n  ")


def test_extract_blank_speaker_mention_never_breaks_resolution() -> None:
    from quotetrace.attribute.people import Entity

    assert Entity("   ", "PERSON").surname == ""


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # the quotation's own words take over the parse: the source is the subject outside it
        ("Mayor Lena Holt visited the shelter on Friday, telling the crowd, “Some people will sleep here "
         "for a month, and we will feed them.”",
         "“Some people will sleep here for a month, and we will feed them.”", "Lena Holt"),
        # a participle after a comma shares the subject of the verb before it
        ("Band member Flea shared the news on social media last week, writing “Feels great to support "
         "someone I believe in.”", "“Feels great to support someone I believe in.”", "Flea"),
        # a headline's byline after its dash, before the colon
        ("IOWA POLLS NOT NECESSARILY WRONG, JUST TOO EARLY - Mark Blumenthal and Jon Cohen: “Although the "
         "polls failed to predict the win, it isn’t because they were wrong.”",
         "“Although the polls failed to predict the win, it isn’t because they were wrong.”", "Blumenthal"),
        # a quotation mark glued to the words around it
        ("Ryan said,“Look, these images have no place in a presidential campaign.”",
         "“Look, these images have no place in a presidential campaign.”", "Ryan"),
        ("“I think it has been most surprising to me,”Clinton said.", "“I think it has been most surprising to me,”",
         "Clinton"),
        ("“Jeb wants to be a tough guy tonight,” Trump shot back.", "“Jeb wants to be a tough guy tonight,”",
         "Trump"),
        # a byline wins over a cue earlier in its line
        ("Pollsters agree - Carl Bialik: “One of the biggest lessons was a simple one: keep on calling.”",
         "“One of the biggest lessons was a simple one: keep on calling.”", "Bialik"),
        # the parse hangs the speech verb on an adverb: the verb above it has the subject
        ("The Slate columnist David Auerbach went so far as to say: ''Twitter as we know it is over.''",
         "''Twitter as we know it is over.''", "David Auerbach"),
        # a short sentence before the colon is not a headline
        ("Trump went even further: “If he goes forward and loses, it’s the end of his career.”",
         "“If he goes forward and loses, it’s the end of his career.”", "Trump"),
        # the quotation's last words became a subject of the verb; the speaker after it is another
        ("“The harbour is closed to grain ships. Closed for good,” said Mira Valk, a port official in Lidova.",
         "“The harbour is closed to grain ships. Closed for good,”", "Mira Valk"),
        # a long apposition between the quotation and its verb; initials end no sentence
        ("“The plan is fiscally sound,” Peter J. Arland, director of the Velgrad Budget Institute and a "
         "lecturer at the Ostrand School of Economics, said of the treasury's proposal.",
         "“The plan is fiscally sound,”", "Peter J. Arland"),
        # the nearer cue in an apposition ('suing') is not the speaker's verb
        ("“This is an invasion of the regional domain,” Tomas Brel, the attorney general of Lidova, one of "
         "the regions suing the ministry, said at a hearing.",
         "“This is an invasion of the regional domain,”", "Tomas Brel"),
        # a dash and a name closing the line sign the quotation, as in a round-up of readers' voices
        ("Readers wrote in after the debate.\n“He has no plan for the farms in the south.” ― Ana Ruiz\n"
         "“We deserve better than this, all of us.”― Julie A. Diaz Marten.",
         "“We deserve better than this, all of us.”", "Julie A. Diaz Marten"),
        # ... with the occasion after a comma, as a fact check states the claim it checks
        ("Verdict on the harbour pledge.\n\nWHAT WAS SAID: “Every berth in the new harbour is already leased.” — "
         "Port Commissioner Ilse Varnholm, speaking to the council on 4 March.\n",
         "“Every berth in the new harbour is already leased.”", "Ilse Varnholm"),
        # a hyphen the parser takes for a second subject is no speaker
        ("Under cross-examination, defence solicitor Ada Brennick asked whether the driver had slept that night.",
         "whether the driver had slept that night", "Ada Brennick"),
    ],
)
def test_extract_source_outside_the_quotation(text: str, quote: str, speaker: str) -> None:
    q = next(q for q in quotetrace.extract(text) if q.text == quote)
    assert q.text == quote
    assert q.speaker is not None and speaker in q.speaker


def test_extract_whole_utterance_ends_the_clause() -> None:
    """'said, “We’ll see,” when asked …': the parser hangs the rest of the sentence on "said", but only the
    quotation was said."""
    text = "Sanders had previously said, “We’ll see,” when asked whether he would raise money for others."
    quotes = quotetrace.extract(text)
    q = only(quotes, "direct")
    assert (q.text, q.speaker) == ("“We’ll see,”", "Sanders")
    assert all(q.speaker != "the author" for q in quotes)  # "We" inside the quotation asked nothing


def test_extract_title_cue_stays_in_its_sentence() -> None:
    """'campaign' before a quotation marks a title ('a campaign “Stop TTIP”'), but not across a full stop."""
    text = ("John Archer said he is proud of the way the challenger is funding his campaign. "
            "“He’s doing it the Bernie Sanders way,” he said.")
    q = only(quotetrace.extract(text), "direct")
    assert (q.text, q.speaker) == ("“He’s doing it the Bernie Sanders way,”", "John Archer")


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Three-quarters of the voters said they were very worried about the economy, and more than 4 in 10 "
         "said Trump would be best.", "they were very worried about the economy"),
        ("About half of voters say they prefer a candidate who is an outsider, while about 4 in 10 want one "
         "with political experience.", "they prefer a candidate who is an outsider"),
        ("Still, 52 percent of registered voters say they would consider voting for each Democrat, putting "
         "them ahead of every Republican.", "they would consider voting for each Democrat"),
        # where and when it was said, and what the writer adds about the object, are not what was said
        ("The minister praised the harbour pilots at a press conference in Lidova on Monday.", "the harbour pilots"),
        ("The governor criticized Mayor Olga Rendt, who had resigned in March.", "Mayor Olga Rendt"),
        ("Last year the company gave $3 million to a group backing Tomas Brel, the former harbour master.",
         "Tomas Brel"),
        # an object's infinitive that the parser hangs on the verb
        ("Senator Tomas Brel defended his call to raise the harbour fees to $15 a tonne, saying ships could pay.",
         "his call to raise the harbour fees to $15 a tonne"),
        # "calling for his rivals to drop out", which the parser reads as a clause marked by "for"
        ("Senator Tomas Brel is calling for some of his rivals to drop out.", "for some of his rivals to drop out"),
        # a pro-form stands for what was said
        ("Asked whether the truce would hold, 72 percent of the voters said yes.", "yes"),
    ],
)
def test_extract_reported_content_stops_where_the_statement_does(text: str, content: str) -> None:
    """What the parser hangs on a content clause but was not said: another attribution, a participle after
    a comma, a contrast."""
    assert content in [q.text for q in quotetrace.extract(text)]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # "said A, but that B": the second content clause, which the parser hangs on the verb
        ("The Ohio governor said the state needs to dredge the harbour and build a new pier, but that he would not "
         "support higher fees.",
         "the state needs to dredge the harbour and build a new pier, but that he would not support higher fees"),
        # a second clause with its own subject after the comma is still what was said
        ("The union said the ballot was rushed, and support for the strike would have been higher otherwise.",
         "the ballot was rushed, and support for the strike would have been higher otherwise"),
    ],
)
def test_extract_reported_content_runs_over_its_second_clause(text: str, content: str) -> None:
    assert content in [q.text for q in quotetrace.extract(text)]


@pytest.mark.parametrize(
    "text",
    [
        "The ferry company denied the charges after the inquiry into the collision.",
        "The ferry company denied the charges despite the findings of the inquiry.",
    ],
)
def test_extract_when_it_was_said_is_not_the_object(text: str) -> None:
    """A time or concession phrase after the object places the saying; it is not part of the stance."""
    assert "the charges" in [q.text for q in quotetrace.extract(text)]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # a clause after "said" is its content, not a parenthetical attribution of its own
        ("Former mayor Olga Rendt, who on Tuesday endorsed Brel, said Wednesday he agrees with the court's remarks.",
         "he agrees with the court's remarks"),
        # the clause before a colon is not the content of the verb after it
        ("Brel has attacked the harbour board on the radio because it is paying off: He said he has raised "
         "$100,000 in three days.", "he has raised $100,000 in three days"),
        # a relative pronoun before the cue is no content of its own: what follows the cue is
        ("The council cut the ferry grants, which the auditors said were wasted on consultants.",
         "were wasted on consultants"),
    ],
)
def test_extract_content_clause_after_the_verb(text: str, content: str) -> None:
    assert content in [q.text for q in quotetrace.extract(text) if q.cue == "said"]


@pytest.mark.parametrize("cue", ["believes", "argues", "said"])
def test_extract_relative_clause_content_follows_the_cue(cue: str) -> None:
    """'…, which she believes will fail': never the bare pronoun, always the clause after the cue."""
    text = f"Rendt opposed the new toll bridge, which she {cue} will double the price of a crossing."
    contents = [q.text for q in quotetrace.extract(text) if q.cue == cue]
    assert contents == ["will double the price of a crossing"]


def test_extract_passive_with_agent_reports_its_subject() -> None:
    q = only(quotetrace.extract("The closure of the harbour was first reported by the Kestrel Wire."))
    assert (q.text, mention(q)) == ("The closure of the harbour", "the Kestrel Wire")


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        # the dateline is no part of the content, nor of the speaker
        ("LIDOVA, March 3 (Kestrel Wire) — Grain prices will fall by the summer, a new survey indicates.",
         "Grain prices will fall by the summer", "a new survey"),
        # the parser hangs the fronted content on the dateline
        ("VELGRAD — The harbour will stay closed until spring, the ministry said.",
         "The harbour will stay closed until spring", "the ministry"),
        # a name followed by a dash is no dateline
        ("Smith — a former minister — said the port would reopen.", "the port would reopen", "Smith"),
    ],
)
def test_extract_dateline_cut_from_content_and_speaker(text: str, content: str, speaker: str) -> None:
    q = only(quotetrace.extract(text))
    assert (q.text, mention(q)) == (content, speaker)


def test_extract_dateline_is_not_part_of_the_speaker() -> None:
    text = ("VELGRAD, Feb 16 (Kestrel Wire) - Ostrand's foreign ministry on Monday dismissed an open letter "
            "from retired general Tomas Varga.")
    q = quotetrace.extract(text)[0]
    assert q.speaker_mention is not None and q.speaker_mention.text == "Ostrand's foreign ministry"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the owner in a possessive is not who speaks, even when the tagger reads the country as a person
        ("Ostrand's trade minister, Olga Rendt, warns that weapons could reach the front. She said her "
         "government was ready to sign.", "Olga Rendt"),
        # "it" after a sentence about an organisation is that organisation, as written when it has no name
        ("Former minister Irena Maslova praised the letter. The defence ministry was less warm. It said in a "
         "statement that officers should express their views through the proper channels.",
         "The defence ministry"),
    ],
)
def test_extract_resolves_the_last_speaker(text: str, speaker: str) -> None:
    assert quotetrace.extract(text)[-1].speaker == speaker


def test_extract_cue_inside_another_quotation_attributes_nothing() -> None:
    """"understands" is part of what Obama said, not an attribution of the quotation after it."""
    text = ("Mr. Obama praised her. ''That's what Hillary Clinton understands,'' Mr. Obama said. ''This fighter, "
            "this stateswoman, this mother and grandmother.''")
    assert {q.speaker for q in quotetrace.extract(text) if q.kind == "direct"} == {"Obama"}


def test_extract_descriptor_is_the_role_not_the_words_around_it() -> None:
    text = ("Petr Halas, a lecturer in international law at Lidova University, said the letter was brave. "
            "Ostrand's trade minister, Olga Rendt, warned that the talks would fail.")
    descriptors = {q.speaker: q.descriptors for q in quotetrace.extract(text)}
    assert descriptors["Petr Halas"] == ["lecturer"]
    assert descriptors["Olga Rendt"] == ["trade minister"]


def test_extract_noun_phrase_holding_the_quotation_is_not_its_source() -> None:
    quotes = quotetrace.extract("In Lidova, the so-called “peace plan” was rejected within hours.")
    assert all(q.speaker is None for q in quotes)


def test_extract_relative_pronoun_speaker_is_the_noun_it_refers_to() -> None:
    text = "The council hired an engineer who said the bridge would not survive another winter."
    q = only(quotetrace.extract(text), "indirect")
    assert mention(q) == "who"
    assert q.speaker == "an engineer"


def test_extract_dash_signature_needs_a_name_and_no_verb() -> None:
    text = "Mitt Dorn -- “It is disqualifying for a nominee to hide his returns” -- and Fred Lamm agreed."
    q = only(quotetrace.extract(text), "direct")
    assert q.cue == "agreed"
    # after the name and a comma, only a participle of the occasion: a finite verb makes it a sentence
    text = "“The tunnel will pay for itself.”\n— Critics, however, argue that the tolls will never cover it.\n"
    assert only(quotetrace.extract(text), "direct").speaker != "Critics"


def test_extract_second_attribution_closing_a_clause_is_not_its_content() -> None:
    """'said that …, according to exit polls' (the source hung on the content's verb): the polls' attribution
    is not part of what the voters said (attributions do not nest, so the statement is reported once, as
    the polls'; polls with no author named leave the speaker empty, the mention as written)."""
    quotes = quotetrace.extract("Most voters said that the harbour fees hurt the city, according to exit polls.")
    assert [(q.text, mention(q), q.speaker) for q in quotes] == [
        ("Most voters said that the harbour fees hurt the city", "exit polls", None)
    ]
    quotes = quotetrace.extract("Most voters said that the harbour fees hurt the city, according to officials.")
    assert all("according" not in q.text for q in quotes)


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("Asked if the ferry would run on Sundays, the harbour master shook her head.",
         "if the ferry would run on Sundays", None),
        ("The councillor was asked whether the library budget had been cut.",
         "whether the library budget had been cut", None),
        ("When asked by a reporter if the cannery would close, the manager declined to answer.",
         "if the cannery would close", "a reporter"),
        ("The union's lawyer asked the judge if the hearing could be moved to March.",
         "if the hearing could be moved to March", "The union's lawyer"),
    ],
)
def test_extract_question_clause_of_a_question_verb(text: str, content: str, speaker: str | None) -> None:
    """The question 'asked' reports, however the parser hangs it; who was asked is never the source."""
    q = next(q for q in quotetrace.extract(text) if q.cue is not None and q.cue.lower() == "asked")
    assert q.text == content
    assert mention(q) == speaker


def test_extract_asked_about_a_topic_when_is_not_a_question_clause() -> None:
    """'when she visited' is when the asking was, not what was asked."""
    quotes = quotetrace.extract("Asked about the closure when she visited the town, the minister smiled.")
    asked = [q for q in quotes if q.cue == "Asked"]
    assert not any(q.text.startswith("when") for q in quotes)
    assert all(q.speaker_mention is None for q in asked)  # the minister was asked; she asked nothing


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("In a poll by the Harbour Gazette, the mayor's approval rating fell to 38 percent.",
         "the mayor's approval rating fell to 38 percent", "a poll by the Harbour Gazette"),
        ("In the latest poll, released on Monday, 52 percent of voters backed the tunnel.",
         "52 percent of voters backed the tunnel", "the latest poll"),
    ],
)
def test_extract_poll_opening_its_sentence_is_the_source(text: str, content: str, speaker: str) -> None:
    q = only(quotetrace.extract(text), "indirect")
    assert (q.text, mention(q), q.cue) == (content, speaker, "In")


@pytest.mark.parametrize(
    "text",
    [
        "The mayor is comfortably ahead in the polls.",  # the writer's summary, not a finding reported
        "In the spring survey, volunteers counted 212 nests along the river.",  # a count, not an opinion poll
    ],
)
def test_extract_poll_elsewhere_reports_nothing(text: str) -> None:
    assert quotetrace.extract(text) == []


def test_extract_poll_with_a_speech_verb_leaves_the_cue_to_the_verb() -> None:
    text = "In the poll, seven in ten residents said they wanted more buses."
    q = only(quotetrace.extract(text), "indirect")
    assert (q.text, q.cue, mention(q)) == ("they wanted more buses", "said", "seven in ten residents")


@pytest.mark.parametrize(
    ("text", "content", "speaker", "cue"),
    [
        ("The harbour master made clear on Monday that the ferry would not sail.",
         "that the ferry would not sail", "The harbour master", "made clear"),
        ("The coach has made it very clear she will not resign.", "she will not resign", "The coach",
         "made it very clear"),
        ("Tenants made it plain that they would withhold the rent.", "that they would withhold the rent",
         "Tenants", "made it plain"),
    ],
)
def test_extract_made_clear_says_its_clause(text: str, content: str, speaker: str, cue: str) -> None:
    """'made clear (that) …', 'made it plain …': the verb and its adjective report what the clause says."""
    q = only(quotetrace.extract(text))
    assert (q.text, mention(q), q.cue, q.kind, q.type) == (content, speaker, cue, "indirect", "speech")


@pytest.mark.parametrize(
    "text",
    [
        "This makes clear that the old timetable never worked.",  # the writer's inference
        "The storm made the danger of the old pier clear to everyone.",  # no clause: nothing said
    ],
)
def test_extract_made_clear_without_a_speaker_or_clause_reports_nothing(text: str) -> None:
    assert quotetrace.extract(text) == []


@pytest.mark.parametrize(
    ("text", "content", "speaker", "act"),
    [
        ("Her argument was that the ferry should be free for pupils.", "that the ferry should be free for pupils",
         "Her", "speech"),
        ("The petition's main claim is that the library was never consulted on.",
         "that the library was never consulted on", "The petition", "speech"),
        ("His biggest fear is that the quay will close for good.", "that the quay will close for good", "His",
         "belief"),
    ],
)
def test_extract_copular_cue_noun_reports_its_owner(text: str, content: str, speaker: str, act: str) -> None:
    """'her argument was that …': the clause after 'be' is what the noun's owner said or holds."""
    q = only(quotetrace.extract(text))
    assert (q.text, mention(q), q.type) == (content, speaker, act)


def test_extract_copular_cue_noun_without_an_owner_is_the_writers() -> None:
    assert quotetrace.extract("The main argument is that the ferry costs too much to run.") == []


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # an infinitive after the object is no second attribution, whatever its verb
        ("The harbour board urged the ferry operators to find a compromise with the unions.",
         "the ferry operators to find a compromise with the unions"),
        # a cue noun's infinitive that the parser hangs on the verb taking the noun
        ("The governor renewed her call for the port authority to lower the fees.",
         "the port authority to lower the fees"),
    ],
)
def test_extract_infinitive_goes_on_with_the_content(text: str, content: str) -> None:
    assert content in [q.text for q in quotetrace.extract(text)]


def test_extract_infinitive_after_a_prepositional_object_goes_on_with_it() -> None:
    """'praised the striker as quick to learn' parsed with the infinitive on the verb, as the parser does in
    longer sentences: the infinitive still closes the content."""
    from spacy.tokens import Doc

    from quotetrace.extract.cues import find_cues
    from quotetrace.nlp import load_pipeline

    words = ["The", "coach", "praised", "the", "striker", "as", "quick", "to", "learn", "."]
    doc = Doc(load_pipeline("en").vocab, words=words, spaces=[True] * 8 + [False, False],
              heads=[1, 2, 2, 4, 2, 2, 5, 8, 2, 2],
              deps=["det", "nsubj", "ROOT", "det", "dobj", "prep", "pobj", "aux", "advcl", "punct"],
              pos=["DET", "NOUN", "VERB", "DET", "NOUN", "ADP", "ADJ", "PART", "VERB", "PUNCT"],
              tags=["DT", "NN", "VBD", "DT", "NN", "IN", "JJ", "TO", "VB", "."],
              lemmas=["the", "coach", "praise", "the", "striker", "as", "quick", "to", "learn", "."])
    cue = next(c for c in find_cues(doc) if c.token.lower_ == "praised")
    assert cue.content is not None and doc.text[cue.content[0] : cue.content[1]] == "the striker as quick to learn"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # the parser hangs the bare infinitives on the finite cue verb, which cannot take them
        ("The governor pledged to cut the harbour fees, dredge the channel and build a new pier.",
         "to cut the harbour fees, dredge the channel and build a new pier"),
        ("The union urged the ministry to reopen the dock, rehire the pilots and pay the arrears.",
         "the ministry to reopen the dock, rehire the pilots and pay the arrears"),
    ],
)
def test_extract_coordinated_infinitives_go_on_with_the_content(text: str, content: str) -> None:
    assert content in [q.text for q in quotetrace.extract(text)]


def test_extract_what_the_speaker_did_next_is_no_content() -> None:
    quotes = quotetrace.extract("The mayor promised to fix the roads and resigned a week later.")
    assert [q.text for q in quotes] == ["to fix the roads"]


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        ("The harbour master is reportedly considering a run for mayor.",
         "The harbour master is reportedly considering a run for mayor", "reportedly"),
        ("Funds for the new pier were allegedly diverted to a consultancy.",
         "Funds for the new pier were allegedly diverted to a consultancy", "allegedly"),
        # a relative clause's pronoun is not what was reported
        ("The minister, who reportedly owns two ferries, denied any conflict of interest.",
         "reportedly owns two ferries", "reportedly"),
    ],
)
def test_extract_reporting_adverb_reports_its_clause_without_a_source(text: str, content: str, cue: str) -> None:
    """'reportedly', 'allegedly': someone the text does not name reported the clause, as in "it was claimed
    that …"."""
    q = next(q for q in quotetrace.extract(text) if q.cue == cue)
    assert (q.text, q.kind, q.speaker_mention, q.speaker) == (content, "indirect", None, None)


def test_extract_reporting_adverb_leaves_a_speech_verb_its_own_cue() -> None:
    q = only(quotetrace.extract("The mayor reportedly told aides that she would resign."))
    assert (q.text, q.cue, mention(q)) == ("that she would resign", "told", "The mayor")


def test_extract_writers_own_hedge_is_no_report() -> None:
    assert quotetrace.extract("The ferry apparently left the harbour early.") == []


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("The harbour master made the point that the pier had never been inspected.",
         "that the pier had never been inspected", "The harbour master"),
        ("The union has pressed the case that the pilots are underpaid.", "that the pilots are underpaid",
         "The union"),
        ("The senator's answer was that the fees would fall next year.", "that the fees would fall next year",
         "The senator"),
    ],
)
def test_extract_noun_reporting_through_its_clause(text: str, content: str, speaker: str) -> None:
    """'made the point that …', 'her answer was that …': the noun's "that" clause is what its owner said."""
    q = only(quotetrace.extract(text))
    assert (q.text, mention(q), q.type) == (content, speaker, "speech")


@pytest.mark.parametrize(
    "text",
    [
        "The answer was that the fees would fall next year.",  # no owner: the writer's answer
        "The mayor made the case for a new pier.",  # no clause: "the case for" reports nothing said
    ],
)
def test_extract_noun_reporting_through_its_clause_needs_clause_and_owner(text: str) -> None:
    assert quotetrace.extract(text) == []


def test_extract_a_content_clause_the_parser_hangs_on_the_place_of_saying() -> None:
    """'told reporters outside the court she had cried': a clause without "that" after where it was said is the
    content, though the parser reads it as a relative clause of "court"; and a cue inside that content ("was read
    out") gives no speaker to the quotation that follows."""
    text = ("Ward residents lose their appeal\n\nThe ward's tenants' spokesman Ravi Doshi, 58, told journalists "
            "outside the tribunal he had wept when the ruling was read out.\n\n"
            "“Damp is not a small thing. My son has been in hospital three times this year.”\n")
    quotes = quotetrace.extract(text)
    assert any(q.text == "he had wept when the ruling was read out" and q.speaker == "Ravi Doshi" for q in quotes)
    assert only(quotes, "direct").speaker == "Ravi Doshi"
    quotes = quotetrace.extract("She told the jury at the hearing she had attended in May that the files were lost.")
    assert [q.text for q in quotes] == ["that the files were lost"]  # a clause of its own: "she had attended" is
    # a relative clause


@pytest.mark.parametrize(
    "text",
    [
        "The match, known on both banks as the “River Classic”, has ended in a brawl three times since 2019.",
        "Within a season the apprentices had dubbed her “the Quartermaster”, a name she pretended to hate.",
        "The “Harbour Dues (Amendment) Bill” would let the port set its own fees.",
        "The council's housing scheme, branded “Homes First 2030”, promised in March to build 400 flats.",
    ],
)
def test_extract_a_quoted_name_is_no_statement(text: str) -> None:
    """A nickname, a bill's or a scheme's title in quotation marks: headline-cased words after an article or a
    naming verb are a name the sentence uses, whatever cue stands near it."""
    assert all("“" not in q.text for q in quotetrace.extract(text))


def test_extract_a_quoted_name_that_a_cue_reports_is_its_content() -> None:
    """'fears a “Grand Coalition of Silence”': the quoted name is what she fears, as PolNeAR marks it."""
    quotes = quotetrace.extract("The opposition leader Mara Eklund fears a “Grand Coalition of Silence.”")
    assert [(q.text, q.speaker) for q in quotes] == [("“Grand Coalition of Silence.”", "Mara Eklund")]


def test_extract_a_participle_after_a_reported_clause_shares_the_reporters_subject() -> None:
    """'said its profit fell, blaming …': the parser hangs the participle on what was said, whose subject (the
    profit) blames nothing; the company that said it does."""
    quotes = quotetrace.extract("The bakery chain Crumb & Co said its sales dropped by a fifth, citing the price of "
                                "flour.")
    cited = next(q for q in quotes if q.text == "the price of flour")
    assert cited.speaker is not None and "Crumb" in cited.speaker


def test_extract_a_speech_asked_for_is_no_statement() -> None:
    text = "The ministry did not respond to a request for comment on the senator's remarks."
    assert [q.text for q in quotetrace.extract(text)] == []


def test_extract_a_question_the_parser_hangs_on_whom_it_asks() -> None:
    """'asked the road office how many people had applied': the question is what was asked, though the parser
    reads it as a relative clause of "office"; "who" opens a relative clause of the one asked, and stays one."""
    quotes = quotetrace.extract("The council asked the bus company how many routes had been cut.")
    assert [(q.text, q.speaker) for q in quotes] == [("how many routes had been cut", "The council")]


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        # the phrase closes the first clause; the clause after ", and" is another attribution
        ("The count of flooded homes has climbed to thirty, according to the county office, and its head, Dr. "
         "Ilse Marr, thinks the real number is far higher.", "The count of flooded homes has climbed to thirty",
         "the county office"),
        # the phrase opens the second clause
        ("Reviewers admired the pacing of the second act, and according to the theatre's manager, Ola Brandt, "
         "two touring companies had asked for the rights.", "two touring companies had asked for the rights",
         "Ola Brandt"),
        # after both clauses it reports both
        ("Eels are reaching the estuary three weeks later, and they weigh a tenth less when they arrive, "
         "according to a study published on Monday.",
         "Eels are reaching the estuary three weeks later, and they weigh a tenth less when they arrive",
         "a study"),
    ],
)
def test_according_to_between_two_clauses_reports_its_own(text: str, content: str, speaker: str) -> None:
    found = [(q.text, q.speaker or mention(q)) for q in quotetrace.extract(text) if q.cue == "according to"]
    assert found == [(content, speaker)]


def test_a_pronoun_after_the_verb_that_follows_a_quotation_is_its_speaker() -> None:
    quotes = quotetrace.extract("“Since when?” shouted someone near the door.")
    assert [(q.text, mention(q), q.speaker) for q in quotes] == [("“Since when?”", "someone", None)]


def test_a_statement_on_a_day_is_when_and_a_modal_conjunct_is_what_was_said() -> None:
    quotes = quotetrace.extract("The Election Board said in a statement on Wednesday it was reviewing complaints "
                                "from both campaigns and would publish its findings before polling day.")
    assert [(q.text, mention(q)) for q in quotes] == [
        ("it was reviewing complaints from both campaigns and would publish its findings before polling day",
         "The Election Board")]


def test_a_person_set_in_apposition_to_the_place_before_the_verb_is_its_subject() -> None:
    quotes = quotetrace.extract("At the shelter in the town of Harsk, Ida Koval, 67, said she had not had running "
                                "water since Sunday.")
    assert [(q.text, q.speaker) for q in quotes] == [("she had not had running water since Sunday", "Ida Koval")]


@pytest.mark.parametrize(
    ("text", "contents"),
    [
        # when it was agreed, before the infinitive it agreed, is not what was agreed
        ("Leaders of the Harbour Council agreed on Friday to freeze the assets of the ferry line.",
         ["to freeze the assets of the ferry line"]),
        ("The mayor called for a ban on night flights.", ["for a ban on night flights"]),
        # the writer turning to the reader after a conjunction and an adverb
        ("But first, notice what is missing from the report.", []),
    ],
)
def test_what_was_agreed_and_what_the_writer_asks_of_the_reader(text: str, contents: list[str]) -> None:
    assert [q.text for q in quotetrace.extract(text)] == contents
