"""Property tests for the Russian path: on any text it never raises, and every span it reports (a quote, its
pieces, its speaker mention, its channel) slices the text exactly."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from quotetrace.model import ACT_TYPES, QUOTE_KINDS, TextSpan
from quotetrace.ru import extract_russian
from quotetrace.settings import Settings

# Text built from what troubles the Russian rules: marks, dashes opening lines, colons, cue words, names.
pieces = st.sampled_from(
    ["«", "»", "„", "“", " ", "\n", "\n— ", ",", ".", ":", " — ", "–", ";", "(", ")", " заявил", " сказала",
     " по словам", " по его мнению", " как сообщил", " считает, что", " со ссылкой на", " передаёт", " агентство",
     " Иван Петров", " Петрова", " она", " они", " там", " Об этом", " пообещал", " осудил", " решение",
     " министр обороны", " которую", " назвал", " уверен", " Мы не уйдём", " выступил против", "Глава МИД:",
     # interviews: labels, dash dialogues of questions and answers, a byline
     "\nКорреспондент: ", "\nПетров: ", "\n— Почему?", "?", "\nБеседовала Анна Лосева\n", " мы поговорили с"]
)
russian_text = st.lists(pieces | st.text(alphabet="абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГД .,—«»:", max_size=8),
                        max_size=40).map("".join)


def _slices(text: str, span: TextSpan | None) -> bool:
    return span is None or (0 <= span.start <= span.end <= len(text) and text[span.start : span.end] == span.text)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=120), russian_text))
@example(" \n ")  # a line of spaces: natasha's parser used to fail on the empty sentence
@example('\U00017000/"0')  # a character Python names not (Tangut): pymorphy's shape guess used to raise
def test_ru_extract_never_raises_and_every_span_slices_the_text(text: str) -> None:
    quotes, mentions = extract_russian(text, Settings(language="ru"))
    for q in quotes:
        assert 0 <= q.start < q.end <= len(text) and text[q.start : q.end] == q.text
        assert q.kind in QUOTE_KINDS and q.type in ACT_TYPES and 0.0 <= q.confidence <= 1.0
        assert all(_slices(text, piece) and q.start <= piece.start < piece.end <= q.end for piece in q.fragments)
        assert _slices(text, q.speaker_mention) and _slices(text, q.via)
    assert all(text[m.start : m.end] == m.text for m in mentions)
