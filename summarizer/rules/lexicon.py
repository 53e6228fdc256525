"""Word lists and text primitives for the attribution rules: tokens, quotations, subject phrases.

Why apart from ``finder``: the rules read better when the lexicon and the low-level phrase
finders (which only look at tokens and punctuation, never at meaning) live in their own module;
both stay under a few hundred lines. Everything here is deterministic and regex-based.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


def words(s: str) -> frozenset[str]:
    return frozenset(s.split())


SPEECH = words("""say says said saying tell tells told telling stated stating add adds added adding claimed
    claiming accuse accuses accused accusing announced announces announcing reported reporting argue argues argued
    arguing warn warns warned warning deny denies denied denying noted noting wrote writes writing explained
    explains explaining insist insists insisted insisting suggested suggests suggesting acknowledged acknowledges
    acknowledging admitted admits admitting asserted asserts declared declares contended contends countered
    responded replied predicted predicts promised promises pledged vowed alleged alleges maintained maintains
    emphasized stressed revealed confirmed recalled tweeted estimated concluded complained
    complains conceded concedes urged urges asked asks""")
THAT_ONLY = words("""states reports claims notes believe believes believed think thinks thought found finds show
    shows showed shown agreed agree agrees fear fears feared hope hopes hoped know knows knew expect expects
    expected worry worries worried indicated indicates learned discovered realized charges charged tweets estimates""")
CUES = SPEECH | THAT_ONLY
OBJECT_VERBS = words("tell tells told telling warned warn warns asked asks urged urges promised accused accuses")
AUX = words("""has have had is are was were will would could should can may might also then later again still
    repeatedly previously recently often once further publicly privately just""")
PASSIVE = words("is are was were be been being get gets got")
VERBISH = words("is are was were be been being has have had would will can could should do does did not")
STOP_BACK = words("""that and but or because while when as if after before since although though so where than
    whether then who which whom what how why to of for with by in on at from about""")
DETERMINERS = words("the a an his her their its this these those our my your")
ADDRESSEES = words("reporters me us him her them supporters voters the a an his her their its")
DAYS = words("""monday tuesday wednesday thursday friday saturday sunday yesterday today tonight week month year
    night morning afternoon evening weekend""")
ADVERBIAL = DAYS | words("""on in at during after before last this earlier later recently via through when
    while as from with""")
INVERTIBLE = words("said says say added adds wrote writes reported reports noted notes explained asked continued")
TOKEN = re.compile(
    r"(?:Mr|Mrs|Ms|Dr|Sen|Rep|Del|Gov|Gen|St|Jr|Sr|Lt|Col|Sgt|Capt|Prof|Rev|Pres|Adm|Maj|Amb|Atty)\."
    r"|(?:[A-Z]\.){2,}"
    r"|\w+(?:[’'\-.]\w+)*|''|[^\w\s]"
)
PUNCT = frozenset(',;:()[]“”"—–―-.!?…') | {"''"}
OPEN_Q = "“\"'"
TRIM = " \t\n.,:;—–―-"


@dataclass(frozen=True)
class Attribution:
    speaker: str
    cue: str
    start: int
    end: int


@dataclass
class Tok:
    text: str
    start: int
    end: int

    @property
    def low(self) -> str:
        return self.text.lower()


def quote_regions(text: str) -> list[tuple[int, int]]:
    """Quotations per paragraph, [open, close) including the marks; an unclosed one runs to the paragraph end."""
    regions: list[tuple[int, int]] = []
    for para in re.finditer(r"[^\n]+", text):
        opened = -1
        for m in re.finditer(r"[“”\"]|''", para.group(0)):
            pos, mark = para.start() + m.start(), m.group(0)
            if opened < 0 and mark != "”":
                opened = pos
            elif opened >= 0 and mark != "“":
                regions.append((opened, pos + len(mark)))
                opened = -1
        if opened >= 0:
            regions.append((opened, para.end()))
    return regions


def region_at(regions: list[tuple[int, int]], pos: int) -> tuple[int, int] | None:
    return next((r for r in regions if r[0] <= pos < r[1]), None)


def trim_content(text: str, start: int, end: int) -> tuple[int, int]:
    """Gold-style content edges: no leading 'that', no final punctuation, no enclosing quotes."""
    for _ in range(4):
        while start < end and text[start] in TRIM:
            start += 1
        while end > start and text[end - 1] in TRIM:
            end -= 1
        if re.match(r"that\s", text[start:end]):
            start += 5
            continue
        inner = text[start + 1 : end - 1]
        if end - start > 2 and text[start] in '“"' and text[end - 1] in '”"' and not re.search(r"[“”\"]", inner):
            start, end = start + 1, end - 1
            continue
        break
    return start, end


def back_phrase(toks: list[Tok], b: int) -> tuple[int, int] | None:
    """The phrase ending before token ``b``: back to punctuation or a clause word, at most 7 tokens."""
    a = b
    while a > 0 and toks[a - 1].text not in PUNCT:
        t = toks[a - 1]
        between_names = (
            t.low in ("and", "of")
            and a >= 2
            and toks[a - 2].text[:1].isupper()
            and a < b
            and toks[a].text[:1].isupper()
        )  # "Trump and Pence", "Secretary of State"
        if t.low in CUES or (t.low in STOP_BACK and not between_names):
            break
        a -= 1
    if a == b:
        return None
    if b - a > 7:  # too long for a subject: keep its trailing capitalized run
        c = b
        while c > a and (toks[c - 1].text[:1].isupper() or toks[c - 1].low == "of"):
            c -= 1
        if c == b:
            return None
        a = c
    if any(t.low in VERBISH for t in toks[a:b]):
        return None
    return a, b


def subject_phrase(toks: list[Tok], i: int) -> tuple[int, int] | None:
    """Subject phrase of the cue at ``i``; "X, the nominee, said" and "X, who ..., said" give X."""
    b = i
    while b > 0 and (toks[b - 1].low in AUX or (toks[b - 1].low.endswith("ly") and len(toks[b - 1].low) > 4)):
        b -= 1
    if b >= 2 and toks[b - 1].low in DAYS and toks[b - 2].low in ("on", "last", "this", "earlier"):
        b -= 2  # "Sanders on Tuesday said"
    if b > 0 and toks[b - 1].low in ("who", "which"):
        b -= 1
    if b > 0 and toks[b - 1].text == ",":  # an appositive or relative clause sits between subject and verb
        c0 = max((k for k in range(b - 1) if toks[k].text == ","), default=-1)
        seg = toks[c0 + 1 : b - 1] if c0 >= 0 else []
        if seg and (
            seg[0].low in DETERMINERS or seg[0].low in ("who", "which") or seg[0].text.islower() or len(seg) <= 3
        ):
            return back_phrase(toks, c0)
        return None
    return back_phrase(toks, b)


def speaker_after(toks: list[Tok], i: int) -> tuple[int, int] | None:
    """``said X``: the phrase after the cue up to punctuation or a clause word."""
    a = b = i + 1
    while (
        b < len(toks)
        and b - a < 9
        and toks[b].text not in PUNCT
        and (
            toks[b].low not in STOP_BACK
            or (
                toks[b].low in ("of", "by", "from", "for", "at")
                and b + 1 < len(toks)
                and (toks[b + 1].text[:1].isupper() or toks[b + 1].low == "the")
            )
        )
    ):
        b += 1
    if b == a or toks[a].low in DAYS or not (toks[a].text[:1].isupper() or toks[a].low in DETERMINERS):
        return None
    return a, b


def continue_quote(text: str, regions: list[tuple[int, int]], pos: int) -> int:
    """End of the quotations that resume right after ``pos`` and fill the rest of their paragraph
    (one more paragraph at most), else ``pos``: "A," he said. "B." → through B."""
    end = pos
    for _ in range(3):
        k = end
        while k < len(text) and text[k] in " .,\n" and text.count("\n", pos, k + 1) <= 2:
            k += 1
        region = region_at(regions, k)
        if region is None or region[0] != k:
            break
        line_end = text.find("\n", region[1])
        if re.search(r"[A-Za-z]", text[region[1] : len(text) if line_end < 0 else line_end]):
            break
        end = region[1]
    return end
