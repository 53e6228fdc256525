"""The subject that opens a sentence, for a cue that has none of its own before it.

Why apart from ``phrases``: "He went further and said", "Mayor Ana Ruiz arrived and said",
"Earlier Wednesday, Schilling appeared … and defended", "A group of doctors … sent a letter,
calling for" all give their cue the sentence's opening subject, read past introductory phrases and
datelines. ``phrases`` finds the phrase right before or after a cue; this module reads a sentence
from its start. ``cuesentence`` calls it for conjoined and participle cues.
"""

from __future__ import annotations

from summarizer.rules.lexicon import (
    AUX,
    CATENATIVE,
    DASHES,
    DETERMINERS,
    NEGATED_AUX,
    PUNCT,
    QUANTIFIERS,
    STOP_BACK,
    VERBISH,
    is_adverb,
)
from summarizer.rules.nounphrase import INTRODUCERS
from summarizer.text.tokens import Tok
from summarizer.text.words import PEOPLE_NOUNS, PERSON_ROLES, SUBJECT_PRONOUNS

# nouns that count their members after "of": "A group of doctors", "a coalition of unions"
COLLECTIVES = frozenset(
    {"group", "coalition", "team", "number", "majority", "handful", "panel", "chorus", "pair", "trio"}
)


# whom a possessive name speaks through: "Clinton's campaign", "Trump's representatives"
_ENTOURAGE = frozenset(
    "campaign office team staff allies representatives spokesman spokeswoman lawyers lawyer husband wife family".split()
)


_TIME_NOUNS = frozenset("days weeks months years hours minutes day week month year later earlier".split())


def _of_whom(toks: list[Tok], b: int) -> bool:
    """``toks[b]`` joins a group and its members ("A group of doctors", "a reporter for USA Today")."""
    if b + 1 >= len(toks) or b < 1:
        return False
    low, head, nxt = toks[b].low, toks[b - 1].low, toks[b + 1]
    if low == "of":
        return head in COLLECTIVES and nxt.text.islower() and nxt.low not in DETERMINERS
    return low == "for" and head in ("reporter", "correspondent", "columnist", "editor") and nxt.text[:1].isupper()


def opening_subject(toks: list[Tok]) -> tuple[int, int] | None:
    """The subject that opens a sentence: a pronoun, or its capitalized run ("He went further and
    said", "Mayor Ana Ruiz arrived and said"), after an introductory phrase and its comma ("Earlier
    Wednesday, Schilling appeared ... and defended")."""
    if not toks:
        return None
    dash = next((k for k in range(1, min(len(toks), 6)) if toks[k].text in DASHES), None)
    if toks[0].text.isupper() and len(toks[0].text) >= 3 and dash is not None:
        inner = opening_subject(toks[dash + 1 :])  # "BRUSSELS — European leaders …": a dateline, then the subject
        return (inner[0] + dash + 1, inner[1] + dash + 1) if inner else None
    stop = next((k for k in range(1, min(len(toks), 6)) if toks[k].text in PUNCT), None)
    if stop is not None and toks[stop].text == "," and toks[stop - 1].low in _TIME_NOUNS:
        inner = opening_subject(toks[stop + 1 :])  # "A week later, Smith reversed himself, telling …"
        return (inner[0] + stop + 1, inner[1] + stop + 1) if inner else None
    if NEGATED_AUX.match(toks[0].low):
        return None  # "Don't expect …", "Isn't it …": an imperative or a question has no subject here
    if toks[0].low in ("but", "and", "yet", "so") and len(toks) > 2 and toks[1].text != ",":
        inner = opening_subject(toks[1:])  # "But the former mayor showed restraint and described …"
        timed = inner is not None and any(t.low in _TIME_NOUNS for t in toks[1 + inner[0] : 1 + inner[1]])
        return (inner[0] + 1, inner[1] + 1) if inner and not timed else None  # not "And a few days later"
    # "Deeply divided about …, leaders found": an opening adverb's phrase, then the subject
    opener = toks[0].low in INTRODUCERS or (toks[0].text[:1].isupper() and is_adverb(toks[0].low))
    if opener or (toks[0].low.endswith("ing") and toks[0].text[:1].isupper()):
        # "In late June, the American Bar Association ... and deemed", "Here in Columbia, Sanders ...,
        # saying", "Speaking in Harlem, Clinton ...": the subject comes after the comma
        comma = next((k for k in range(1, min(len(toks), 12)) if toks[k].text == ","), None)
        while comma is not None:
            inner = opening_subject(toks[comma + 1 :])
            if inner is None:
                return None
            end = comma + 1 + inner[1]
            if end >= len(toks) or toks[end].text != ",":
                return inner[0] + comma + 1, end
            # "At an event in Ames, Iowa, on Sunday, Mrs. Clinton …": a name between commas is still the place
            comma = next((k for k in range(end, min(len(toks), end + 11)) if toks[k].text == ","), None)
        return None
    if toks[0].low in SUBJECT_PRONOUNS:
        return 0, 1
    if toks[0].low in DETERMINERS | QUANTIFIERS | {"other", "another"}:
        # "The nurse later sued, claiming ...", "Many unnaturalized adoptees try ..., telling": a short noun phrase
        b, most = 1, 4
        while (
            b < len(toks)
            and b <= most
            and toks[b].text not in PUNCT
            and (toks[b].low not in AUX | VERBISH | STOP_BACK | CATENATIVE or _of_whom(toks, b))
            and not (b >= 2 and toks[b].low.endswith("ed"))  # "Other former officers chafed": the verb ends it
            # "The president left no doubt …": a word before a determiner is the verb (irregular ones too)
            and not (b >= 2 and b + 1 < len(toks) and toks[b + 1].low in DETERMINERS | {"no"})
        ):
            most += 2 if _of_whom(toks, b) else 0
            b += 1
        return (0, b) if 1 < b <= most and not toks[b - 1].low.endswith("ed") else None
    b = 0
    while b < len(toks) and (toks[b].text[:1].isupper() or (b and toks[b].low in ("of", "al"))):
        b += 1
    # "Democratic presidential nominee Hillary Clinton chimed in", "Hillary Clinton's campaign manager
    # Robby Mook said": a role in lower case, then the name, is one subject
    k = b
    while k < len(toks) and k - b < 3 and toks[k].text.islower() and toks[k].low not in AUX | VERBISH | STOP_BACK:
        k += 1
    if b and k > b and toks[k - 1].low in PERSON_ROLES and k < len(toks) and toks[k].text[:1].isupper():
        b = k
        while b < len(toks) and toks[b].text[:1].isupper():
            b += 1
    elif b and b < len(toks) and toks[b].low in PEOPLE_NOUNS:
        b += 1  # "Black voters", "Republican politicians": the people the capitals describe
    elif b and toks[b - 1].low.endswith(("'s", "’s")):
        # "Clinton's campaign took …, accusing", "Trump's representatives reached out …, asking": whose
        # people the possessive names
        while b < len(toks) and b - k < 2 and toks[b].low in PEOPLE_NOUNS | PERSON_ROLES | _ENTOURAGE:
            b += 1
    return (0, b) if 0 < b <= 8 else None
