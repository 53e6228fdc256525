"""The source phrase that follows its cue: "said X", "according to X", "reported by X".

Why a module of its own: a phrase before its cue ends at the cue and is found by walking back
(``phrases``); one after it has to decide where it stops, and news runs such phrases on through
roles, seats and bodies ("the former top aide to President George W. Bush", "one GOP source in the
room", "a report in the Des Moines Register", "officials familiar with the system").
"""

from __future__ import annotations

from summarizer.rules.lexicon import (
    DAYS,
    DETERMINERS,
    DOCUMENTS,
    MEASURES,
    PUNCT,
    QUALIFIERS,
    QUANTIFIERS,
    STOP_BACK,
)
from summarizer.rules.nounphrase import PARTICIPLES, SOURCE_NOUNS
from summarizer.text.tokens import Tok
from summarizer.text.words import PERSON_ROLES, ROLE_WORDS


def speaker_after(toks: list[Tok], i: int, *, lowercase: bool = False) -> tuple[int, int] | None:
    """``said X``: the phrase after the cue up to punctuation or a clause word; ``lowercase`` also
    takes a phrase that opens in lowercase ("according to two diplomats", "according to polls")."""
    a = b = i + 1
    while (
        b < len(toks)
        and b - a < 12
        and toks[b].text not in PUNCT
        and (
            toks[b].low not in STOP_BACK
            or (
                toks[b].low in ("of", "by", "from", "for", "at")
                and b + 1 < len(toks)
                and (toks[b + 1].text[:1].isupper() or toks[b + 1].low == "the")
            )
            or (  # "the most recent average of national polls", "one person with knowledge of the talks"
                (toks[b].low == "of" and toks[b - 1].low in MEASURES | DOCUMENTS)
                or (toks[b].low == "with" and b + 1 < len(toks) and toks[b + 1].low in ("knowledge", "direct"))
            )
            or (  # "officials familiar with the system", "audio provided to The Times", "an account she gave to"
                (
                    toks[b].low in ("with", "to")
                    or (toks[b].low in ("in", "on", "at") and toks[b - 1].low in PARTICIPLES)
                )
                and (toks[b - 1].low in QUALIFIERS or toks[b - 1].low.endswith("ed") or toks[b - 1].low == "gave")
                and b + 1 < len(toks)
                and (toks[b + 1].text[:1].isupper() or toks[b + 1].low == "the")
            )
            or (  # "former Pennsylvania Gov. and Democratic National Committee Chairman Ed Rendell": two titles
                toks[b].low == "and"
                and _role(toks[b - 1].low.rstrip("."))  # "lobbyist and"
                and b + 1 < len(toks)
                and toks[b + 1].text[:1].isupper()
            )
            or (  # "the former top aide to President George W. Bush", "a spokesman for the campaign"
                toks[b].low in ("to", "for")
                and toks[b - 1].low in PERSON_ROLES
                and b + 1 < len(toks)
                and (toks[b + 1].text[:1].isupper() or toks[b + 1].low in DETERMINERS | QUANTIFIERS)
            )
            or (  # "credible Arabic media such as Al-Hayat": the example names the source; "known as Bob"
                toks[b].low == "as"
                and toks[b - 1].low in ("such", "known")
                and b + 1 < len(toks)
                and toks[b + 1].text[:1].isupper()
            )
            or (  # "former UN advisor on Camp Ashraf Tahar Boumedra": a role's field, then the name
                toks[b].low == "on"
                and toks[b - 1].low in ROLE_WORDS
                and b + 1 < len(toks)
                and toks[b + 1].text[:1].isupper()
                and toks[b + 1].low not in DAYS
            )
            or (  # "said one GOP source in the room", "a Democratic aide on the panel": where the source sits
                toks[b].low in ("in", "on", "at")
                and toks[b - 1].low in SOURCE_NOUNS
                and b + 2 < len(toks)
                and toks[b + 1].low == "the"
                and toks[b + 2].text.islower()
            )
            or (  # "according to a report in the Des Moines Register" (not "two diplomats in Geneva")
                toks[b].low == "in"
                and toks[b - 1].low in DOCUMENTS
                and b + 2 < len(toks)
                and (toks[b + 1].text[:1].isupper() or (toks[b + 1].low == "the" and toks[b + 2].text[:1].isupper()))
            )
        )
    ):
        b += 1
    opens = toks[a].text[:1].isupper() or toks[a].low in DETERMINERS | QUANTIFIERS if b > a else False
    # "said lobbyist and GOP strategist Al Stone", "said spokesman Ann Lee": a role, then the name
    opens = opens or (b > a + 1 and _role(toks[a].low) and toks[b - 1].text[:1].isupper())
    if b == a or toks[a].low in DAYS or not (opens or (lowercase and toks[a].text[:1].isalnum())):
        return None
    return a, b


def _role(low: str) -> bool:
    """A word for what a person does: a title or role ("spokesman", "Gov.") or an -ist ("lobbyist", "strategist")."""
    return low in PERSON_ROLES or low.endswith("ist")
