"""Every pattern that says what a captured response shows, in one place (as ``lexicon.py`` is for quotes): HTTP
statuses, redirect targets, and the wording of not-found pages, removal notices, bot walls and geo-blocks, in
English and Russian. ``ingest/capture_state.py`` applies them.

Each phrase list is a list of regular expressions (case ignored, spaces flexible) over a page's title and
short main text. They were written as patterns of how such pages address a reader (the page speaks of itself:
"this page", "the article you requested", "we couldn't find", "вы ищете"), calibrated as a set on texts
written for ``tests/test_capture_state.py`` (several phrasings a kind, with negatives: articles that *report*
a removal or are *about* captchas); the held-out texts in ``tests/fixtures/liveness/heldout.jsonl`` were
written afterwards and never tuned on. Don't tune one list in isolation. Texts are matched with ё read as е and
’ as ', so the patterns are written that way.
"""

from __future__ import annotations

# -- HTTP ----------------------------------------------------------------------------------------------------

# The page is gone: 404 Not Found, 410 Gone, 451 Unavailable For Legal Reasons (a removal with reason legal).
GONE_STATUSES = frozenset({404, 410, 451})
LEGAL_STATUSES = frozenset({451})
# Access refused to the crawler, which says nothing of the page: 401/407 (log in), 402 (pay), 403 (forbidden,
# often a bot wall), 429 (too many requests).
BLOCKED_STATUSES = frozenset({401, 402, 403, 407, 429})
# The server or the road to it failed: 5xx (and Cloudflare's 52x), 408 request timeout. One failure between
# live captures is an outage, never a removal.
TIMEOUT_STATUSES = frozenset({408, 504, 522, 524})

# -- redirects -------------------------------------------------------------------------------------------------

# A redirect whose target path (slashes stripped, case folded) is one of these is to a front page.
FRONT_PAGE_PATHS = frozenset({
    "", "index", "index.html", "index.htm", "index.php", "home", "main", "default.aspx",
    "en", "ru", "uk", "news", "novosti", "glavnaya",
})
# A redirect whose target has a path segment (its extension dropped) like this is to a removal or error page.
REMOVAL_PATH_SEGMENT = (
    r"^(?:page[-_]?)?(?:not[-_]?found|404|410|error|errors|removed|deleted|gone|unavailable|takedown|udalen[oa]?"
    r"|net[-_]stranicy)$"
)
# A redirect to a path segment or host like this is a wall, not a removal: log-in, consent and challenge pages.
WALL_PATH_SEGMENT = r"^(?:login|log-in|signin|sign-in|auth|consent|captcha|challenge|subscribe|paywall|cdn-cgi)$"
WALL_HOST_PREFIXES = ("consent.", "login.", "auth.", "accounts.", "captcha.")

# -- what a page says of itself -----------------------------------------------------------------------------------

# Not found (a soft 404 when the status says 200).
NOT_FOUND = (
    # English
    r"\bpage not found\b", r"\b(?:error 404|404 error|404 not found|404 page)\b",
    r"\bnothing (?:was |could be )?found\b",
    r"\b(?:the )?(?:page|article|story|content|link|url|item) you (?:are|were|'re) (?:looking|searching) for\b",
    r"\b(?:the )?(?:page|article|story|content|link|url|address) you (?:requested|followed|tried|entered)\b",
    r"\bwe (?:couldn'?t|could not|can'?t|cannot|were unable to) (?:find|locate)\b",
    r"\b(?:this|that|the|requested) (?:page|article|story|url|post) (?:does not|doesn'?t|no longer|did not) exists?\b",
    r"\b(?:it|the page|the article|this page) (?:may|might|could) have been (?:moved|removed|deleted|renamed)\b",
    # Russian
    r"\bстраница не найдена\b", r"\b(?:ошибка|error) 404\b",
    r"\b(?:запрашиваем|запрошенн|искомая|эта|данная|такая)\w* (?:страниц|статья|материал|публикаци)\w*"
    r" не (?:найден|существует)",
    r"\bтакой страницы (?:нет|не существует)\b", r"\bстраниц\w*,? (?:которую|что) вы (?:ищете|искали|запросили)",
    r"\bмы не (?:смогли|можем|нашли)\b", r"\bне удалось найти\b",
    r"\b(?:материал|статья|страница|публикация|новость|запись) не найден",
    r"\bничего не найдено\b",
    r"\bвозможно,? (?:она|он|страница|материал|статья) (?:был\w* )?(?:удален|перемещен)",
)
# A title (or a segment of it between " | ", " — " ...) that is only this is a not-found or error page.
TITLE_ONLY = (r"^(?:error )?404(?: error)?$", r"^not found$", r"^access denied$", r"^forbidden$", r"^ошибка(?: 404)?$")

# A removal notice: the page says its content was taken away.
REMOVED = (
    # English
    r"\b(?:this|the) (?:article|page|story|post|content|statement|item|video|material|publication)\b[^.]{0,40}?"
    r"\b(?:has been|have been|was|is|had been) (?:permanently |temporarily )?"
    r"(?:removed|deleted|taken down|withdrawn|unpublished|retracted|disabled)\b",
    r"\bno longer (?:available|accessible|online|published)\b",
    r"\b(?:content|page|article|story) (?:is )?(?:currently )?unavailable\b",
    r"\b(?:removed|taken down|withdrawn|deleted) (?:at the request|following a (?:request|complaint|court)"
    r"|on the orders?|by order|in accordance with|due to (?:a )?(?:legal|court))\b",
    # Russian
    r"\b(?:этот |эта |данный |данная )?(?:материал|статья|публикация|новость|запись|страница|видео|пост|текст)\w*"
    r" (?:был\w* )?(?:удален\w*|снят\w* с публикации|скрыт\w*|заблокирован\w*)",
    r"\b(?:удален\w*|снят\w* с публикации) по (?:требованию|решению|просьбе|предписанию)",
    r"\bбольше не ?доступ\w*", r"\b(?:материал|контент|страница|статья) (?:временно )?недоступ\w*",
)

# Why it was removed: the law (a court, a regulator, a prosecutor) — a removal with reason ``legal``.
LEGAL = (
    r"\bcourt (?:order|decision|ruling)\b", r"\blegal (?:request|reasons?|demand|order|requirements?|notice)\b",
    r"\bin accordance with (?:the )?(?:law|legislation|regulations?)\b", r"\bregulator\b", r"\bprosecutor",
    r"\bdmca\b", r"\bcopyright (?:claim|complaint|notice)\b", r"\broskomnadzor\b",
    r"\bроскомнадзор", r"\bгенпрокуратур", r"\bпрокуратур", r"\bпо решению суда\b", r"\bсудебн\w+ решени",
    r"\bфедеральн\w+ закон", r"\b\d+-фз\b", r"\bв соответствии с (?:требовани|законодательств|закон)",
    r"\bво исполнение\b", r"\bпредписани",
)

# A bot wall or captcha: the crawler was asked to prove it is a person.
BOT_WALL = (
    # English
    r"\bverify(?:ing)? (?:that )?you(?:'re| are) (?:a )?human\b", r"\bverify you(?:'re| are) not a (?:ro)?bot\b",
    r"\b(?:are you a robot|i'?m not a robot|not a robot)\b", r"\bprove (?:that )?you(?:'re| are) (?:a )?human\b",
    r"\bmake sure you(?:'re| are) (?:a )?(?:human|not a (?:ro)?bot)\b",
    r"\bchecking (?:your browser|if the site connection is secure)\b", r"^just a moment\b",
    r"\benable javascript and cookies to continue\b", r"\bcomplete the (?:security check|captcha)\b",
    r"\bsecurity check to access\b", r"\bpress (?:and|&) hold\b", r"\bunusual traffic from your\b",
    r"\bddos protection by\b", r"\battention required\b", r"\bpardon our interruption\b",
    r"\bincapsula incident\b", r"\b(?:we believe|suspect) you are using automation tools\b",
    r"\bplease (?:solve|complete) (?:the|this) (?:captcha|puzzle|challenge)\b",
    r"\bthis may take a few seconds\b", r"\bperformance (?:&|and) security by cloudflare\b",
    # Russian
    r"\bвы не робот\b", r"\b(?:подтвердите|докажите),? что вы (?:не робот|человек)\b",
    r"\bпроверк\w* (?:вашего )?браузера\b", r"\bпроверяем,? (?:что вы не робот|ваш браузер|браузер)\b",
    r"\bвведите (?:символы|код|текст) с (?:картинки|изображения)\b",
    r"\b(?:подозрительн|необычн|автоматическ)\w* (?:активност|запрос|трафик)\w* с вашего",
    r"\bзапросы,? поступившие с вашего ip", r"\bзащита от ddos\b",
)

# A geo-block: the page (or a network operator) refuses this country or region.
GEO_BLOCK = (
    # English
    r"\b(?:not|isn'?t|is not) available (?:in|from|to users in) your (?:country|region|location|area|territory)\b",
    r"\bunavailable in your (?:country|region|location|area)\b",
    r"\bunable to (?:serve|provide|show) (?:content|this|you)\b[^.]{0,60}\b(?:country|region|eea|european)\b",
    r"\b(?:not available|unavailable) in the (?:eea|european union|eu)\b",
    # Russian (a site's own block, or an operator's "доступ к ресурсу ограничен")
    r"\bдоступ (?:к (?:ресурсу|сайту|странице|материалу|информационному ресурсу) )?ограничен\b",
    r"\bнедоступ\w* (?:в вашем (?:регионе|стране)|в вашей стране|на территории)",
    r"\bресурс заблокирован\b", r"\bограничен\w* доступ\w* (?:к|на территории)",
)

# How a page speaks to its reader (apologies, navigation): a not-found page does; an article rarely.
READER_ADDRESS = (
    r"\bsorry\b", r"\bwe apologi[sz]e\b", r"\bplease\b", r"\btry (?:again|searching|our search|the search)\b",
    r"\bhome ?page\b", r"\bgo back\b", r"\breturn to\b", r"\bback to\b", r"\bsearch (?:our|the) (?:site|archive)\b",
    r"\boops\b", r"\b(?:mistyped|misspelled)\b", r"\bcheck the (?:url|address|spelling|link)\b", r"\bbroken link\b",
    r"\bпроверьте (?:правильность )?(?:адрес|ссылк|написани)", r"\bнеправильно (?:набран|указан|введ)",
    r"\bизвините\b", r"\bпросим прощения\b", r"\bпожалуйста\b", r"\bпопробуйте\b", r"\bна главную\b",
    r"\bглавн\w+ страниц", r"\bвоспользуйтесь (?:поиском|поиск)", r"\bвернитесь\b", r"\bперейдите\b",
)

# How an article reports (speech verbs, attributions): a page that says this about a removal is news, not a notice.
REPORTING = (
    r"\b(?:said|says|told|reported|reports|announced|wrote|stated|confirmed|according to|claimed|added)\b",
    r"\b(?:заявил\w*|сообщил\w*|сказал\w*|рассказал\w*|отметил\w*|написал\w*|подтвердил\w*|пояснил\w*)\b",
    r"\bпо (?:словам|данным|информации)\b", r"\bкак (?:сообщает|пишет|передает|передает)\b",
)

# A page of this many characters of main text or fewer can be a notice or a wall; a longer one is an article
# (calibrated on the texts above: notices with site furniture reach ~700 characters, the shortest briefs that
# report a removal ~250, which is why the reporting words, not the length alone, keep those apart).
MAX_NOTICE_CHARS = 1200

# -- what a response is -------------------------------------------------------------------------------------------

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
# Responses that are page furniture, not pages: never a document, never listed by ``pages`` and never warned
# about one by one (a crawl holds thousands).
ASSET_TYPE_PREFIXES = ("image/", "font/", "audio/", "video/")
ASSET_TYPES = frozenset({
    "text/css", "text/javascript", "application/javascript", "application/x-javascript", "application/json",
    "application/ld+json", "application/manifest+json", "application/rss+xml", "application/atom+xml",
    "application/xml", "text/xml", "application/font-woff", "application/font-woff2", "application/wasm",
    "application/octet-stream",
})
# URL path endings of furniture (for error responses, whose content type describes the error page).
ASSET_SUFFIXES = (
    ".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".ico", ".bmp", ".avif", ".css", ".js", ".mjs", ".map",
    ".json", ".xml", ".rss", ".atom", ".woff", ".woff2", ".ttf", ".otf", ".eot", ".mp4", ".webm", ".mp3",
    ".m3u8",
)
# URL path endings of files that are not pages either, though worth a warning when captured (a report as PDF).
FILE_SUFFIXES = (".pdf", ".doc", ".docx", ".odt", ".rtf", ".xls", ".xlsx", ".csv", ".ppt", ".pptx", ".zip", ".gz")

# Words in a WARC metadata/resource record about a URL that say its fetch failed (crawlers write their logs
# there; there is no standard record for a failed fetch).
FETCH_ERROR = (
    r"\btimed? ?out\b", r"\btimeout\b", r"\bconnection (?:refused|reset|closed|failed|error|aborted)\b",
    r"\b(?:dns|name resolution|getaddrinfo|nxdomain)\b", r"\b(?:ssl|tls)\b[^\n]{0,40}\b(?:error|fail|handshake)",
    r"\bcertificate\b[^\n]{0,40}\b(?:error|invalid|expired|verify)", r"\bnetwork (?:error|unreachable)\b",
    r"\bhost (?:unreachable|not found)\b",
)
