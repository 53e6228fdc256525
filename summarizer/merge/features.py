"""Per-claim features computed once: entities mentioned, annotated tokens, figures and dates.

Why: blocking, clustering and conflict detection all look at the same few facts about a claim;
computing them once keeps the merge linear in the number of claims. Dates written without a year
("February 9th", "the February 9 shelling") borrow the year from the same document when it is
unambiguous, then from the corpus when one full date with that month and day dominates — so the
yearless date in one article can meet "9 February 2013" in another.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from summarizer.merge.entities import EntityTable
from summarizer.merge.moves import Endpoint, endpoints, movers
from summarizer.merge.normalize import STOPWORDS, UNKNOWN_YEAR, is_full_date, parse_dates, words
from summarizer.models.document import Claim, DocumentResult, NumberMention, SpeakerType
from summarizer.text.counts import SPECIFIC
from summarizer.text.dates import relative_days
from summarizer.text.tokens import quote_regions
from summarizer.text.words import SPEAKER_PRONOUNS

# Words that say a claim is about a violent event (used to tie undated figures to a dated event).
# the pronouns by which a claim names someone, so it is not only about its speaker (``clusters``)
PERSONAL_WORDS = SPEAKER_PRONOUNS | words("his their my our me us")
EVENT_WORDS = words(
    "attack attacks attacked shelling shelled missile missiles rocket rockets mortar barrage raid assault "
    "bombing strike massacre killed killing deaths dead died wounded injured bloodbath"
)


@dataclass(slots=True)
class ClaimFeatures:
    idx: int
    doc_id: str
    claim: Claim
    speaker: str  # entity id of the speaker
    entities: frozenset[str]  # entity ids mentioned in the claim text
    content: frozenset[str]  # content tokens, entity mentions as "@e<n>"
    text: str  # the content tokens in order, for lexical similarity
    numbers: tuple[tuple[str, float, str | None], ...]  # (counts, value, qualifier)
    dates: tuple[str, ...]  # normalized dates, years filled where possible
    event: bool  # mentions an attack-like event
    days: tuple[str, ...] = ()  # the dates precise to a day (year possibly unknown)
    event_day: str | None = None  # own day or the day of the event it continues (``events.context_days``)
    when: tuple[str, ...] = ()  # own days, else (event_day,): what the clustering compares
    rare_entities: frozenset[str] = frozenset()  # mentioned entities few claims mention
    moves: frozenset[Endpoint] = frozenset()  # where the moves it tells go to / come from (``moves``)
    movers: frozenset[str] = frozenset()  # the entities it says move
    quoted: frozenset[str] = frozenset()  # its quotations (``quotations``)
    personal: bool = False  # names someone by a pronoun ("him for not paying", "makes me smart")

    def set_event_day(self, day: str | None) -> None:
        self.event_day = day
        self.when = self.days or ((day,) if day else ())

    def __post_init__(self) -> None:
        self.set_dates(self.dates)

    def set_dates(self, dates: tuple[str, ...]) -> None:
        self.dates = dates
        self.days = tuple(d for d in dates if len(d) == 10)
        self.set_event_day(self.event_day)


RARE_ENTITY = 20  # an entity mentioned by at most this many claims is a specific shared subject
_GENERIC_COUNTS = frozenset({"residents", "members", "people", "persons", "refugees"})


def counted(n: NumberMention, context: str = "") -> str:
    """What a figure counts; a generic "residents" label yields to the nearest specific word around
    the figure ("seven MEK members being taken hostage", "abducted seven MEK members" → hostages)."""
    counts = n.counts.strip().lower()
    if counts not in _GENERIC_COUNTS:
        return counts
    at = context.find(n.text) if n.text else -1
    if at < 0:
        window, first, last = n.text, 0, len(n.text)
    else:
        lo = max(0, at - 40)
        window, first, last = context[lo : at + len(n.text) + 40], at - lo, at - lo + len(n.text)
    best: tuple[int, str] | None = None
    for kind, pattern in SPECIFIC:
        for m in pattern.finditer(window):
            dist = max(0, first - m.end(), m.start() - last)
            if best is None or dist < best[0]:
                best = (dist, kind)
    return best[1] if best else counts


_QUOTED_WORD = re.compile(r"\w+(?:['’-]\w+)*")  # "commander-in-chief" is one word
_NONE: frozenset[str] = frozenset()
QUOTED_MIN = 3  # words a quotation needs, two of them no stopword, before it identifies a statement


def quotations(text: str) -> frozenset[str]:
    """The quotations in ``text`` as lowercase words joined by spaces, those long enough to stand for
    a statement (``QUOTED_MIN``)."""
    out: set[str] = set()
    for a, b in quote_regions(text):
        ws = [w.lower().replace("’", "'") for w in _QUOTED_WORD.findall(text, a, b)]
        if len(ws) >= QUOTED_MIN and sum(w not in STOPWORDS for w in ws) >= 2:
            out.add(" ".join(ws))
    return frozenset(out) if out else _NONE  # most claims quote nothing: one shared empty set


def quoted_whole(a: frozenset[str], b: frozenset[str]) -> bool:
    """One article reproduces a quotation of the other whole ("That makes me smart" in "Not paying
    taxes ''makes me smart''" and in "… Trump saying, “That makes me smart,”"): outlets quoting the
    same words report the same statement, however each frames it. Two long quotations that merely
    share a phrase ("climate change is real") are not joined."""
    return any(f" {x} " in f" {y} " for x in a for y in b) or any(f" {y} " in f" {x} " for x in a for y in b)


def quote_keys(quoted: frozenset[str]) -> set[str]:
    """Runs of ``QUOTED_MIN`` words of each quotation: a quotation and one reproducing it share one."""
    keys: set[str] = set()
    for q in quoted:
        ws = q.split()
        keys.update(" ".join(ws[k : k + QUOTED_MIN]) for k in range(len(ws) - QUOTED_MIN + 1))
    return keys


_RELATIVE_YEAR = re.compile(r"\b(last|this|next) year\b", re.I)


def _relative_years(text: str, published: str | None) -> list[str]:
    """ "last year" / "this year" / "next year" as years, counted from the publication date: in an
    article written in February 2013, "relocated last year" is 2012."""
    if not published:
        return []
    year = int(published[:4])
    shift = {"last": -1, "this": 0, "next": 1}
    return list(dict.fromkeys(str(year + shift[m.group(1).lower()]) for m in _RELATIVE_YEAR.finditer(text)))


def _claim_dates(claim: Claim, published: str | None) -> list[str]:
    """The dates a claim writes, with "last year" and, in a dated article, "yesterday" / "Tuesday"
    resolved from its publication day; a day written out ("February 9") wins over a weekday."""
    written = parse_dates(claim.dates)
    out = written + _relative_years(claim.evidence.text, published)
    if published and not any(len(d) == 10 for d in written):
        out += [d for d in relative_days(claim.evidence.text, published) if d not in out]
    return out


def _fill_years(dates: list[str], doc_dates: list[str], published: str | None = None) -> list[str]:
    """XXXX-MM-DD → YYYY-MM-DD using the most common year among the document's dates of that month,
    else the year of publication (a month-day written without a year is in the year it was written,
    or the year before when that day is after the publication date)."""
    out: list[str] = []
    for d in dates:
        if d.startswith(UNKNOWN_YEAR):
            years = Counter(x[:4] for x in doc_dates if is_full_date(x) and x[5:7] == d[5:7])
            top = years.most_common(2)
            if top and (len(top) == 1 or top[0][1] > top[1][1]):
                d = top[0][0] + d[4:]
            elif published:
                year = int(published[:4])
                d = f"{year - 1 if d[4:] > published[4:] else year}{d[4:]}"
        out.append(d)
    return out


def _corpus_years(features: list[ClaimFeatures], published: list[str]) -> None:
    """Fill remaining unknown years from the dominant full date with the same month-day (the
    articles' publication dates count: "February 9" in one article, another published on
    2013-02-09)."""
    by_md: dict[str, Counter[str]] = {}
    for d in [*(d for f in features for d in f.dates), *published]:
        if is_full_date(d):
            by_md.setdefault(d[5:], Counter())[d] += 1
    for f in features:
        if not any(d.startswith(UNKNOWN_YEAR) for d in f.dates):
            continue
        filled: list[str] = []
        for d in f.dates:
            top = by_md.get(d[5:], Counter()).most_common(2) if d.startswith(UNKNOWN_YEAR) else []
            if top and (len(top) == 1 or top[0][1] > top[1][1]):
                d = top[0][0]
            if d not in filled:
                filled.append(d)
        f.set_dates(tuple(filled))


def _undated_relative_years(features: list[ClaimFeatures], docs: list[DocumentResult]) -> None:
    """ "last year" in an article that gives no date of its own, counted from the latest full day
    the article reports (its years filled from the corpus): an article is written no earlier than
    the last event it tells, so "moved here last year" beside "the February 9 shelling" (2013) is
    2012. An estimate, used only where the publication date is unknown."""
    undated = {d.doc_id for d in docs if not d.source.published}
    latest: dict[str, str] = {}
    for f in features:
        if f.doc_id in undated:
            for d in f.days:
                if is_full_date(d) and d > latest.get(f.doc_id, ""):
                    latest[f.doc_id] = d
    for f in features:
        if f.doc_id in latest:
            years = _relative_years(f.claim.evidence.text, latest[f.doc_id])
            if years:
                f.set_dates(tuple(dict.fromkeys([*f.dates, *years])))


def claim_features(docs: list[DocumentResult], table: EntityTable) -> list[ClaimFeatures]:
    """Features of every claim of every document, in document then claim order."""
    out: list[ClaimFeatures] = []
    persons = frozenset(e.id for e in table.entities if e.type == SpeakerType.person)
    for doc in docs:
        published = doc.source.published
        parsed = [_claim_dates(c, published) for c in doc.claims]
        doc_dates = [d for ds in parsed for d in ds]
        for claim, dates in zip(doc.claims, parsed, strict=True):
            tokens, mentioned = table.mentions.annotate(claim.text)
            content = [t for t in tokens if (len(t) > 2 or t.isdigit() or t[0] == "@") and t not in STOPWORDS]
            out.append(
                ClaimFeatures(
                    idx=len(out),
                    doc_id=doc.doc_id,
                    claim=claim,
                    speaker=table.speaker_entity(doc.doc_id, claim.speaker.name) or "",
                    entities=frozenset(mentioned),
                    content=frozenset(content),
                    text=" ".join(content),
                    numbers=tuple(
                        (counted(n, claim.evidence.text), n.value, (n.qualifier or "").lower() or None)
                        for n in claim.numbers
                    ),
                    dates=tuple(_fill_years(dates, doc_dates, published)),
                    event=any(t in EVENT_WORDS for t in tokens),
                    moves=(ends := endpoints(tokens, persons)),
                    movers=movers(tokens, ends),
                    quoted=quotations(claim.evidence.text),
                    personal=any(t in PERSONAL_WORDS for t in tokens),
                )
            )
    _corpus_years(out, [d.source.published for d in docs if d.source.published])
    _undated_relative_years(out, docs)
    mentions: Counter[str] = Counter()
    for f in out:
        mentions.update(f.entities)
    for f in out:
        f.rare_entities = frozenset(e for e in f.entities if mentions[e] <= RARE_ENTITY)
    return out
