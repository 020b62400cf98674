"""Write tests/fixtures/gate/articles.jsonl: short fictional articles annotated for the quality gate.

The articles were written for quotetrace (no real article is copied). Annotation follows PolNeAR's
conventions: the quote span is the content only (no cue, no speaker); direct quotes include their quote
marks and the punctuation inside them; a quote split by its attribution, or running over paragraphs, is
several fragments of one attribution; no nesting. Unlike PolNeAR, ``speaker`` is the *resolved* name ("Jane
Smith" where the text says "she"), with no aliases, so the gate measures resolution too.

Run once after editing the articles below: ``python benchmarks/make_gate_fixtures.py``. Offsets are found
with ``str.find`` in text order and checked before anything is written.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "gate" / "articles.jsonl"


@dataclass(frozen=True)
class Q:
    """One fragment; fragments with the same ``group`` (within an article) are one attribution."""

    quote: str
    speaker: str
    kind: str
    cue: str
    group: str = ""


@dataclass(frozen=True)
class Article:
    id: str
    text: str
    quotes: list[Q]
    negatives: list[str] = field(default_factory=list)


ARTICLES = [
    Article(
        "gate-01-ceasefire",
        "Border talks stall as shelling resumes near Karsk\n\n"
        "The former foreign minister Jane Smith warned on Tuesday that the ceasefire around Karsk would not "
        "survive the winter.\n\n"
        "“Nobody in this room believes the guns will stay quiet,” Smith told reporters in the capital. "
        "“We have seen this before, and every time the villages paid for it.”\n\n"
        "Critics of the so-called “peace plan” gathered outside parliament on Monday.\n\n"
        "She said the truce offered nothing to the families who had fled.\n\n"
        "The former minister also complains that the government has ignored the advice of its own "
        "generals.\n\n"
        "A spokesman for the defence ministry rejected the criticism. "
        "“The front is stable and our positions are secure,” he said.",
        [
            Q("the ceasefire around Karsk would not survive the winter", "Jane Smith", "indirect", "warned"),
            Q("“Nobody in this room believes the guns will stay quiet,”",
              "Jane Smith", "direct", "told", "a"),
            Q("“We have seen this before, and every time the villages paid for it.”", "Jane Smith", "direct",
              "told", "a"),
            Q("the truce offered nothing to the families who had fled", "Jane Smith", "indirect", "said"),
            Q("the government has ignored the advice of its own generals", "Jane Smith", "indirect",
              "complains"),
            Q("“The front is stable and our positions are secure,”", "A spokesman for the defence ministry",
              "direct", "said"),
        ],
        ["“peace plan”"],
    ),
    Article(
        "gate-02-convoy",
        "Mayor questions relief convoy delays\n\n"
        "Relief convoys bound for Dunmere have waited at the checkpoint for nine days, local officials said "
        "on Friday.\n\n"
        "Mayor Tomas Reiner put the question bluntly: \"How many more children must go without bread before "
        "someone signs the papers?\"\n\n"
        "Reiner said the city had received two trucks in a month.\n\n"
        "In a statement read to the council, he added:\n\n"
        "\"We do not ask for charity. We ask for the road to be opened, as was promised in March.\n\n"
        "\"If the road stays closed, the hospital will run out of fuel within the week.\"\n\n"
        "The interior ministry said it was reviewing the convoy permits.",
        [
            Q("Relief convoys bound for Dunmere have waited at the checkpoint for nine days",
              "local officials",
              "indirect", "said"),
            Q("\"How many more children must go without bread before someone signs the papers?\"",
              "Tomas Reiner", "direct", "put the question bluntly:"),
            Q("the city had received two trucks in a month", "Tomas Reiner", "indirect", "said"),
            Q("\"We do not ask for charity. We ask for the road to be opened, as was promised in March.",
              "Tomas Reiner", "direct", "added:", "a"),
            Q("\"If the road stays closed, the hospital will run out of fuel within the week.\"",
              "Tomas Reiner", "direct", "added:", "a"),
            Q("it was reviewing the convoy permits", "The interior ministry", "indirect", "said"),
        ],
    ),
    Article(
        "gate-03-missiles",
        "Paris and Berlin trade accusations over arms shipments\n\n"
        "Paris claims Berlin is planning to send long-range missiles to the eastern front without consulting "
        "its allies.\n\n"
        "A German government spokeswoman, Katrin Vogel, replied: «No such decision has been taken, and none "
        "is being prepared.»\n\n"
        "“When the minister says ‘we are ready to deliver’, he is talking about helmets, not missiles,” "
        "Vogel said.\n\n"
        "The foreign ministry in Paris said it was sending a diplomatic note to Berlin on Thursday.",
        [
            Q("Berlin is planning to send long-range missiles to the eastern front without consulting its "
              "allies", "Paris", "indirect", "claims"),
            Q("«No such decision has been taken, and none is being prepared.»", "Katrin Vogel", "direct",
              "replied:"),
            Q("“When the minister says ‘we are ready to deliver’, he is talking about helmets, "
              "not missiles,”",
              "Katrin Vogel", "direct", "said"),
            Q("it was sending a diplomatic note to Berlin on Thursday", "The foreign ministry in Paris",
              "indirect", "said"),
        ],
    ),
    Article(
        "gate-04-pensions",
        "Veterans demand answers on missing pensions\n\n"
        "„The state made a promise to every soldier who came home, and it has broken that promise,“ said "
        "Maria Kessler, chairwoman of the veterans' association.\n\n"
        "The payments stopped in January because the ministry changed its software, she argues.\n\n"
        "Pensions for widows were cut first, Kessler continues.\n\n"
        "A senior official at the finance ministry, who asked not to be named, said the backlog would be "
        "cleared by the summer.",
        [
            Q("„The state made a promise to every soldier who came home, and it has broken that promise,“",
              "Maria Kessler", "direct", "said"),
            Q("The payments stopped in January because the ministry changed its software", "Maria Kessler",
              "indirect", "argues"),
            Q("Pensions for widows were cut first", "Maria Kessler", "indirect", "continues"),
            Q("the backlog would be cleared by the summer", "A senior official at the finance ministry",
              "indirect", "said"),
        ],
    ),
    Article(
        "gate-05-evacuation",
        "Evacuation of river towns begins\n\n"
        "According to officials, more than four thousand people left the river towns overnight.\n\n"
        "Governor Alan Brooks raised the possibility that the bridge at Lenzo would be closed to civilian "
        "traffic.\n\n"
        "Many people in the region believe that the army has already abandoned the western bank.\n\n"
        "Brooks denied it. “Not one soldier has left his post,” he said in a radio interview.",
        [
            Q("more than four thousand people left the river towns overnight", "officials", "indirect",
              "According to"),
            Q("the bridge at Lenzo would be closed to civilian traffic", "Alan Brooks", "indirect",
              "raised the possibility that"),
            Q("the army has already abandoned the western bank", "Many people in the region", "indirect",
              "believe"),
            Q("“Not one soldier has left his post,”", "Alan Brooks", "direct", "said"),
        ],
    ),
    Article(
        "gate-06-letter",
        "Ambassadors sign joint letter on detained journalists\n\n"
        "Twelve ambassadors sent a letter addressed to “the Members of the Security Council.”\n\n"
        "The letter says that the detention of the four reporters violates the agreement signed in "
        "Geneva.\n\n"
        "“We call for their immediate release and for access by independent doctors,” the letter reads.\n\n"
        "In a statement, the Ministry of Justice said the reporters were being held on suspicion of "
        "espionage.",
        [
            Q("the detention of the four reporters violates the agreement signed in Geneva", "The letter",
              "indirect", "says"),
            Q("“We call for their immediate release and for access by independent doctors,”", "the letter",
              "direct", "reads"),
            Q("the reporters were being held on suspicion of espionage", "the Ministry of Justice",
              "indirect", "said"),
        ],
        ["“the Members of the Security Council.”"],
    ),
    Article(
        "gate-07-budget",
        "Advertisement\n\n"
        "Opposition vows to fight budget cuts\n\n"
        "By Staff Reporter\n\n"
        "Opposition leader Elena Marsh said the new budget was “a war on pensioners dressed up as "
        "prudence”.\n\n"
        "Marsh, who leads the Social Union, warned that her party would vote against every spending bill "
        "until the cuts were reversed.\n\n"
        "“This government has chosen tanks over teachers,” she told a rally in Orvay on Saturday.\n\n"
        "Share this article\n\n"
        "Read more: Parliament to debate conscription law",
        [
            Q("the new budget was “a war on pensioners dressed up as prudence”",
              "Elena Marsh", "mixed", "said"),
            Q("her party would vote against every spending bill until the cuts were reversed", "Elena Marsh",
              "indirect", "warned"),
            Q("“This government has chosen tanks over teachers,”", "Elena Marsh", "direct", "told"),
        ],
        ["Advertisement", "By Staff Reporter", "Share this article",
         "Read more: Parliament to debate conscription law"],
    ),
    Article(
        "gate-08-red-cross",
        "Red Cross to expand field hospitals\n\n"
        "The International Red Cross said it was sending three more surgical teams to the northern "
        "provinces.\n\n"
        "The organisation said its staff had treated more than 900 wounded civilians since the offensive "
        "began.\n\n"
        "Its regional director, Samuel Okafor, described the situation in stark terms: “Our surgeons are "
        "working twenty hours a day, and still the queue grows.”\n\n"
        "Okafor told journalists that the teams would need armed escorts to reach the towns near the front.",
        [
            Q("it was sending three more surgical teams to the northern provinces",
              "The International Red Cross",
              "indirect", "said"),
            Q("its staff had treated more than 900 wounded civilians since the offensive began",
              "The International Red Cross", "indirect", "said"),
            Q("“Our surgeons are working twenty hours a day, and still the queue grows.”", "Samuel Okafor",
              "direct", "described the situation in stark terms:"),
            Q("the teams would need armed escorts to reach the towns near the front", "Samuel Okafor",
              "indirect", "told"),
        ],
    ),
    Article(
        "gate-09-diplomats",
        "Diplomats doubt new ceasefire will hold\n\n"
        "A senior Western diplomat said on Wednesday that the agreement was “a ceasefire on paper only” and "
        "that heavy artillery had not been withdrawn.\n\n"
        "“Who will verify the withdrawal? Nobody has been given access,” the diplomat asked.\n\n"
        "General Viktor Halen insisted that his troops had pulled back twenty kilometres, as the accord "
        "required.\n\n"
        "Halen said the accusations were “slander from people who have never been to the front”.",
        [
            Q("the agreement was “a ceasefire on paper only” and that heavy artillery had not been withdrawn",
              "A senior Western diplomat", "mixed", "said"),
            Q("“Who will verify the withdrawal? Nobody has been given access,”", "A senior Western diplomat",
              "direct", "asked"),
            Q("his troops had pulled back twenty kilometres, as the accord required", "Viktor Halen",
              "indirect", "insisted"),
            Q("the accusations were “slander from people who have never been to the front”", "Viktor Halen",
              "mixed", "said"),
        ],
    ),
    Article(
        "gate-10-harvest",
        "Farmers warn of lost harvest\n\n"
        "“If the fields are not cleared of mines by April,” said Petra Lind, who heads the growers' "
        "cooperative in Osten, “we will lose a second harvest.”\n\n"
        "Lind said that insurers had refused to cover land within ten kilometres of the front.\n\n"
        "The agriculture ministry said it had hired two demining companies and expected the first fields to "
        "be cleared in March.\n\n"
        "Farmers are sceptical. “We have heard about these companies since last autumn,” said one grower, "
        "who gave only his first name, Jonas.",
        [
            Q("“If the fields are not cleared of mines by April,”", "Petra Lind", "direct", "said", "a"),
            Q("“we will lose a second harvest.”", "Petra Lind", "direct", "said", "a"),
            Q("insurers had refused to cover land within ten kilometres of the front", "Petra Lind",
              "indirect", "said"),
            Q("it had hired two demining companies and expected the first fields to be cleared in March",
              "The agriculture ministry", "indirect", "said"),
            Q("“We have heard about these companies since last autumn,”",
              "Jonas, a grower", "direct", "said"),
        ],
    ),
    Article(
        "gate-11-insulin",
        "Health minister warns of winter shortages\n\n"
        "Health Minister Ana Ruiz warns that hospitals in the east could run out of insulin before the end "
        "of the year.\n\n"
        "Supplies were held up at the border for three weeks, she told reporters on Monday, and only part "
        "of the shipment arrived.\n\n"
        "The ministry said a second shipment had been ordered from a supplier in the south.\n\n"
        "Dr Hannah Weiss, who runs the regional clinic in Veldt, said the shortages had already begun. "
        "“We are rationing doses now, not in December,” Weiss said.",
        [
            Q("hospitals in the east could run out of insulin before the end of the year", "Ana Ruiz",
              "indirect", "warns"),
            Q("Supplies were held up at the border for three weeks", "Ana Ruiz", "indirect", "told", "a"),
            Q("only part of the shipment arrived", "Ana Ruiz", "indirect", "told", "a"),
            Q("a second shipment had been ordered from a supplier in the south", "The health ministry",
              "indirect", "said"),
            Q("the shortages had already begun", "Hannah Weiss", "indirect", "said"),
            Q("“We are rationing doses now, not in December,”", "Hannah Weiss", "direct", "said"),
        ],
    ),
    Article(
        "gate-12-poll",
        "Poll shows growing support for talks\n\n"
        "A survey by the Centre for Civic Studies shows that a majority of voters now favour negotiations "
        "with the rebels.\n\n"
        "The centre found that sixty-one percent of respondents want the war to end at the negotiating "
        "table.\n\n"
        "Opposition parties have formed a “peace caucus” in parliament.\n\n"
        "Defence Minister Piotr Adamczyk was unmoved. “Polls do not win wars,” he said.\n\n"
        "Talks would only reward aggression, Adamczyk continues, and the army will keep its positions.\n\n"
        "The minister also complains that foreign newspapers have exaggerated the losses.",
        [
            Q("a majority of voters now favour negotiations with the rebels",
              "A survey by the Centre for Civic Studies", "indirect", "shows"),
            Q("sixty-one percent of respondents want the war to end at the negotiating table",
              "the Centre for Civic Studies", "indirect", "found"),
            Q("“Polls do not win wars,”", "Piotr Adamczyk", "direct", "said"),
            Q("Talks would only reward aggression", "Piotr Adamczyk", "indirect", "continues", "a"),
            Q("the army will keep its positions", "Piotr Adamczyk", "indirect", "continues", "a"),
            Q("foreign newspapers have exaggerated the losses", "Piotr Adamczyk", "indirect", "complains"),
        ],
        ["“peace caucus”"],
    ),
    Article(
        "gate-13-prison",
        "Rebel commander issues statement after prison attack\n\n"
        "A statement posted by the rebel command on Sunday claimed that its fighters had freed more than two "
        "hundred prisoners from the Halvik jail.\n\n"
        "The statement, signed by commander Ilya Dorn, described the operation as “a rescue, not an "
        "attack”.\n\n"
        "“Those men were held without trial for two years. Some of them were beaten every week.\n\n"
        "“We will not apologise for opening those doors,” Dorn wrote.\n\n"
        "The justice ministry said the escaped prisoners included convicted murderers.",
        [
            Q("its fighters had freed more than two hundred prisoners from the Halvik jail",
              "A statement posted by the rebel command", "indirect", "claimed"),
            Q("the operation as “a rescue, not an attack”", "The statement, signed by commander Ilya Dorn",
              "mixed", "described"),
            Q("“Those men were held without trial for two years. Some of them were beaten every week.",
              "Ilya Dorn", "direct", "wrote", "a"),
            Q("“We will not apologise for opening those doors,”", "Ilya Dorn", "direct", "wrote", "a"),
            Q("the escaped prisoners included convicted murderers",
              "The justice ministry", "indirect", "said"),
        ],
    ),
    Article(
        "gate-14-ex-minister",
        "Ex-minister says army was unprepared\n\n"
        "In an interview with the Northern Herald, former defence minister Robert Hale said the army had "
        "entered the war with half of its tanks out of service.\n\n"
        "Asked whether he bore any responsibility, Hale paused. “Did I warn them? Yes. Did they listen? No,” "
        "he said.\n\n"
        "Hale, who resigned in 2021, said his successors had “buried every report that made them "
        "uncomfortable”.\n\n"
        "Critics say Hale is rewriting history. His former deputy, Lena Strand, said he had signed the very "
        "budgets he now condemns.",
        [
            Q("the army had entered the war with half of its tanks out of service", "Robert Hale", "indirect",
              "said"),
            Q("“Did I warn them? Yes. Did they listen? No,”", "Robert Hale", "direct", "said"),
            Q("his successors had “buried every report that made them uncomfortable”", "Robert Hale", "mixed",
              "said"),
            Q("Hale is rewriting history", "Critics", "indirect", "say"),
            Q("he had signed the very budgets he now condemns", "Lena Strand", "indirect", "said"),
        ],
    ),
]


def record_of(article: Article) -> dict[str, Any]:
    """The PolNeAR-style record, with offsets found in text order and checked."""
    text, cursor = article.text, 0
    ids: dict[str, str] = {}  # group -> attribution id
    quotes: list[dict[str, Any]] = []
    for q in article.quotes:
        start = text.find(q.quote, cursor)
        if start < 0:
            raise ValueError(f"{article.id}: not found after {cursor}: {q.quote!r}")
        end = cursor = start + len(q.quote)
        assert text[start:end] == q.quote
        attribution_id = ids.get(q.group) or f"E{len({x['attribution_id'] for x in quotes}) + 1}"
        if q.group:
            ids[q.group] = attribution_id
        quotes.append({"quote": q.quote, "start": start, "end": end, "speaker": q.speaker,
                       "speaker_aliases": [], "kind": q.kind, "attribution_id": attribution_id, "cue": q.cue})
    for negative in article.negatives:
        if negative not in text:
            raise ValueError(f"{article.id}: negative not in text: {negative!r}")
    _number_fragments(quotes)
    return {"id": article.id, "text": text, "quotes": quotes, "negatives": article.negatives,
            "source": "written for quotetrace (fictional)"}


def _number_fragments(quotes: list[dict[str, Any]]) -> None:
    counts: dict[str, int] = {}
    for q in quotes:
        q["fragment_index"] = counts.get(q["attribution_id"], 0)
        counts[q["attribution_id"]] = q["fragment_index"] + 1
    for q in quotes:
        q["n_fragments"] = counts[q["attribution_id"]]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    records = [record_of(a) for a in ARTICLES]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    units = sum(len({q["attribution_id"] for q in r["quotes"]}) for r in records)
    print(f"wrote {len(records)} articles, {units} attributions to {args.out}")


if __name__ == "__main__":
    main()
