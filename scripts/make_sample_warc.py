"""Build samples/crawl-2026-03.warc.gz: two pages of the sample corpus as a crawler saw them over a week.

- Lidova Vesti's Russian article of 20 March (the original of Andrei Rybakov's statement on the Drevna
  crossings), captured live on 20 March, then answering 410 Gone on 27 March: the page was taken down.
- Kestrel Wire's English report of 21 March, quoting a sentence of the statement and retelling the rest,
  captured on 21 March and again on 24 March with the quoted sentence edited out (the page stays up).

The pages were written for quotetrace (CC0, fiction: see samples/LICENSE.md). The file is the same bytes on
every run (fixed record ids and dates), so it can be committed and checked.

    python scripts/make_sample_warc.py            # writes samples/crawl-2026-03.warc.gz
"""

from __future__ import annotations

import argparse
import io
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
OUT = SAMPLES / "crawl-2026-03.warc.gz"

VESTI_URL = "https://lidova-vesti.example/2026/03/20/rybakov-perepravy"
VESTI = """<!DOCTYPE html>
<html lang="ru">
<head>
<meta charset="utf-8">
<title>Лидовские вести — Рыбаков: переправы через Древну останутся открытыми</title>
<link rel="canonical" href="{url}">
<meta property="article:published_time" content="2026-03-20T09:30:00+01:00">
</head>
<body>
<nav><a href="/">Лидовские вести</a> | <a href="/politika">Политика</a> | <a href="/regiony">Регионы</a></nav>
<article>
<h1>Рыбаков: переправы через Древну останутся открытыми</h1>
<p>ЛИДОВА, 20 марта. Комитет по обороне в пятницу обсудил положение в долине Древны после новых обстрелов
Карска.</p>
<p>«Мы не допустим закрытия переправ через Древну. Гуманитарные конвои будут проходить через Карск каждый
день, и в ближайшие десять дней мы доставим в долину сорок тонн зерна», — заявил глава комитета по обороне
генерал-майор в отставке Андрей Рыбаков.</p>
<p>По его словам, маршруты конвоев согласованы с администрацией Карска.</p>
<p>Мэр Карска Антон Брель поблагодарил комитет и сообщил, что город примет первые машины уже в субботу.</p>
</article>
<footer>© Лидовские вести. Все права защищены.</footer>
</body>
</html>
"""

KESTREL_URL = "https://kestrel-wire.example/2026/03/21/drevna-convoys"
KESTREL_QUOTE = """<p>Rybakov promised that the convoys would keep moving. “Humanitarian convoys will pass through Karsk
every day,” he told Radio Lidova.</p>
"""
KESTREL = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Kestrel Wire — Defence committee pledges to keep Drevna crossings open</title>
<link rel="canonical" href="{url}">
<meta property="article:published_time" content="2026-03-21T07:15:00+00:00">
</head>
<body>
<nav><a href="/">Kestrel Wire</a> | <a href="/world">World</a></nav>
<article>
<h1>Defence committee pledges to keep Drevna crossings open</h1>
<p>LIDOVA — The head of Maravia's defence committee, retired major general Andrei Rybakov, said on Friday
that the river crossings into the Drevna valley would stay open despite the shelling of Karsk.</p>
{quote}<p>Rybakov said the committee would not let the crossings over the Drevna be closed and would deliver forty
tonnes of grain to the valley within ten days.</p>
<p>Aid groups in Karsk said they had not yet been told when the first lorries would arrive.</p>
</article>
<footer>Kestrel Wire · Corrections · Terms</footer>
</body>
</html>
"""

GONE = "<!DOCTYPE html><html><head><title>410 Gone</title></head><body><h1>Gone</h1></body></html>"


def records() -> list[dict[str, object]]:
    """The responses in crawl order: (url, date, status, body, record id)."""
    kestrel_first = KESTREL.format(url=KESTREL_URL, quote=KESTREL_QUOTE)
    kestrel_edited = KESTREL.format(url=KESTREL_URL, quote="")
    return [
        {"url": VESTI_URL, "date": "2026-03-20T10:00:00Z", "status": 200, "body": VESTI.format(url=VESTI_URL)},
        {"url": KESTREL_URL, "date": "2026-03-21T08:00:00Z", "status": 200, "body": kestrel_first},
        {"url": KESTREL_URL, "date": "2026-03-24T08:00:00Z", "status": 200, "body": kestrel_edited},
        {"url": VESTI_URL, "date": "2026-03-27T10:00:00Z", "status": 410, "body": GONE},
    ]


def write(path: Path) -> None:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)  # a gzip member per record (zlib writes no time in its header)
    for number, record in enumerate(records(), start=1):
        status = int(str(record["status"]))
        reason = {200: "OK", 410: "Gone"}[status]
        http = StatusAndHeaders(f"{status} {reason}", [("Content-Type", "text/html; charset=utf-8")],
                                protocol="HTTP/1.1")
        body = str(record["body"]).encode("utf-8")
        warc_headers = {"WARC-Record-ID": f"<urn:uuid:00000000-0000-4000-8000-{number:012d}>",
                        "WARC-Date": str(record["date"])}
        written = writer.create_warc_record(str(record["url"]), "response", payload=io.BytesIO(body),
                                            http_headers=http, warc_headers_dict=warc_headers)
        writer.write_record(written)
    path.write_bytes(buffer.getvalue())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    write(args.out)
    print(f"{len(records())} responses -> {args.out}")


if __name__ == "__main__":
    main()
