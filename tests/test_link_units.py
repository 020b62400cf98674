"""How two quotes match part by part (link/units.py): what the veto is given to compare."""

from __future__ import annotations

import numpy as np

from quotetrace.link.units import Embedded, best_pair, units
from quotetrace.link.veto import disagreement

# A two-sentence original, and an echo that retells its second sentence in two pieces, each too short alone to
# stand for that sentence: the negation is in one piece, the other piece is plain.
ORIGINAL = ("The ferry to Varna starts again on 2 June. Villagers will not need a permit for trips across the "
            "border of up to five days.")
ECHO = "Villagers will need no permit at all, if their trips across the border last up to five days"
FERRY, PERMIT = np.array([1.0, 0.0]), np.array([0.0, 1.0])


def _embedded(text: str, topic: dict[str, np.ndarray]) -> Embedded:
    """Each unit of ``text`` embedded as the topic its words are about (what USE would give, idealised)."""
    parts = units(text, pieces=True)
    rows = [sum((vector for word, vector in topic.items() if word in part), np.full(2, 0.01)) for part in parts]
    return parts, np.array([row / np.linalg.norm(row) for row in rows], dtype=np.float16)


def test_units_the_pieces_that_match_one_part_are_compared_with_it_together() -> None:
    topic = {"ferry": FERRY, "Villagers": PERMIT, "trips": PERMIT}
    match = best_pair(_embedded(ORIGINAL, topic), _embedded(ECHO, topic))
    # the sentence is held against both pieces at once, never against the plain piece alone
    sentence = "Villagers will not need a permit for trips across the border of up to five days."
    assert (sentence, ECHO) in match.pairs
    assert not any(echo == "if their trips across the border last up to five days" for _, echo in match.pairs)
    assert disagreement(ORIGINAL, ECHO, match=match) is None


def test_units_the_part_carrying_a_whole_quote_covers_its_names_in_either_script() -> None:
    original = ("«Мы не признаём итоги в Дорне. Наши наблюдатели нашли вбросы на 12 участках, и завтра мы подаём иск "
                "в суд»")
    echo = ("“We reject the Dorna result. Our observers found ballot stuffing at 12 polling stations, and tomorrow "
            "we are filing a lawsuit with the court”")
    # the second sentence scores about as well as the whole and is closest in length to the original, but the
    # whole carries Dorna too («в Дорне»): the original is held against the whole
    topic = {"итоги": 0.1 * FERRY, "result": 0.1 * FERRY, "12": PERMIT}
    match = best_pair(_embedded(original, topic), _embedded(echo, topic))
    assert match.pairs[0] == (original.strip("«»"), echo.strip("“”"))


def test_units_the_whole_is_carried_by_every_part_that_carries_one_of_its_pieces() -> None:
    original = "“The exercise will bring 2,500 troops to the bay in August. It is not aimed at anyone.”"
    echo = ("He said 2,500 troops of both countries would take part in the August exercise in the bay, and stressed "
            "that it was aimed at no one")
    # the first clause of the echo carries the first sentence best; its last clause carries the second
    topic = {"troops": FERRY, "aimed": PERMIT}
    match = best_pair(_embedded(original, topic), _embedded(echo, topic))
    whole, carrier = match.pairs[0]
    assert whole == original.strip("“”") and "aimed at no one" in carrier and "2,500" in carrier
