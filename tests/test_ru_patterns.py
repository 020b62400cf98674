"""The Russian path on invented sentences, one pattern each: the speaker named in the sentence is found (dash,
colon, "по словам", "как сообщил", an attribution inside the sentence), with the act type and the channel."""

from __future__ import annotations

import pytest

from ru_quotes import ru_quote, ru_quotes


@pytest.mark.parametrize(
    ("text", "containing", "speaker"),
    [
        # dash, the speaker after a long title
        ("«Порт будет работать круглосуточно уже с понедельника», — заявил журналистам начальник морского "
         "порта Ветрогорска капитан дальнего плавания Остап Кравчук.", "круглосуточно", "Остап Кравчук"),
        # dash, a participial aside between the verb and its subject
        ("«Ремонт займёт не больше месяца», — сказал, отвечая на вопросы депутатов, министр строительства "
         "Ефим Гордеев.", "Ремонт займёт", "Ефим Гордеев"),
        # a title with a country the tagger takes for a person
        ("«Мы не закроем границу», — подчеркнула глава МИД Тарвании Эльза Кирсте.", "не закроем", "Эльза Кирсте"),
        # an apposition after a comma before the verb
        ("Бывший прокурор области, а ныне сенатор Руслан Фатеев заявил, что законопроект будет отозван.",
         "законопроект будет отозван", "Руслан Фатеев"),
        # after a quotation and its dash, any verb of the writer's words attributes it, not only verbs of speech
        ("«Второго шанса у клуба не будет», — нахмурился президент лиги Аркадий Сомов.", "Второго шанса",
         "Аркадий Сомов"),
        ("«Апелляцию мы подадим в понедельник», — пообещала адвокат Нина Грач.", "Апелляцию", "Нина Грач"),
        ("«Заседание переносится на месяц», — огласил определение судья Павел Ветров.", "Заседание переносится",
         "Павел Ветров"),
    ],
)
def test_ru_patterns_dash_and_subject_speakers(text: str, containing: str, speaker: str) -> None:
    assert ru_quote(text, containing).speaker == speaker


@pytest.mark.parametrize(
    ("text", "containing", "speaker"),
    [
        ("Главный инженер завода Арсений Зотов сказал журналистам: «Линия запустится только осенью».",
         "Линия запустится", "Арсений Зотов"),
        # a name before a colon, no verb
        ("Депутат Гордей Плотников: «Бюджет города впервые за пять лет сведён без дефицита»",
         "Бюджет города", "Гордей Плотников"),
        # a colon after a few words, no quotation
        ("Председатель ТСЖ Лада Корнилова ответила жильцам так: платить за ремонт крыши никто не будет.",
         "платить за ремонт", "Лада Корнилова"),
    ],
)
def test_ru_patterns_colon(text: str, containing: str, speaker: str) -> None:
    assert ru_quote(text, containing).speaker == speaker


@pytest.mark.parametrize(
    ("text", "quote", "pieces"),
    [
        ("По словам заведующей библиотекой Нины Крутовой, фонд пополнится тремя тысячами книг.",
         "фонд пополнится тремя тысячами книг", 0),
        ("Фонд пополнится тремя тысячами книг, по словам заведующей библиотекой Нины Крутовой.",
         "Фонд пополнится тремя тысячами книг", 0),
        ("Фонд, по словам заведующей библиотекой Нины Крутовой, пополнится тремя тысячами книг.",
         "Фонд, по словам заведующей библиотекой Нины Крутовой, пополнится тремя тысячами книг", 2),
    ],
)
def test_ru_patterns_according_to_at_start_middle_and_end(text: str, quote: str, pieces: int) -> None:
    q = ru_quote(text, "тысячами книг")
    assert (q.text, q.speaker, len(q.fragments), q.type) == (quote, "Нина Крутова", pieces, "speech")
    assert all(text[f.start : f.end] == f.text and "по словам" not in f.text for f in q.fragments)


@pytest.mark.parametrize(
    "text",
    [
        "Как отметил ректор университета Лев Баранов, приём на заочное отделение будет сокращён.",
        "Приём на заочное отделение будет сокращён, как отметил ректор университета Лев Баранов.",
        "Приём на заочное отделение, как отметил ректор университета Лев Баранов, будет сокращён.",
    ],
)
def test_ru_patterns_as_said_anywhere_in_the_sentence(text: str) -> None:
    q = ru_quote(text, "будет сокращён")
    assert q.speaker == "Лев Баранов" and "отметил" not in "".join(f.text for f in q.fragments)


def test_ru_patterns_attribution_inside_a_sentence_gives_both_pieces() -> None:
    text = ("Директор музея Алиса Горбунова показала новый зал. Зимой, вспоминает она, здесь текла крыша и "
            "стояли вёдра.")
    q = ru_quote(text, "текла крыша")
    assert q.speaker == "Алиса Горбунова"
    assert [f.text for f in q.fragments] == ["Зимой", "здесь текла крыша и стояли вёдра"]


def test_ru_patterns_subject_before_an_aside_is_not_a_statement() -> None:
    text = "Гринёва, со своей стороны, пообещала вернуть деньги всем вкладчикам до осени."
    quotes = ru_quotes(text)
    assert [(q.text, q.speaker) for q in quotes] == [("вернуть деньги всем вкладчикам до осени", "Гринёва")]


@pytest.mark.parametrize(
    "verb", ["объяснил", "уточнил", "подчеркнул", "добавил", "признал", "напомнил", "пояснил", "резюмировал",
             "констатировал"],
)
def test_ru_patterns_trailing_speech_verbs(verb: str) -> None:
    text = f"Тренер сборной Матвей Ольшанский провёл сбор. Команда готова к турниру, {verb} он."
    q = ru_quote(text, "Команда готова")
    assert (q.text, q.speaker) == ("Команда готова к турниру", "Матвей Ольшанский")


def test_ru_patterns_description_with_no_title_continues_with_the_speaker() -> None:
    text = ("Посол Ирина Вяземская вручила верительные грамоты. «Переговоры продолжатся в марте», — сказала "
            "Вяземская. Сроки пока не согласованы, добавила дипломат.")
    assert ru_quote(text, "Сроки пока").speaker == "Ирина Вяземская"


def test_ru_patterns_description_opening_a_sentence_is_someone_new() -> None:
    text = ("«Мы подадим апелляцию», — сказал адвокат Тарас Мельник. Судья отказал в отводе присяжных и "
            "назначил заседание на вторник.")
    assert not any(q.speaker == "Тарас Мельник" and "присяжных" in q.text for q in ru_quotes(text))


@pytest.mark.parametrize(
    ("text", "containing", "speaker", "via"),
    [
        ("Губернатор Роман Ширяев, передаёт телеканал «Приречье», пообещал отремонтировать все школы к "
         "сентябрю.", "отремонтировать все школы", "Роман Ширяев", "передаёт телеканал «Приречье»"),
        ("«Завод продолжит работу», — заявил в интервью радиостанции «Волна» директор Аким Лосев.",
         "Завод продолжит", "Аким Лосев", "интервью радиостанции «Волна»"),
        ("Поезда пойдут по новому графику с мая, сообщает агентство «Рельс» со ссылкой на пресс-службу "
         "железной дороги.", "Поезда пойдут", "пресс-служба железной дороги", "агентство «Рельс»"),
        ("Цены на уголь вырастут на десять процентов, приводит газета «Вестник» слова министра энергетики "
         "Юрия Голованова.", "Цены на уголь", "Юрий Голованов", "газета «Вестник»"),
    ],
)
def test_ru_patterns_channel_is_via_not_the_speaker(text: str, containing: str, speaker: str, via: str) -> None:
    q = ru_quote(text, containing)
    assert q.speaker == speaker
    assert q.via is not None and via in q.via.text and text[q.via.start : q.via.end] == q.via.text


@pytest.mark.parametrize(
    ("text", "containing", "act"),
    [
        ("Экономист Вера Лапина считает, что рубль укрепится к лету.", "рубль укрепится", "belief"),
        ("Экономист Вера Лапина опасается, что рубль ослабнет к лету.", "рубль ослабнет", "belief"),
        ("«Рубль укрепится к лету», — уверена экономист Вера Лапина.", "Рубль укрепится", "belief"),
        ("Экономист Вера Лапина заявила, что рубль укрепится к лету.", "рубль укрепится", "speech"),
        ("Профсоюз осудил решение о закрытии цеха.", "решение о закрытии цеха", "stance"),
        ("Депутаты потребовали отставки главы района.", "отставки главы района", "stance"),
        ("Комиссия раскритиковала новый проект бюджета.", "новый проект бюджета", "stance"),
    ],
)
def test_ru_patterns_act_types(text: str, containing: str, act: str) -> None:
    assert ru_quote(text, containing).type == act


def test_ru_patterns_promise_with_an_infinitive_is_speech() -> None:
    q = ru_quote("Мэр Святослав Рогов пообещал построить новую поликлинику за два года.", "поликлинику")
    assert (q.text, q.type, q.speaker) == ("построить новую поликлинику за два года", "speech", "Святослав Рогов")


def test_ru_patterns_about_this_said_attributes_the_sentence_before() -> None:
    text = "Водопровод в посёлке заработает к пятнице. Об этом сообщил глава поселения Ефим Кузин."
    q = ru_quote(text, "Водопровод")
    assert (q.text, q.speaker) == ("Водопровод в посёлке заработает к пятнице", "Ефим Кузин")


def test_ru_patterns_there_stands_for_the_last_source() -> None:
    text = "Трасса открыта для движения, сообщили в дорожной службе. Пробок нет, добавили там."
    assert ru_quote(text, "Пробок нет").speaker == ru_quote(text, "Трасса").speaker == "дорожная служба"


def test_ru_patterns_naming_with_a_quoted_word_is_one_statement() -> None:
    q = ru_quote("Министр Олег Сидоркин назвал требования забастовщиков «шантажом».", "шантажом")
    assert (q.text, q.kind, q.speaker) == ("требования забастовщиков «шантажом»", "mixed", "Олег Сидоркин")


def test_ru_patterns_a_name_left_oblique_by_the_tagger_is_put_in_the_nominative() -> None:
    text = ("Суд вынес приговор бывшему директору фабрики «Заря» Степану Крутицкому. Крутицкий уверен, что "
            "дело против него сфабриковано.")
    assert ru_quote(text, "сфабриковано").speaker == "Степан Крутицкий"


def test_ru_patterns_an_aside_after_a_conjunction_starts_a_statement_of_its_own() -> None:
    text = ("Директор рыбзавода Анна Кравец заявила, что цех откроется в марте, но, как уточнила она сама, "
            "первую партию консервов выпустят не раньше лета.")
    quotes = ru_quotes(text)
    assert [q.text for q in quotes] == ["цех откроется в марте", "первую партию консервов выпустят не раньше лета"]
    assert {q.speaker for q in quotes} == {"Анна Кравец"}


def test_ru_patterns_a_conjunction_with_no_aside_stays_inside_the_clause() -> None:
    text = "Директор рыбзавода Анна Кравец заявила, что цех откроется в марте, но сроки могут сдвинуться."
    assert [q.text for q in ru_quotes(text)] == ["цех откроется в марте, но сроки могут сдвинуться"]


def test_ru_patterns_a_verb_after_a_dash_with_no_quotation_before_it_is_no_attribution() -> None:
    assert not ru_quotes("Мост закрыли на ремонт — проголосовали депутаты горсовета.")


def test_ru_patterns_attribution_inside_one_pair_of_guillemets_splits_the_quotation() -> None:
    """«A, — говорит X. — B»: Russian typography sets the author's words inside one pair of marks."""
    q = ru_quote("«Мы чинили этот мост каждую весну двадцать лет, — говорит смотритель Олег Рябов. — И ни разу "
             "нам не дали на это ни рубля».", "чинили")
    assert q.speaker == "Олег Рябов"
    assert [f.text for f in q.fragments] == ["«Мы чинили этот мост каждую весну двадцать лет,",
                                              "И ни разу нам не дали на это ни рубля»"]


def test_ru_patterns_asking_a_question_before_a_colon_attributes_the_quotation() -> None:
    text = "Осипова задаёт вопрос: «Кто заплатит за дорогу для детей — родители?»"
    assert ru_quote(text, "Кто заплатит").speaker == "Осипова"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a headline signed with a title alone: the title the article gives a person named later
        ("«Фестиваль не должен стать ярмаркой» — директор фестиваля\n\nДиректор фестиваля, режиссёр Карина "
         "Лось, считает, что программу нужно сократить.", "Карина Лось"),
        ("«Мы построим новый причал к осени» — Степан Гудков\n\nПричал в посёлке разрушен штормом.", "Степан Гудков"),
    ],
)
def test_ru_patterns_quotation_signed_after_a_dash_names_its_speaker(text: str, speaker: str) -> None:
    assert ru_quotes(text)[0].speaker == speaker


def test_ru_patterns_a_belief_word_after_the_dash_stays_the_cue() -> None:
    q = ru_quote("«Цены на хлеб вырастут к зиме», — уверен фермер Пётр Галкин.", "Цены на хлеб")
    assert (q.speaker, q.cue, q.type) == ("Пётр Галкин", "уверен", "belief")


def test_ru_patterns_as_someone_proposed_inside_a_reported_clause_does_not_take_it_over() -> None:
    """"заявила, что …, а не на 15%, как предлагал регулятор": the "как" phrase sits inside what she said."""
    found = ru_quotes("Министр финансов Ада Корн заявила, что пошлины вырастут на 5%, а не на 12%, как предлагала "
                    "торговая палата.")
    assert [(q.speaker, q.cue) for q in found] == [("Ада Корн", "заявила")]


def test_ru_patterns_swearing_is_speech() -> None:
    q = ru_quote("Весной Гальт клялся, что налоги не тронут ни в этом году, ни в следующем.", "налоги не тронут")
    assert (q.speaker, q.type) == ("Гальт", "speech")


def test_ru_patterns_a_study_shows_that_and_a_passive_participle_is_no_cue() -> None:
    found = ru_quotes("Статья сотрудников Горного института, опубликованная в журнале «Вестник полярной геологии», "
                    "показывает, что ледники тают вдвое быстрее, чем считалось.")
    assert [(q.cue, q.text) for q in found] == [("показывает", "ледники тают вдвое быстрее, чем считалось")]
    assert ru_quotes("Опрос показал рост числа туристов на побережье.") == []


def test_ru_patterns_a_womans_surname_read_as_a_mans_genitive_is_still_the_subject() -> None:
    q = ru_quote("Ильина задаёт вопрос: «Кто оплатит ремонт школы — сами родители?»", "Кто оплатит")
    assert q.speaker == "Ильина"


def test_ru_patterns_a_subject_the_parse_hung_past_the_verb_is_found() -> None:
    q = ru_quote("Доклад сотрудников морского института, представленный на конференции «Арктика и люди», показывает, "
             "что лёд в заливе за последние десять лет стал тоньше на треть.", "лёд в заливе")
    assert q.speaker_mention is not None and q.speaker_mention.text == "Доклад сотрудников морского института"


def test_ru_patterns_denying_a_thing_is_a_stance() -> None:
    q = ru_quote("Генштаб Озерии опроверг эти сведения.", "сведения")
    assert (q.speaker_mention.text if q.speaker_mention else None, q.type) == ("Генштаб Озерии", "stance")
    q = ru_quote("Минобороны опровергло, что удар был нанесён по школе.", "удар был нанесён")
    assert q.type == "speech"


@pytest.mark.parametrize(
    ("text", "containing", "content"),
    [
        # nouns joined by «и» are one object; a noun's infinitive belongs to it
        ("Жюри раскритиковало скучный финал и слабую музыку.", "финал", "скучный финал и слабую музыку"),
        ("Совет ветеранов осудил намерение мэрии снести старый рынок.", "намерение",
         "намерение мэрии снести старый рынок"),
        # a circumstance of the verb after its object is not what the stance is about
        ("Губернатор поддержал инициативу фермеров ещё до начала заседания.", "инициативу", "инициативу фермеров"),
        # a verb of saying with a preposition and no clause: a stance toward what the preposition governs
        ("Пассажиры жалуются на задержки электричек по утрам.", "задержки", "задержки электричек по утрам"),
        ("Депутат возражал против продажи стадиона.", "продажи", "продажи стадиона"),
    ],
)
def test_ru_patterns_a_stance_object_phrase(text: str, containing: str, content: str) -> None:
    q = ru_quote(text, containing)
    assert (q.text, q.type) == (content, "stance")


def test_ru_patterns_a_reported_clause_ends_where_another_attribution_begins() -> None:
    text = ("Директор уверен, что завод выполнит план до декабря, а профсоюз напомнил в заявлении, что рабочим "
            "задерживают зарплату.")
    first, second = ru_quote(text, "завод"), ru_quote(text, "рабочим")
    assert first.text == "завод выполнит план до декабря"
    assert (second.text, second.speaker) == ("рабочим задерживают зарплату", "профсоюз")


@pytest.mark.parametrize("work", ["спектакля", "романа", "выставки", "оперы"])
def test_ru_patterns_a_work_named_in_quotation_marks_is_no_statement(work: str) -> None:
    text = f"В пятницу состоялась премьера {work} «Лето над рекой» молодого автора."
    assert not ru_quotes(text)
