"""Speaker and cue equivalence for scoring.

Why lenient in these particular ways: gold keeps the speaker "as written" next to the cue
("Sasse", "the State Department", "NCRI"), while extraction may give the full name, drop the
article, or expand an acronym. Those are the same speaker and must not count as errors; a
different person must. So names are compared after folding case, quotes, titles ("Sen.", "Mr.",
"President") and leading articles, then by alias list, acronym, surname / head-noun containment,
and a small rapidfuzz tolerance for spelling variants ("Strauan Stevenson" / "Struan Stevenson").
Pronoun gold speakers ("he", "who") cannot be judged without their antecedent; callers report
them apart.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

from rapidfuzz import fuzz

from summarizer.text.words import PRONOUNS, TITLES, fold_quotes, without_contraction, word_set

ARTICLES = frozenset({"the", "a", "an"})
NULL_SPEAKERS = frozenset(
    {
        "",
        "author",
        "the author",
        "writer",
        "the writer",
        "narrator",
        "unknown",
        "none",
        "null",
        "n/a",
        "na",
        "unnamed",
        "unspecified",
        "anonymous",
        "no source",
    }
)
_INTENSIFIERS = frozenset({"himself", "herself", "themselves", "itself", "myself", "ourselves"})
_ACRONYM_SKIP = frozenset({"of", "the", "and", "for", "in", "on", "de", "du", "la", "le", "e", "&"})
FUZZ_MIN = 88.0


def fold(name: str) -> str:
    """NFKC, curly quotes and dashes folded, case folded, whitespace collapsed."""
    text = fold_quotes(unicodedata.normalize("NFKC", name)).casefold()
    return " ".join(text.split())


def tokens(name: str) -> list[str]:
    """Word tokens of a name without possessives, leading articles or titles ("Sen. Ben Sasse" → ben sasse)."""
    words = re.findall(r"[\w]+(?:[-'.][\w]+)*", fold(name).replace("'s ", " ").removesuffix("'s"))
    words = [w.strip(".") for w in words if w.strip(".")]
    while words and words[0] in ARTICLES:
        words = words[1:]
    if len(words) > 1 and words[-1] in _INTENSIFIERS:  # "Cruz himself" is Cruz
        words = words[:-1]
    stripped = [w for w in words if w not in TITLES]
    return stripped or words  # "the president" stays "president"


def key(name: str) -> str:
    return " ".join(tokens(name))


def is_pronoun(name: str | None) -> bool:
    """A pronoun, also written with its verb as PolNeAR's spans have it ("We’ve", "He's")."""
    return bool(name) and without_contraction(fold(name or "").strip(" .,'\"")) in PRONOUNS


def is_null(name: str | None) -> bool:
    """No speaker: None, empty, or a placeholder such as "author" or "unknown"."""
    return name is None or fold(name).strip(" .,'\"()") in NULL_SPEAKERS


def acronym_of(short: str, long: str) -> bool:
    """True when ``short`` (e.g. NCRI, PMOI, U.S.) spells the initials of ``long``."""
    letters = re.sub(r"[^A-Za-z]", "", short)
    if len(letters) < 2 or not (short.isupper() or short.replace(".", "").isupper()):
        return False
    words = [w for w in re.findall(r"[A-Za-z]+", fold(long).replace("'s", "")) if w not in _ACRONYM_SKIP]
    return len(words) >= 2 and "".join(w[0] for w in words) == letters.lower()


class AliasIndex:
    """Surface form → entity id, from gold entities or a merge output (``key`` normalized)."""

    def __init__(self, groups: Iterable[Iterable[str]] = ()) -> None:
        self._ids: dict[str, int] = {}
        for i, group in enumerate(groups):
            for alias in group:
                k = key(alias)
                if k:
                    self._ids.setdefault(k, i)

    def entity(self, name: str) -> int | None:
        return self._ids.get(key(name))

    def __len__(self) -> int:
        return len(self._ids)


def _strip_possessive_tail(words: list[str]) -> list[str]:
    return [w[:-2] if w.endswith("'s") else w for w in words]


def same_speaker(pred: str | None, gold: str | None, aliases: AliasIndex | None = None) -> bool:
    """True when ``pred`` names the same source as ``gold`` (see the module docstring)."""
    if is_null(gold) or is_null(pred):
        return is_null(gold) and is_null(pred)
    assert pred is not None and gold is not None
    a, b = _strip_possessive_tail(tokens(pred)), _strip_possessive_tail(tokens(gold))
    if not a or not b:
        return fold(pred) == fold(gold)
    if a == b:
        return True
    if aliases is not None:
        ea, eb = aliases.entity(pred), aliases.entity(gold)
        if ea is not None and ea == eb:
            return True
    if acronym_of(pred.strip(), gold) or acronym_of(gold.strip(), pred):
        return True
    if is_pronoun(pred) or is_pronoun(gold):
        return False
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    # "Sasse" ⊂ "Ben Sasse", "Dana Cole" ⊂ "City Hall spokeswoman Dana Cole": the smaller name
    # must end where the longer one ends (surname / head noun), so "City Hall" ≠ "... Dana Cole".
    if set(short) <= set(long) and short[-1] == long[-1]:
        return True
    sa, sb = " ".join(a), " ".join(b)
    if min(len(sa), len(sb)) >= 4 and fuzz.ratio(sa, sb) >= FUZZ_MIN:
        return True
    # surname with a small spelling variant: "Strauan Stevenson" / "Stevenson"
    return len(short) == 1 and len(short[0]) >= 5 and fuzz.ratio(short[0], long[-1]) >= FUZZ_MIN


def heads(name: str) -> list[str]:
    """A name and its head before an appositive, between commas or dashes: "Ana Ruiz, a housing
    scholar at ..." and "Jason Sims — a teacher from Mount Pleasant —" → "Ana Ruiz", "Jason Sims"."""
    out = [name]
    for sep in (",", " (", " who ", " whose ", " which ", " — ", " – ", " -- ", " - "):
        head = name.split(sep, 1)[0].strip()
        if head and head not in out and len(head) < len(name):
            out.append(head)
    return out


def speaker_correct(
    pred: str | None,
    gold: str | None,
    inner_source: str | None = None,
    antecedents: Sequence[str] = (),
    aliases: AliasIndex | None = None,
) -> bool:
    """Speaker scoring rule: the gold speaker or the gold inner source; a pronoun gold speaker
    also accepts the same pronoun or one of ``antecedents`` (nearby named gold speakers)."""
    golds = [gold, *([] if is_null(inner_source) else [inner_source])]
    for g in golds:
        for g_head in heads(g) if g else [g]:
            for p_head in heads(pred) if pred else [pred]:
                if same_speaker(p_head, g_head, aliases):
                    return True
    if is_pronoun(gold):
        if pred and fold(pred) == fold(gold or ""):
            return True
        return any(same_speaker(pred, a, aliases) for a in antecedents)
    return False


# ---------------------------------------------------------------------------------------- cues

_AUX = word_set("""has have had is are was were be been being am will would could should can may might must do does did
    also then later again still repeatedly previously recently often once further publicly privately not
    never just even only already first to for on of in at with about out up""")
_IRREGULAR = {
    "said": "say",
    "says": "say",
    "saying": "say",
    "told": "tell",
    "tells": "tell",
    "telling": "tell",
    "wrote": "write",
    "writes": "write",
    "written": "write",
    "writing": "write",
    "thought": "think",
    "found": "find",
    "finds": "find",
    "spoke": "speak",
    "spoken": "speak",
    "knew": "know",
    "known": "know",
    "felt": "feel",
    "held": "hold",
    "made": "make",
    "gave": "give",
    "given": "give",
    "took": "take",
    "taken": "take",
    "read": "read",
    "heard": "hear",
    "saw": "see",
    "seen": "see",
    "according": "accord",
    "quoted": "quote",
    "quotes": "quote",
    "quoting": "quote",
}


def stem(word: str) -> str:
    """Crude verb stem, enough to equate cue forms: said/says/saying → say, stated/states → stat."""
    w = word.casefold()
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    for suffix in ("ing", "ied", "ies", "ed", "es", "s"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3 and not w.endswith("ss"):
            base = w[: -len(suffix)]
            return base + "y" if suffix in ("ied", "ies") else base.rstrip("e")
    return w.rstrip("e")


def cue_stems(cue: str | None) -> set[str]:
    words = re.findall(r"[A-Za-z]+", fold(cue or ""))
    content = [w for w in words if w not in _AUX and not w.endswith("ly")]
    return {stem(w) for w in (content or words)}


def cue_is_word(cue: str | None) -> bool:
    """False for missing or punctuation-only gold cues (":" and "―" in PolNeAR)."""
    return bool(cue and re.search(r"[A-Za-z]", cue))


def cue_correct(pred: str | None, gold: str | None) -> bool:
    """Same cue: both null, or their main verb stems intersect ("has said" = "says")."""
    if not cue_is_word(gold):
        return not cue_is_word(pred)
    gs, ps = cue_stems(gold), cue_stems(pred)
    return bool(gs & ps)
