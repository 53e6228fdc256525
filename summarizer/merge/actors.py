"""Whether a speaker written in lower case names an actor at all.

Why: the rules and the model sometimes take a clause fragment or an abstract noun for a speaker
("built near a meandering mountain stream", "additional federal", "the economy", "please"). Each
became an entity of the merged table, where an analyst reads it as an actor. A phrase with a
capital may be a name the word lists lack; a phrase without one is a description, and a description
of an actor has a word for a person, a group, a body or something written in it ("city officials",
"the campaign", "a statement", "many tax experts", "taxpayers"). The claims keep such a speaker as
written; only the entity table leaves it out.
"""

from __future__ import annotations

import re

from summarizer.merge.firstnames import GivenNames
from summarizer.merge.names import BODY_WORDS, CALENDAR_WORDS
from summarizer.rules.lexicon import MEASURES
from summarizer.rules.speakers import UTTERANCES
from summarizer.text.words import PEOPLE_NOUNS, ROLE_WORDS, TITLES, word_set

# singular heads of a person, a group or a body, beside the plural people nouns and the roles
_BODIES_AND_PEOPLE = word_set(
    """group campaign government administration panel
    board party network outlet media press newspaper paper magazine station channel show spot clip video film
    documentary ruling decision filing lawsuit complaint transcript record source official spokesman spokeswoman
    spokesperson aide friend family team staff crowd audience everyone someone anyone person man men woman women people
    critic narrator announcer moderator host anchor judge justice jury prosecutor police coalition alliance organization
    union association firm company industry bank fund foundation institute center side camp movement nation country
    state city county regime authority military army force navy house senate congress legislature parliament chamber
    caucus delegation leadership establishment electorate public majority minority diplomat child children son daughter
    wife husband mother father brother sister niece nephew cousin relative neighbor neighbour rival ally regular
    statistics opposition resistance rebels militants insurgents faction embassy mission lobby cartel"""
)
ACTOR_HEADS = PEOPLE_NOUNS | ROLE_WORDS | TITLES | UTTERANCES | MEASURES | BODY_WORDS | _BODIES_AND_PEOPLE
_PLURAL_AGENT = re.compile(r"(?:ers|ors|ists|ians|ants|ents|ees)$")  # "taxpayers", "environmentalists"


def _actor_word(word: str) -> bool:
    w = word.lower().replace("’", "'").removesuffix("'s").strip(".,'\"")
    forms = {w, w.removesuffix("s"), w.removesuffix("es"), w[:-3] + "y" if w.endswith("ies") else w}
    return bool(forms & ACTOR_HEADS) or (len(w) > 5 and _PLURAL_AGENT.search(w) is not None)


_PREPOSITIONS = frozenset("around across in at on throughout from into over under during within".split())
_OPENERS = frozenset("the a an this that these those some many most other others several both all another each".split())


def no_actor(name: str, given: GivenNames | None = None) -> bool:
    """A speaker in lower case (but for a capital that opens a sentence: "The trains") with no word
    for a person, group, body or text, a day ("Friday's"), or an adverb that opened its sentence
    ("Deeply divided about …, leaders": a word the corpus writes in lower case and no given name,
    so "Kelly" stays): no entity."""
    words = name.split()
    if given is not None and len(words) == 1 and words[0].endswith("ly") and given.common_word(words[0]):
        return True
    if words and all(w.lower().replace("’", "'").removesuffix("'s") in CALENDAR_WORDS for w in words):
        return True  # "Friday's": a day, no one
    if words and words[0].lower() in _PREPOSITIONS:
        return True  # "around the country", "in the room": a place or a time, no one
    if words and words[0].lower() in _OPENERS:
        words = words[1:]
    return not any(c.isupper() for w in words for c in w) and not any(_actor_word(w) for w in words)


_KIN = frozenset("relatives family families parents children".split())
_JOINERS = frozenset("of for the and on in".split())
_PARTISANS = frozenset("republicans democrats conservatives liberals progressives libertarians".split())
_CUTS = _PREPOSITIONS | {"of", "for", "who", "that"}


# faiths and regions that name people as a group ("Rohingya Muslim", "Northern European")
_FAITHS = frozenset(
    "muslim muslims christian christians jew jews jewish catholic catholics protestant protestants hindu hindus "
    "buddhist buddhists evangelical evangelicals sikh sikhs mormon mormons".split()
)
_REGIONS = frozenset(
    "north south east west northern southern eastern western central southeast southwest northeast northwest "
    "latin".split()
)


def people_group(name: str) -> bool:
    """A plural noun for people heads the phrase ("Demonstrators", "Scott's relatives", "attorneys
    for the family"): a group, not one person or a body. A name of capitalised words keeps its type
    ("United Auto Workers" is a union, "Citizens for Tax Justice" a group's name)."""
    words = name.split()
    if words and words[-1].lower() in _PARTISANS:
        return True  # "Oversight Committee Republicans", "House Democrats": members, not the party
    if len(words) == 2 and (
        words[-1].lower() in _FAITHS
        or (words[0].lower() in _REGIONS and words[-1].lower().endswith(("an", "ese", "ish")))
    ):
        return True  # "Rohingya Muslim", "Southeast Asian": people by faith or region, no one person
    if not words or (len(words) > 1 and all(w[:1].isupper() or w in _JOINERS for w in words)):
        return False  # "Citizens for Tax Justice"
    # the head: the last word before a preposition or a participle ("A union representing flight attendants")
    cut = next((k for k, w in enumerate(words) if k and (w.lower() in _CUTS or w.endswith("ing"))), len(words))
    low = words[cut - 1].lower().strip(".,")
    plural_agent = len(low) > 5 and low.endswith("s") and _PLURAL_AGENT.search(low) is not None
    return low in PEOPLE_NOUNS or low in _KIN or plural_agent
