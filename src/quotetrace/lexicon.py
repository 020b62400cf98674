"""Every English word list and mark table the extractor and resolver use, in one place (after trafilatura's
``xpaths.py``). The lists were calibrated as a set against PolNeAR *train*; don't tune one in isolation.
"""

from __future__ import annotations

# Opening mark -> the closing marks that end it. Straight quotes open and close themselves.
QUOTE_PAIRS: dict[str, frozenset[str]] = {
    "“": frozenset("”"),
    '"': frozenset('"'),
    "«": frozenset("»"),
    "„": frozenset("“”"),
    "‘": frozenset("’"),
    "‹": frozenset("›"),
}
# Marks that only open a quote at the top level when nothing suggests an apostrophe (see direct.py).
SINGLE_MARKS = frozenset("‘")

# Verbs (lemmas) that introduce what someone said, wrote, believes or found. Kept broad: PolNeAR annotates
# beliefs, perceptions and findings as attributions too.
SPEECH_VERBS = frozenset(
    """
    say tell add note write warn argue claim state declare announce explain insist suggest report complain
    continue ask answer reply respond acknowledge admit concede confirm deny predict promise pledge vow
    threaten urge describe recall point stress emphasize emphasise maintain contend assert allege testify
    tweet post remark observe comment mention inform assure caution counter retort quip joke muse wonder
    propose recommend demand agree disagree accuse conclude reveal indicate show find estimate believe think
    fear hope expect worry doubt speculate imply signal hint boast brag lament proclaim reiterate repeat
    underline underscore highlight posit reason charge protest object plead appeal order advise publish cite
    quote learn hear feel know predict forecast acknowledge tout praise criticize criticise blame
    acknowledge concur dispute question suspect guess figure reckon realize realise recognize recognise
    understand assume presume insinuate complain grumble explain clarify elaborate specify detail outline
    announce disclose divulge leak whisper shout scream yell cry exclaim declare affirm reaffirm swear
    echo chant beam mouth certify attest predict project calculate conclude determine discover notice observe
    perceive see
    """.split()
)
# Verbs that only count as a cue with a clause that carries content ("She thinks that ..."), never with
# a plain object ("She thinks a lot"): the clause test in reported.py already requires that for all verbs,
# these are the ones that also need a finite clause, not an infinitive.
COGNITION_VERBS = frozenset(
    "believe think fear hope expect worry doubt suspect guess figure reckon realize realise recognize "
    "recognise understand assume presume feel know learn hear see notice perceive".split()
)
# Verbs that say something but take no clause: only attributions when a quotation is beside them.
QUOTE_ONLY_VERBS = frozenset("smile laugh shrug nod joke quip sigh scoff chuckle read shoot fire hit snap".split())

# Verbs that close or open a summary of several sentences: "… Drafting them is a waste, he argues.", "The
# judge argues: …" (extract/continuations.py). Beliefs and the learned table's guesses do not.
CONTINUATION_VERBS = frozenset(
    "say continue add argue observe write conclude insist explain note maintain contend reason stress "
    "point warn elaborate".split()
)

# Nouns whose "that"-clause is attributed content: "raised the possibility that ...".
SPEECH_NOUNS = frozenset(
    """
    possibility claim allegation warning assertion view belief argument statement suggestion promise
    pledge threat accusation insistence prediction hope fear concern conclusion contention
    """.split()
)
# Nouns that report what was said only through their "that" clause: "made the point that …", "pressed the case
# that …", "her answer was that …"; "the case for", "a point of order" and "the message of" say nothing.
CLAUSE_SPEECH_NOUNS = frozenset("point case answer response reply explanation message".split())
# Documents and records that speak for their authors: "the letter says", "the appeal warns", "exchange data
# show". As a speaker they stand for who wrote or issued them (attribute/documents.py), never for themselves.
DOCUMENT_NOUNS = frozenset(
    "letter statement appeal report memo declaration communique communiqué post tweet email message "
    "petition resolution decree order ruling filing complaint lawsuit survey poll study note motion "
    "manifesto memorandum editorial column op-ed article essay memoir book transcript indictment cable "
    "dossier document analysis assessment review audit data figure statistic record result finding "
    "estimate projection calculation ad advertisement video".split()
)
# Verbs whose subject wrote or issued the document they take as object ("Berg wrote a letter", "the audit
# office published a report"), or whose agent did ("a petition signed by 40 officers").
AUTHORING_VERBS = frozenset(
    "write send sign co-sign cosign publish issue release draft pen author file submit deliver circulate "
    "launch present compile prepare produce address post tweet read".split()
)
# Prepositions that name a document's author after it: "a letter from Berg", "a report by the audit office".
AUTHOR_PREPOSITIONS = frozenset({"from", "by"})

# --- channels (extract/channels.py): how a statement reached the writer, apart from who made it ----------
# Verbs that relay someone else's words: "as quoted by state television", "was quoted by X as saying".
RELAY_VERBS = frozenset("quote cite report relay carry".split())
# Nouns for news outlets: "told the radio station", "said on state television", "wrote in the daily".
MEDIA_NOUNS = frozenset(
    "newspaper paper daily tabloid weekly radio television tv station channel broadcaster network outlet "
    "agency wire newswire magazine journal website site podcast programme program show blog media press".split()
)
# Whom one speaks to rather than through: "told reporters", "told the committee", "speaking to voters".
AUDIENCE_NOUNS = frozenset(
    "reporter journalist correspondent crowd audience supporter voter committee subcommittee council parliament "
    "senate congress assembly court panel board jury tribunal cabinet house hearing lawmaker legislator "
    "delegate member people official investigator police prosecutor student worker".split()
)
# Occasions whose "with"/"to"/"for" names the channel: "in an interview with X", "in comments to X".
CHANNEL_OCCASIONS = frozenset(
    "interview comment remark statement op-ed column article essay post appearance broadcast podcast".split()
)

# Words that, just before a quotation, mark it as a title or a name rather than speech ("the working title
# “…”"). Not "called" or
# "dubbed": in news "what he called “…”" attributes the words to him.
TITLE_CUES = frozenset(
    "titled entitled headlined headline named nicknamed dubbed branded book film song article column op-ed hashtag "
    "slogan banner campaign operation program programme addressed title subtitle".split()
)

PERSON_PRONOUNS = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
PLURAL_PRONOUNS = frozenset({"they", "them", "their"})
THING_PRONOUNS = frozenset({"it", "its"})
FIRST_PERSON = frozenset({"i", "me", "we", "us", "my", "our"})
# verbs of asking: the quotation after a writer's question is the answer, not the question
QUESTION_VERBS = frozenset({"ask", "wonder", "inquire", "enquire", "query"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
# "whose letter": a relative that owns what follows it; its antecedent owns it.
POSSESSIVE_RELATIVES = frozenset({"whose"})
# Relatives that refer to people: "an official involved in the talks, who asked" is the official's.
PERSON_RELATIVES = frozenset({"who", "whom", "whose"})
# Words that stand for an unnamed number of a group: a speaker only with the group named ("some of the
# deputies"); alone ("with some calling it …") they name no one.
QUANTIFIERS = frozenset(
    "some many most others other several few all both each either neither none one another any much half "
    "majority minority plenty someone somebody anyone anybody everyone everybody nobody".split()
)
# Everyone at once: "as anyone who lives here knows" is the writer appealing to what all know.
UNIVERSAL_PRONOUNS = frozenset("anyone anybody everyone everybody".split())
# Pronouns that name no one: never a speaker ("This suggests …", "you", "what it calls").
IMPERSONAL_PRONOUNS = frozenset(
    "you your yours yourself this that these those what whatever which it its itself there here something "
    "anything everything nothing".split()
)

# Nouns that describe an organisation: "the organisation said" refers to the nearest one named.
ORGANISATION_NOUNS = frozenset(
    "organisation organization group ministry government company party agency centre center committee "
    "council campaign army military administration office department union alliance coalition firm body "
    "institute foundation association network commission court newspaper paper channel station outlet "
    "broadcaster charity movement publication magazine website daily tabloid".split()
)

# ... of them, those that say no more than "an organisation": "the group said" is the nearest one named;
# "the ministry", "the court" only one whose name says so.
GENERIC_ORGANISATION_NOUNS = frozenset(
    "organisation organization group company firm body agency outlet charity institute association".split()
)

# Words in the name of an organisation of a kind: "the newspaper" is the Lidova Courier, "the commission" the
# Board of Elections.
_NEWSPAPER_NAMES = frozenset(
    "times post journal herald courier gazette tribune news chronicle telegraph guardian globe star daily "
    "examiner review observer register inquirer sun mail express standard wire magazine press".split()
)
_BOARD_NAMES = frozenset("commission board committee panel council".split())
ORGANISATION_KINDS: dict[str, frozenset[str]] = {
    **{noun: _NEWSPAPER_NAMES for noun in "newspaper paper publication outlet daily tabloid magazine".split()},
    **{noun: _BOARD_NAMES for noun in _BOARD_NAMES},
    "government": frozenset({"administration", "cabinet", "government"}),
    "administration": frozenset({"administration", "government", "house"}),
    "ministry": frozenset({"ministry", "department"}),
    "department": frozenset({"ministry", "department"}),
}

# Abbreviations whose full stop does not end a sentence.
ABBREVIATIONS = frozenset(
    "mr mrs ms dr gen sen rep gov st jr sr lt col capt prof sgt maj adm cmdr supt insp det rev fr hon pres "
    "u.s vs etc no inc corp co ltd".split()
)

# Honorifics that give gender away.
MALE_TITLES = frozenset("mr mr. sir lord king prince father brother uncle".split())
FEMALE_TITLES = frozenset("ms ms. mrs mrs. miss madam lady queen princess mother sister aunt".split())

# Determiners that make a description anonymous ("a senior official") rather than anaphoric ("the official").
INDEFINITE_DETERMINERS = frozenset("a an one some several many two three four dozens".split())

# Frequent given names by usual gender: enough to pick "he" or "she" among nearby people. Written for this
# project (no external list); extend freely.
MALE_NAMES = frozenset(
    """
    james john robert michael william david richard joseph thomas charles christopher daniel matthew anthony
    mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey
    ryan jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin samuel gregory
    alexander frank patrick raymond jack dennis jerry tyler aaron jose adam nathan henry douglas zachary
    peter kyle ethan walter noah jeremy christian keith roger terry gerald harold sean austin carl arthur
    lawrence dylan jesse jordan bryan billy joe bruce gabriel logan albert willie alan juan wayne elijah
    randy roy vincent ralph eugene russell bobby mason philip louis barack bernie mike mitt ted marco chris
    jeb rand newt bill tim rudy reince rick lindsey mitch harry chuck corey
    ivan sergei sergey vladimir dmitry dmitri alexei alexey mikhail nikolai pavel andrei andriy oleksandr
    volodymyr vitali vitaly yuri yury igor oleg boris viktor petro pyotr petr fyodor leonid anatoly gennady
    yevgeny evgeny maxim maksim konstantin roman kirill denis artem ilya stanislav valery vadim arkady
    emmanuel olaf rishi keir boris jens antonio recep xi li wang friedrich hans klaus pierre jean luc
    mohammed muhammad ahmed ali hassan omar mustafa ibrahim yusuf benjamin naftali yair
    """.split()
)
FEMALE_NAMES = frozenset(
    """
    mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty margaret
    sandra ashley kimberly emily donna michelle dorothy carol amanda melissa deborah stephanie rebecca
    sharon laura cynthia kathleen amy shirley angela helen anna brenda pamela nicole emma samantha
    katherine christine debra rachel catherine carolyn janet ruth maria heather diane virginia julie joyce
    victoria olivia kelly christina lauren joan evelyn judith megan cheryl andrea hannah martha jacqueline
    frances gloria ann teresa kathryn sara janice jean alice madison doris abigail julia judy grace denise
    amber marilyn beverly danielle theresa sophia marie diana brittany natalie isabella charlotte rose
    alexis kayla hillary chelsea melania ivanka kellyanne huma nancy elizabeth sarah michelle condoleezza
    jill tulsi kamala nikki hope
    jane ursula angela kaja annalena theresa liz giorgia marine sanna jacinda ngozi
    olga tatiana tatyana natalia natalya elena yelena irina svetlana anastasia maria yulia yuliya ekaterina
    yekaterina marina lyudmila valentina galina nadezhda larisa oksana daria darya ksenia alla vera lyubov
    zoya nina tamara iryna olena ivanna
    """.split()
)

# --- speaker resolution (attribute/): descriptions of people -----------------------------------------------
# Nouns that name a person by role: "the senator said" refers back to someone already named. Written for
# this project; extend freely.
PERSON_NOUNS = frozenset(
    """
    senator governor president candidate nominee frontrunner front-runner businessman businesswoman tycoon
    magnate billionaire mogul developer actor actress star singer comedian host anchor journalist reporter
    columnist writer author commentator analyst pundit lawmaker congressman congresswoman legislator
    representative politician leader chairman chairwoman secretary minister premier chancellor mayor judge
    lawyer attorney prosecutor official spokesman spokeswoman spokesperson aide adviser advisor strategist
    manager director executive founder professor scholar economist expert researcher scientist doctor
    officer general commander veteran soldier activist organizer organiser critic rival man woman father
    mother son daughter husband wife widow pastor priest bishop pope king queen prince princess ambassador
    diplomat envoy incumbent challenger moderator interviewer narrator retiree teacher owner resident
    entrepreneur investor banker governor-elect president-elect vice-president ex-president
    """.split()
)
# Nouns for members of a group, spoken of in the plural: "Socialist deputies walked out. They demanded …".
GROUP_MEMBER_NOUNS = frozenset(
    "deputy delegate member citizen people worker voter parent student resident farmer neighbour neighbor "
    "protester protestor supporter opponent".split()
)
# Endings of nouns for people not listed above ("a retiree", "a plumber", "a florist", "a historian").
PERSON_SUFFIXES = ("er", "or", "ist", "ian", "man", "woman", "ee", "ant", "ent")
# Offices that one person seldom holds two of at once: "the minister" is not the judge named before.
OFFICE_NOUNS = frozenset(
    "senator governor president mayor judge minister premier chancellor prosecutor ambassador congressman "
    "congresswoman bishop pope king queen general admiral commander".split()
)
# Role nouns whose holder speaks *for* someone else: "the spokesman" is never the minister he speaks for,
# so these only resolve to a person described with the same noun.
AGENT_NOUNS = frozenset(
    "spokesman spokeswoman spokesperson aide adviser advisor official lawyer attorney representative".split()
)
# Role nouns that give the holder's gender away ("the actress ... she").
MALE_NOUNS = frozenset("man businessman congressman spokesman chairman father son husband king prince".split())
FEMALE_NOUNS = frozenset(
    "woman businesswoman congresswoman spokeswoman chairwoman mother daughter wife widow queen princess "
    "actress".split()
)
# Abbreviated titles written before names ("Sen. Olga Rendt"), spelt out so "the senator" can find them.
TITLE_ABBREVIATIONS = {
    "sen": "senator", "sens": "senator", "gov": "governor", "govs": "governor", "rep": "representative",
    "reps": "representative", "pres": "president", "gen": "general", "dr": "doctor", "prof": "professor",
    "lt": "lieutenant", "col": "colonel", "capt": "captain", "sgt": "sergeant", "adm": "admiral",
    "amb": "ambassador", "sec": "secretary", "atty": "attorney", "rev": "reverend", "supt": "superintendent",
}
# A role noun a description may use for a title seen with the name: "Rep. Tomas Brel ... the congressman".
ROLE_SYNONYMS = {
    "congressman": frozenset({"representative", "congresswoman", "lawmaker"}),
    "congresswoman": frozenset({"representative", "congressman", "lawmaker"}),
    "lawmaker": frozenset({"senator", "representative", "congressman", "congresswoman", "legislator"}),
    "legislator": frozenset({"senator", "representative", "congressman", "congresswoman", "lawmaker"}),
    "businessman": frozenset({"businesswoman", "tycoon", "magnate", "mogul", "billionaire", "executive"}),
    "tycoon": frozenset({"businessman", "magnate", "mogul", "billionaire"}),
    "magnate": frozenset({"businessman", "tycoon", "mogul", "billionaire"}),
}

# --- cue senses (extract/senses.py): which uses of a cue word report a statement -------------------------
# Written for this project from the classes of English verbs (communication, judgement, perception, desire);
# each list is one pattern of use, switched off and measured as a whole (benchmarks/senses.py).

# Verbs whose noun-phrase object is the thing the source takes a stance on: "criticised the tariff",
# "demanded her resignation", "welcomed the ban" (a stance, not a proposition).
ATTITUDE_VERBS = frozenset(
    """
    criticize criticise condemn denounce decry deplore slam blast lambaste attack assail berate rebuke chide
    scold castigate mock ridicule deride disparage belittle dismiss reject rebuff repudiate disavow oppose
    resist protest challenge question dispute contest contradict deny refute rebut counter praise applaud hail
    laud commend salute celebrate welcome embrace endorse back support champion defend favor favour tout
    promote advocate recommend propose suggest urge demand request blame accuse fault credit
    congratulate admire respect trust distrust fear dread regret lament bemoan mourn prefer approve
    disapprove veto insult downplay encourage like love hate dislike
    """.split()
)
# Speech verbs whose noun-phrase object is what was said, in short: "announced the closure", "denied the
# allegations", "predicted a recount". The content is a thing, so the act is a stance.
REPORTING_VERBS = frozenset(
    """
    announce proclaim confirm deny admit acknowledge concede reveal disclose mention cite quote
    discuss describe characterize characterise portray depict outline detail explain recount recall recite
    repeat reiterate echo predict forecast promise pledge vow threaten guarantee claim allege assert note
    stress emphasize emphasise underscore underline highlight raise voice express
    tweet retweet argue list compare liken contrast equate address say reference remind warn
    """.split()
)
# Verbs that with their particle are verbs of speech, their object what was said: "pointed out the flaw",
# "laid out his plan", "walked back the comments" (not "pointed a finger", "laid flowers").
PHRASAL_SPEECH_VERBS = frozenset(
    tuple(pair.split("+"))
    for pair in """
    point+out lay+out spell+out set+out walk+back play+down talk+up talk+down rule+out single+out call+out
    put+forward sum+up brush+off shrug+off laugh+off wave+off read+out
    """.split()
)
# A verb and the adjective after it that together say what the clause after them holds: "made clear that the
# bridge stays shut", "has made it plain she will not resign".
SAYING_ADJECTIVES = frozenset(tuple(pair.split("+")) for pair in "make+clear make+plain".split())
# Adverbs that say the clause they modify was reported by someone the text does not name: "the mayor
# reportedly considered resigning", "funds allegedly diverted". Not "apparently" or "supposedly": those are
# the writer's own inference or doubt.
REPORTING_ADVERBS = frozenset("reportedly allegedly reputedly purportedly".split())
# Verbs that report content only through a speech noun as object: "issued a warning", "offered an apology",
# "released a statement"; "published a report", "offered a discount" and "posted a video" say nothing.
CARRIER_VERBS = frozenset(
    """
    offer issue release publish post deliver give make send share present launch file submit lodge circulate
    print upload broadcast air distribute extend produce put report unveil record sign write pen draft tell
    """.split()
)
# Nouns that, as such an object, are something said: "issued a warning", "gave an interview" is not, nor is
# "issued a statement", which holds words without saying them (PolNeAR marks its object 4 times in 31).
SPEECH_OBJECT_NOUNS = frozenset(
    """
    warning apology explanation comment remark response reply answer denial rebuttal retort message
    appeal plea call demand promise pledge vow threat ultimatum assurance guarantee endorsement criticism
    critique praise condolence condolences thanks congratulations tribute defence defense opinion view
    assessment account version excuse justification argument proposal suggestion recommendation advice
    verdict prediction forecast estimate projection reminder caution rebuke challenge objection complaint
    protest accusation allegation claim assertion insistence confession admission acknowledgment
    acknowledgement correction clarification reassurance support backing blessing thoughts prayers review
    reviews evaluation testimony take perspective insight insights details rationale vision case point story
    stories tale tales anecdote anecdotes joke jokes question questions
    """.split()
)
# Verbs that name rather than say: "a disease called measles", "known as the Long Lap", "dubbed".
NAMING_VERBS = frozenset("call name dub term label nickname title christen brand know refer rename style".split())
# Verbs of perception: "residents want to see the road rebuilt" (a cue only with a clause or an "as":
# "she sees the plan as a mistake", "I see that ...").
PERCEPTION_VERBS = frozenset("see watch hear notice witness spot glimpse view eye observe behold".split())
# Wanting, trying, planning and their kin take an infinitive or an object that is an aim, not a statement:
# "police sought to clear the square", "the frames were designed to be cheap", "we want more buses".
VOLITION_VERBS = frozenset(
    """
    want wish seek try attempt plan aim intend design mean need desire strive struggle endeavour endeavor
    look set work scramble rush move prepare bother manage fail vie help dare tend use
    arrange
    """.split()
)
# How a thing seems to the writer: "the video appears genuine", "the idea sounded fair".
SEEM_VERBS = frozenset("seem appear look sound prove turn feel remain".split())
# Infinitival asides of the writer's own: "to say the least", "to put it mildly", "so to speak".
HEDGE_OBJECTS = frozenset("least it so".split())
# What "say" does with these is a greeting, not a statement: "said goodbye to the bakery".
GREETINGS = frozenset("goodbye good-bye bye farewell hello hi cheese".split())
# Adjectives that, after "be" and with a clause, report a belief: "she is convinced that ...".
BELIEF_ADJECTIVES = frozenset(
    """
    convinced confident sure certain worried concerned afraid hopeful optimistic pessimistic aware adamant
    sceptical skeptical doubtful fearful anxious positive persuaded satisfied unconvinced
    """.split()
)
# (verb, preposition) pairs whose object is the thing a stance is taken on: "called for an inquiry",
# "warned against blaming screens", "complained about the noise".
STANCE_PREPOSITIONS = frozenset(
    tuple(pair.split("+"))
    for pair in """
    call+for ask+for push+for press+for argue+for argue+against advocate+for campaign+for campaign+against
    vote+for vote+against rail+against speak+against speak+for warn+against complain+about complain+of
    object+to lash+at side+with criticize+for criticise+for apologize+for apologise+for plead+for appeal+for
    beg+for lobby+for lobby+against protest+against disagree+with agree+with fight+for fight+against
    charge+with accuse+of blame+for credit+with praise+for thank+for double+on
    """.split()
)
# (verb, preposition) pairs whose object is what was spoken of: "spoke about the yard", "commented on the
# ruling", "pointed to the figures" (a neutral verb of speech with a noun phrase: speech).
SPEECH_PREPOSITIONS = frozenset(
    tuple(pair.split("+"))
    for pair in """
    talk+about speak+about speak+of comment+on write+about tweet+about joke+about boast+about brag+about
    testify+about ask+about elaborate+on weigh+on insist+on remark+on report+on muse+about hint+at point+to
    touch+on question+about question+on press+on press+about grill+on grill+about quiz+about quiz+on
    challenge+on pressure+on warn+of warn+about worry+about think+about
    """.split()
)
# Subjects that can say or believe something, besides names and personal pronouns: groups of people that
# are not formed like role nouns ("residents", "police"), and documents and findings ("the poll shows").
GROUP_NOUNS = frozenset(
    """
    people police public staff crew family families household households youth locals residents citizens
    members audience community team panel jury board management authorities government opposition
    majority minority everyone everybody someone somebody anyone anybody nobody none others some many
    most few all both each either neither several
    """.split()
)
EVIDENCE_NOUNS = frozenset(
    """
    poll polls survey study studies report research data figures numbers statistics analysis findings
    evidence results result review audit investigation inquiry census estimate estimates projection model
    models paper papers document documents records record filing transcript minutes bulletin guidance
    memo letter statement appeal petition message post tweet email note declaration communique communiqué
    resolution decree order ruling complaint lawsuit ad advert advertisement video footage book article
    column editorial op-ed blog website site page
    """.split()
)
# Heads of role nouns that end like one but name things: "water", "paper", "number".
NOT_PEOPLE = frozenset(
    """
    water paper number letter order power border center centre computer meter chapter matter quarter corner
    cancer disaster factor sector error motor mirror color colour labor labour tractor reactor monitor
    indicator calculator elevator theater theatre river tower winter summer weather server folder filter
    trailer container charter character register proposal document argument statement government agreement
    settlement movement management department development equipment environment investment treatment
    payment element moment comment content event percent incident accident talent plant restaurant
    instrument
    """.split()
)
# Verbs whose content is held rather than said: "fears that ...", "expects the bank to hold", "sees the
# tariff as a tax" (belief).
BELIEF_VERBS = frozenset(
    """
    believe think fear hope expect worry doubt suspect guess figure reckon realize realise recognize recognise
    understand assume presume feel know wish trust imagine suppose consider regard deem see view perceive
    notice sense anticipate foresee
    """.split()
)
# Verbs whose infinitive is a speech act's content: "vowed to fight on", "urged voters to stay home".
INFINITIVE_SPEECH_VERBS = frozenset(
    """
    promise pledge vow threaten urge ask tell order agree refuse decline offer propose vote call claim
    demand warn advise encourage instruct invite beg plead swear undertake command request implore
    press pressure persuade challenge dare forbid remind recommend say report rumor rumour allege estimate
    decide choose opt like love hate prefer
    """.split()
)
# Nouns whose content is held rather than said: "the fear that ...".
BELIEF_NOUNS = frozenset(
    """
    belief fear hope concern view opinion conviction suspicion doubt expectation assumption impression
    feeling sense worry understanding confidence notion
    """.split()
)
# Nouns that head a cue of their own with what follows them as content: "her call for an inquiry", "his
# criticism of the plan"; "information about", "an attack on" and "the case for" report nothing said.
CUE_NOUNS = frozenset(
    """
    statement criticism call claim promise pledge endorsement proposal comment remark message suggestion
    warning threat accusation allegation assertion argument appeal plea demand denial admission apology
    announcement critique praise condemnation rejection opposition doubt hope concern belief fear view
    opinion assessment prediction insistence mention reference complaint objection request order ruling
    verdict recommendation advice vow assurance reassurance acknowledgment acknowledgement confession
    condolences tribute thanks congratulations plea possibility conclusion contention refusal
    """.split()
)
# Cue nouns of attitude or demand: with a thing for content they report a stance ("her call for an inquiry",
# "his criticism of the plan"); other cue nouns report speech ("her comment on the ruling").
ATTITUDE_NOUNS = frozenset(
    """
    call criticism endorsement proposal demand denial critique praise condemnation rejection opposition
    support backing appeal plea request recommendation complaint objection accusation attack defence defense
    """.split()
)
# A noun-phrase content this empty says nothing: "tell them", "said it", "say one thing", "expected nothing".
EMPTY_CONTENT_WORDS = frozenset(
    """
    it this that these those them him her me us you one thing things something nothing everything anything
    lot much more little all least truth what which
    """.split()
)
