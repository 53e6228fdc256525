"""Word lists and character folding that several stages share, defined once.

Why here: the rules, the merge and the scorer each had their own pronoun list, quote folding and
word-set helper; a fix to one ("“" folded, "her" a pronoun) did not reach the others. Each stage
may extend a list for its own purpose, by name, from these.
"""

from __future__ import annotations

import calendar
import re


def word_set(text: str) -> frozenset[str]:
    """A word set written as one space-separated string (keeps long vocabularies readable)."""
    return frozenset(text.split())


# One character for each quote, apostrophe and dash variant (one in, one out: offsets survive).
QUOTE_AND_DASH = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'", "\u00b4": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
}  # fmt: skip
_TABLE = str.maketrans(QUOTE_AND_DASH)


def fold_quotes(text: str) -> str:
    """``text`` with curly quotes, apostrophes and dashes made plain; same length."""
    return text.translate(_TABLE)


# Abbreviated titles written with a period before a name ("Del. Stacey Plaskett", "Gov. Ed Rendell"):
# the tokenizer keeps the period in the token and the sentence splitter does not end a sentence there.
TITLE_ABBREVIATIONS = (
    "Mr", "Mrs", "Ms", "Dr", "Sen", "Rep", "Del", "Gov", "Gen", "St", "Jr", "Sr", "Lt", "Col", "Sgt", "Capt",
    "Prof", "Rev", "Pres", "Adm", "Maj", "Amb", "Atty", "Sens", "Reps", "Cmdr", "Supt", "Insp",
)  # fmt: skip


# Pronouns that stand for a speaker ("he said", "they told"); PERSONAL name a person.
# Honorifics and offices written before a name ("Sen. Ben Sasse", "Prime Minister Maliki"): scoring
# compares names without them, the merge strips them from an entity's name.
TITLES = word_set("""mr mrs ms miss dr prof sen senator rep representative gov governor president pres vice
    secretary sec gen general col lt sgt capt maj adm judge justice chairman chairwoman chair minister mayor
    ambassador rev sir lord lady dame sheikh ayatollah former then-president spokesman spokeswoman
    spokesperson leader sens reps""")
# The titles that open a person's name and nothing else ("help Mr. Putin maintain": the name starts there).
COURTESY_TITLES = word_set("mr mrs ms miss dr")
# Words that say who a person is, written before the name ("Democratic candidate Hillary Clinton",
# "Supreme Leader Ali Khamenei"): what follows them is still a person's name. A party word does too
# ("Republican Donald Trump"), but also opens organisations' names ("Republican National Committee").
ROLE_WORDS = word_set(
    "president-elect prime supreme congressman congresswoman colonel head chief deputy candidate nominee retired "
    "chancellor manager director executive adviser advisor aide strategist founder ceo speaker commissioner "
    "attorney sheriff treasurer comptroller superintendent economist veteran reporter correspondent columnist "
    "editor analyst professor researcher writer historian scholar pollster"
)
PARTY_WORDS = word_set("republican republicans democrat democrats democratic gop libertarian")
# Titles, roles and party words: a person's name may follow any of them in a phrase ("Vermont Sen. Bernie Sanders").
PERSON_ROLES = TITLES | ROLE_WORDS | PARTY_WORDS
# Generational suffixes and initials carry no identity of their own ("Joseph R. Biden Jr." = "Joseph Biden").
NAME_SUFFIXES = word_set("jr sr ii iii iv")
# Plural nouns for people: "voters in Iowa" is a source phrase (rules); "Camp Liberty residents" is
# a group of a place, not the place (merge).
PEOPLE_NOUNS = word_set("""voters residents officials members supporters leaders workers people students analysts
    experts economists lawmakers legislators republicans democrats delegates activists critics fans families refugees
    citizens police officers witnesses observers others aides advisers proponents opponents conservatives liberals
    progressives protesters researchers scientists advocates investigators prosecutors authorities donors organizers
    americans parents teachers doctors scholars historians commentators pundits strategists women men politicians
    elites candidates senators governors mayors journalists lawyers attorneys executives employees immigrants
    migrants veterans soldiers troops""")
PERSONAL_PRONOUNS = word_set("he she him her i")
SPEAKER_PRONOUNS = PERSONAL_PRONOUNS | word_set("they it we them you")
SUBJECT_PRONOUNS = word_set("he she they it we i")
# Every pronoun a gold or predicted speaker may be written as (possessives and relatives too).
PRONOUNS = SPEAKER_PRONOUNS | word_set(
    "me my mine us our ours your yours his hers its their theirs who whom whose which that this these those "
    "one someone somebody"
)


_CONTRACTED = re.compile(r"^(he|she|it|they|we|i|you)['’](?:s|re|d|ll|ve|m)$", re.I)


def without_contraction(word: str) -> str:
    """A subject pronoun written with its verb ("He’s", "We've", "They're") as the pronoun alone: the
    rules name the speaker "He", PolNeAR's gold writes the span as it stands."""
    m = _CONTRACTED.match(word.strip())
    return m.group(1) if m else word


def refers_back(name: str) -> bool:
    """A speaker written as a pronoun, or led by one ("It", "He", "they all"): it names no entity
    of its own, only (through its antecedent) one named elsewhere."""
    words = name.strip().lower().split()
    return bool(words) and words[0] in SPEAKER_PRONOUNS


# The months by name ("May" may also be a surname): the calendar's own list, lower-cased.
MONTHS = frozenset(m.lower() for m in calendar.month_name if m)
