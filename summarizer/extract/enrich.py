"""Rule-based fields that cost no output tokens: modality, numbers, dates, document entities.

Numbers carry what they count ("eight deaths" → deaths 8) so the merge stage can compare figures
across articles; acronym definitions in the text ("... Organization of Iran (PMOI/MEK)") give the
document's entities their aliases.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from summarizer.models import DocumentEntity, Modality, NumberMention, Speaker, SpeakerType
from summarizer.rules.speakers import NO_SOURCE, is_anaphoric
from summarizer.text.acronyms import acronym_definitions
from summarizer.text.counts import COUNTED, NOT_USED

_MODALITY_CUES: list[tuple[Modality, re.Pattern[str]]] = [
    (
        Modality.denied,
        re.compile(r"\b(den(y|ied|ies)|reject|dismiss|refut|rebuff|not the first time when they blame)", re.I),
    ),
    (
        Modality.demanded,
        re.compile(r"\b(call(ed|s)? (on|for)|demand|urg(e|ed)|ask(ed)?|must|insist|press(ed)? for)", re.I),
    ),
    (Modality.condemned, re.compile(r"\b(condemn|denounc|rebuk|criticiz|criticis|decr(y|ied))", re.I)),
    (Modality.alleged, re.compile(r"\b(accus|alleg|claim|blame|charg)", re.I)),
    (Modality.predicted, re.compile(r"\b(predict\w*|warn\w*|expect\w*|forecast\w*|will|would)\b", re.I)),
    (Modality.questioned, re.compile(r"\b(question|doubt|wonder)", re.I)),
    (Modality.reported, re.compile(r"\b(report|according to|quoted|cited)", re.I)),
]


def modality_for(cue: str | None, claim: str) -> Modality:
    for modality, pattern in _MODALITY_CUES:
        if cue and pattern.search(cue):
            return modality
    for modality in (Modality.denied, Modality.demanded):
        pattern = dict(_MODALITY_CUES)[modality]
        if pattern.search(claim[:80]):
            return modality
    return Modality.asserted


_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "hundred": 100,
    "dozens": 24,
    "dozen": 12,
    "a hundred": 100,
    "one hundred": 100,
}
_NUMBER = re.compile(
    r"(?P<qual>about|around|nearly|almost|roughly|more than|over|at least|some|up to|as many as)?\s*"
    r"(?P<cur>[$£€]\s?)?"
    r"(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|"
    + "|".join(sorted(map(re.escape, _WORDS), key=len, reverse=True))
    + r")"
    r"(?P<scale>\s+(?:thousand|million|billion|trillion)\b)?"
    r"(?=(?P<after>(?:\s+[\w'’-]+){0,4}))",
    re.I,
)
_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_YEARISH = re.compile(r"^(1[89]|20)\d\d$")


def _category(words: str, *, last: bool) -> str | None:
    """The count category whose keyword comes first (or last) in ``words``."""
    best: tuple[int, str] | None = None
    for name, pat in COUNTED:
        for m in pat.finditer(words):
            pos = -m.start() if last else m.start()
            if best is None or pos < best[0]:
                best = (pos, name)
    return best[1] if best else None


def numbers_in(text: str) -> list[NumberMention]:
    """Figures with what they count: the words right before ('killing six', 'deaths of 50') win,
    then the nearest keyword after the number ('eight deaths', '3,100 refugees')."""
    out: list[NumberMention] = []
    for m in _NUMBER.finditer(text):
        raw = m.group("num")
        if raw.replace(",", "").isdigit() and _YEARISH.match(raw):
            continue
        before = text[max(0, m.start("num") - 14) : m.start("num")].lower()
        if re.search(r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*$", before):
            continue
        before = text[max(0, m.start() - 14) : m.start()].lower()
        value = float(raw.replace(",", "")) if raw[0].isdigit() else float(_WORDS[raw.lower()])
        scale = (m.group("scale") or "").strip().lower()
        value *= _SCALE.get(scale, 1.0)  # "$916 million" is 916,000,000: "nearly $1 billion" admits it
        counts = _category(before.split(",")[-1], last=True) if re.search(r"(ing|of)\s*$", before) else None
        counts = counts or _category(m.group("after") or "", last=False)
        if m.group("cur") and counts is None:
            counts = "money"
        if counts == "residents":  # "100 MEK members being injured": the event word wins
            counts = next(
                (c for c in ("deaths", "injured") if c == _category(m.group("after") or "", last=True)), counts
            )
        if counts is None:
            continue
        state = NOT_USED.match(m.group("after") or "")
        if state:  # "60 unfired missiles" counts something other than the missiles fired
            counts = f"{state.group(1).lower()} {counts}"
        qual = (m.group("qual") or "").lower() or None
        if raw.lower() == "dozens":
            qual = "dozens"
        written = (m.group(0) + (m.group("after") or "")).strip()
        out.append(NumberMention(value=value, counts=counts, text=written, qualifier=qual))
    return out


_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?"
    r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DATE = re.compile(
    rf"\b(?:{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTHS}(?:,?\s+\d{{4}})?|{_MONTHS}\s+\d{{4}}|(?i:in|since|until|by)\s+(?:19|20)\d\d)\b"
)


def dates_in(text: str) -> list[str]:
    return list(dict.fromkeys(m.group(0) for m in _DATE.finditer(text)))


def document_entities(text: str, speakers: Iterable[Speaker]) -> tuple[list[DocumentEntity], dict[str, str]]:
    """Entities of one document (speakers plus acronym definitions) and alias → canonical map."""
    entities: dict[str, DocumentEntity] = {}
    canonical: dict[str, str] = {}
    for long, shorts in acronym_definitions(text):
        ent = entities.setdefault(long.lower(), DocumentEntity(name=long, type=SpeakerType.organization))
        for short in shorts:
            if short not in ent.aliases:
                ent.aliases.append(short)
            canonical[short.lower()] = long
        canonical[long.lower()] = long
    for sp in speakers:
        if sp.type == SpeakerType.author or sp.name == NO_SOURCE or is_anaphoric(sp.name):
            continue  # "He", "the group", "no source": no entity of their own (the antecedent is one)
        key = canonical.get(sp.name.lower(), sp.name).lower()
        known = entities.get(key)
        if known is None:
            entities[key] = DocumentEntity(name=sp.name, type=sp.type)
        elif sp.name != known.name and sp.name not in known.aliases:
            known.aliases.append(sp.name)
    return list(entities.values()), canonical
