"""Whether a name seen only in an article's text is a person's: it opens with a given name.

Why: "Cheryl Mills", "Howard Dean" or "LeBron James" written in a claim, with no title before
them, were left untyped, so the surname rules could not place "Mills" and the entity table showed
people as "unnamed". A given name is knowledge no rule of capitals has; gender-guesser ships the
name dictionary of Jörg Michael's gender.c (some 40,000 given names of many countries) and answers
"unknown" for a word that is none. Loaded once per merge (0.6 s, about 20 MB), only when a merge
meets a name to type. Nicknames ("Joe" Biden of "Joseph R. Biden Jr.") come from the ``nicknames``
package's hand-curated table, for the same reason: knowledge, not a rule.
"""

from __future__ import annotations

import re

from gender_guesser.detector import Detector
from nicknames import NickNamer

from summarizer.merge.names import DEMONYMS_AND_COUNTRIES, JOINING_PARTICLES, ORG_HINTS, person_name
from summarizer.merge.normalize import STOPWORDS, words
from summarizer.merge.places import CITY_POPULATION, gazetteer

# Words of a name that make it no person's, however it opens ("Grant Park", "Virginia Beach").
_NOT_PERSONAL = (
    ORG_HINTS
    | DEMONYMS_AND_COUNTRIES
    | words(
        "park beach street avenue county city river lake island islands bay valley hills center centre "
        "fund foundation institute university college school hospital church bank company corporation "
        "inc corp co plan act bill law day week year war dear music records studios pictures entertainment games "
        "resources healthcare ocean sea league club society strip energy coal oil gas motors airlines"
    )
)
# Cities that are also given names: "Cleveland Cavaliers", "Houston Rockets" name no person.
_CITIES = words(
    "cleveland houston austin denver charlotte jackson orlando phoenix madison lincoln raleigh savannah "
    "dallas tyler troy florence augusta eugene helena camden chester marion warren"
)


def _place(word: str) -> bool:
    """A country, continent, state or city of ``CITY_POPULATION`` ("South Asia", "Hampton Roads",
    "Washington Monument" are places, not people whose names the dictionary lacks)."""
    key = word.lower()
    gaz = gazetteer()
    return gaz.region(key) or gaz.city_population(key) >= CITY_POPULATION


_SURNAME_PREFIX = re.compile(r"^(?:Mc|Mac|De|Di|Da|Du|La|Le|Van|Von|O)[A-Z]")  # "McClenney", "LeBron", "DeSantis"
_INNER_CAPITAL = re.compile(r"[a-z][A-Z]")


def _brand(word: str) -> bool:
    """A word with a capital inside it that no name prefix explains ("WikiLeaks", "YouTube",
    "PayPal"): a brand's or a body's name, never a given name or a surname."""
    return _INNER_CAPITAL.search(word) is not None and _SURNAME_PREFIX.match(word) is None


class GivenNames:
    """Answers whether a capitalised two- to four-word name opens with a given name."""

    def __init__(self, lowercase: frozenset[str] = frozenset()) -> None:
        self._detector: Detector | None = None
        self._nicknames: NickNamer | None = None
        self._answers: dict[str, str] = {}  # word → the dictionary's answer: a merge asks for few words, often
        self._lowercase = lowercase  # every word the corpus writes in lower case somewhere

    def shouted(self, name: str) -> bool:
        """A word in capitals that the corpus also writes in lower case ("WANT"): a shouted word, no
        acronym ("NATO" is never "nato")."""
        return name.isupper() and name.isalpha() and len(name) >= 4 and name.lower() in self._lowercase

    def never_lowercase(self, name: str) -> bool:
        """ "LeBron James", "Amadou Diallo", "Tyresha McClenney": two or three capitalised words that the
        corpus never writes in lower case, as a name's words (given names the dictionary lacks, and
        surnames) are, and the words of slogans, bills and headlines ("Mostly True", "Crime Bill",
        "Dear Jack") are not. Only for a name no other rule types."""
        toks = name.replace("’", "'").split()
        return (
            2 <= len(toks) <= 3
            and all(t.isalpha() and t[:1].isupper() and not t.isupper() and not _brand(t) for t in toks)
            and not any(t.lower() in self._lowercase or t.lower() in _NOT_PERSONAL or _place(t) for t in toks)
            and not gazetteer().region_word(toks[0].lower())  # "Carolina Panthers", not "Trayvon Martin"
        )

    def _known(self, word: str) -> bool:
        return self._lookup(word) != "unknown"

    def _lookup(self, word: str) -> str:
        found = self._answers.get(word)
        if found is None:
            if self._detector is None:
                self._detector = Detector(case_sensitive=False)
            found = self._answers[word] = self._detector.get_gender(word)
        return found

    def common_word(self, word: str) -> bool:
        """A capitalised word the corpus also writes in lower case and no given name ("Hold",
        "Injecting", "Everything" opening a sentence); "Will" and "Bill" are given names."""
        return word.isalpha() and word.lower() in self._lowercase and not self._known(word)

    def nickname_pair(self, first: str, second: str) -> bool:
        """One given name is a nickname of the other ("Joe" of "Joseph", "Len" of "Leonard"), by the
        hand-curated table of the ``nicknames`` package; not two formal names that share a nickname
        ("Christopher" and "Christine" are both "Chris")."""
        a, b = first.lower(), second.lower()
        if a == b or not (a.isalpha() and b.isalpha()):
            return False
        if self._nicknames is None:
            self._nicknames = NickNamer()
        return b in self._nicknames.nicknames_of(a) or a in self._nicknames.nicknames_of(b)

    def gender(self, name: str) -> str | None:
        """ "f" for "Michelle Obama", "m" for "Barack Obama": a full name's given name that the
        dictionary calls female or male outright; None for a lone surname or an unsure name."""
        toks = person_name(name.replace("’", "'")).split()
        if len(toks) < 2 or not self.personal(" ".join(toks)):
            return None
        return {"male": "m", "female": "f"}.get(self._lookup(toks[0]))

    def personal(self, name: str) -> bool:
        """ "Cheryl Mills", "Howard Dean", "Hassan Danaiefar", "House Speaker Paul D. Ryan" (a role,
        then a name): yes; "Grant Park", "Tax Policy Center", "Hillary" (one word), "Iranian
        Revolution", "Hillary Clinton campaign": no."""
        toks = person_name(name.replace("’", "'")).split()  # "Secretary of State Jon Husted": "Jon Husted"
        # the name may follow a role the title list lacks ("MSNBC host")
        return any(self._name(toks[k:]) for k in range(len(toks) - 1))

    def _name(self, toks: list[str]) -> bool:
        if not 2 <= len(toks) <= 4 or not toks[0].isalpha() or not toks[0][:1].isupper():
            return False
        for t in toks[1:]:
            low = t.lower().rstrip(".")
            if len(t) == 2 and t[0].isupper() and t[1] == ".":
                continue  # a middle initial: "Julie A. Diaz Martinez" (not the article "A")
            if low in _NOT_PERSONAL or (low in STOPWORDS and low not in JOINING_PARTICLES):
                return False
            if not t[:1].isupper() and low not in JOINING_PARTICLES:
                return False
        first = toks[0].lower()
        return first not in _NOT_PERSONAL and first not in _CITIES and self._known(toks[0])
