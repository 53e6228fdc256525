"""Per-claim features computed once: entities mentioned, annotated tokens, figures and dates.

Why: blocking, clustering and conflict detection all look at the same few facts about a claim;
computing them once keeps the merge linear in the number of claims. Dates written without a year
("February 9th", "the February 9 shelling") borrow the year from the same document when it is
unambiguous, then from the corpus when one full date with that month and day dominates — so the
yearless date in one article can meet "9 February 2013" in another.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from summarizer.merge.entities import EntityTable
from summarizer.merge.normalize import STOPWORDS, UNKNOWN_YEAR, is_full_date, parse_dates
from summarizer.models.document import Claim, DocumentResult

# Words that say a claim is about a violent event (used to tie undated figures to a dated event).
EVENT_WORDS = frozenset(
    "attack attacks attacked shelling shelled missile missiles rocket rockets mortar barrage raid assault bombing "
    "strike massacre killed killing deaths dead died wounded injured bloodbath".split()
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

    @property
    def days(self) -> tuple[str, ...]:
        """Dates precise to the day (year possibly unknown)."""
        return tuple(d for d in self.dates if len(d) == 10)


def _fill_years(dates: list[str], doc_dates: list[str]) -> list[str]:
    """XXXX-MM-DD → YYYY-MM-DD using the most common year among the document's dates of that month."""
    out: list[str] = []
    for d in dates:
        if d.startswith(UNKNOWN_YEAR):
            years = Counter(x[:4] for x in doc_dates if is_full_date(x) and x[5:7] == d[5:7])
            top = years.most_common(2)
            if top and (len(top) == 1 or top[0][1] > top[1][1]):
                d = top[0][0] + d[4:]
        out.append(d)
    return out


def _corpus_years(features: list[ClaimFeatures]) -> None:
    """Fill remaining unknown years from the dominant full date with the same month-day."""
    by_md: dict[str, Counter[str]] = {}
    for f in features:
        for d in f.dates:
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
        f.dates = tuple(filled)


def claim_features(docs: list[DocumentResult], table: EntityTable) -> list[ClaimFeatures]:
    """Features of every claim of every document, in document then claim order."""
    out: list[ClaimFeatures] = []
    for doc in docs:
        parsed = [parse_dates(c.dates) for c in doc.claims]
        doc_dates = [d for ds in parsed for d in ds]
        for claim, dates in zip(doc.claims, parsed, strict=True):
            tokens, mentioned = table.mentions.annotate(claim.text)
            content = [t for t in tokens if (len(t) > 2 or t.isdigit() or t[0] == "@") and t not in STOPWORDS]
            out.append(ClaimFeatures(
                idx=len(out),
                doc_id=doc.doc_id,
                claim=claim,
                speaker=table.speaker_entity(doc.doc_id, claim.speaker.name) or "",
                entities=frozenset(mentioned),
                content=frozenset(content),
                text=" ".join(content),
                numbers=tuple((n.counts.strip().lower(), n.value, (n.qualifier or "").lower() or None)
                              for n in claim.numbers),
                dates=tuple(_fill_years(dates, doc_dates)),
                event=any(t in EVENT_WORDS for t in tokens),
            ))
    _corpus_years(out)
    return out
