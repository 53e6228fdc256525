"""Name rules used by alias resolution: variant keys, a person's name and key, names in text.

Why separate from ``entities.py``: these are pure functions on strings, each one a rule a reader
can check against an example ("White House spokesman Josh Earnest" → "Josh Earnest"), and they
are unit-tested on their own; ``namematch`` holds the rules that compare two names. The
union-find bookkeeping lives in ``entities.py``.
"""

from __future__ import annotations

import re

from summarizer.merge.normalize import STOPWORDS, is_acronym, name_key, words
from summarizer.merge.places import gazetteer
from summarizer.text.acronyms import acronym_definitions
from summarizer.text.words import MONTHS, NAME_SUFFIXES, PERSON_ROLES, PRONOUNS, ROLE_WORDS, TITLE_ABBREVIATIONS
from summarizer.text.words import TITLES as TEXT_TITLES

# Tokens an acronym may skip ("Mujahedin-e Khalq" → MEK or MK; "... of Iran" → PMOI).
SKIPPABLE = words("of the and for e de al el in on at la du des y to")
# Generic trailing words an organization name may drop ("Mujahedin-e Khalq Organization" → MKO or MEK).
ORG_SUFFIX = words("organization organisation group movement party")
# Nationality adjectives that name the same actor as the country ("Iraqi government" = "government of Iraq").
DEMONYMS = {
    "iranian": "iran",
    "iraqi": "iraq",
    "american": "us",
    "british": "uk",
    "french": "france",
    "syrian": "syria",
    "israeli": "israel",
    "saudi": "saudi arabia",
    "turkish": "turkey",
    "russian": "russia",
    "chinese": "china",
    "german": "germany",
    "kurdish": "kurd",
}
DEMONYMS_AND_COUNTRIES = frozenset(DEMONYMS) | frozenset(DEMONYMS.values()) | {"un", "eu"}
BODIES = words("government military army police forces authorities")
COUNTRIES = frozenset(DEMONYMS.values())
_POLITY_ADJECTIVES = words("theocratic clerical ruling current central federal islamic")
# Words that name the same kind of actor ("Iranian regime" = "Iranian government").
SYNONYMS = {"regime": "government", "administration": "government"}
# Leading words of a person's name that are titles or roles, not names ("Prime Minister Nouri
# al-Maliki", "Iranian Resistance leader Maryam Rajavi"): the text layer's titles and role words,
# plus the words that may open such a run ("the Iranian Resistance leader").
TITLES = (
    TEXT_TITLES
    | ROLE_WORDS
    | words("""then state foreign interior resistance opposition iranian iraqi us american french british un of the
    house senate majority minority""")
)
PARTICLES = words("al el bin ibn de van von da")  # dropped from a person's key: "de Blasio" = "Blasio"
# and these too join the words of a name written with them ("Marine Le Pen", "Rocco di Pietro")
JOINING_PARTICLES = PARTICLES | words("di le la")


def org_core(key: str) -> str:
    """A name key without its generic trailing organization word and skippable words."""
    toks = key.split()
    while len(toks) > 1 and toks[-1] in ORG_SUFFIX:
        toks = toks[:-1]
    return " ".join(t for t in toks if t not in SKIPPABLE) or key


def variant_key(key: str) -> str:
    """Order-free key that equates "Iraqi government", "government of Iraq" and "Iraq's government"."""
    key = f" {key} ".replace(" united states ", " us ").replace(" united kingdom ", " uk ").strip()
    toks = [SYNONYMS.get(t, DEMONYMS.get(t, t)) for t in org_core(key).split()]
    if len(toks) == 3 and toks[0] in COUNTRIES and toks[-1] in BODIES and toks[1] in _POLITY_ADJECTIVES:
        toks = [toks[0], toks[-1]]  # "Iranian theocratic regime" = "Iranian regime"
    if len(toks) > 2 and toks[-1] == "airport":
        toks = [t for t in toks if t != "international"]  # "Baghdad International Airport" = "Baghdad airport"
    return " ".join(sorted(toks))


def person_name(raw: str) -> str:
    """The name in a person's surface form, as written: without the titles and roles before it
    ("White House spokesman Josh Earnest" → "Josh Earnest", "Vermont Sen. Bernie Sanders" →
    "Bernie Sanders", "Mr. Biden" → "Biden") or a descriptor after a comma. It occurs in the text."""
    toks = raw.split(",")[0].split()
    owner = max((k for k, t in enumerate(toks[:-2]) if t.endswith(("'s", "’s"))), default=-1)
    if owner >= 0:  # "CNN's Wolf Blitzer", "Salem Radio's Hugh Hewitt"
        toks = toks[owner + 1 :]
    if "of" in toks[2:]:  # "Senator Bernie Sanders of Vermont"
        toks = toks[: toks.index("of", 2)]
    if toks and _bare(toks[-1]) in ORG_HINTS:
        return " ".join(toks)  # "Justice Department", "Chief Justice's office": a body, no title to strip
    last = max((k for k, t in enumerate(toks[:-1]) if _bare(t) in PERSON_ROLES), default=-1)
    # someone who serves a name is not its bearer: "A reporter for USA Today", "adviser to President Obama"
    # (but "Senior Adviser to the President Valerie Jarrett" is hers)
    served = [k for k in range(1, min(last + 2, len(toks) - 1)) if toks[k] in ("for", "at", "with", "to")]
    if any(toks[k + 1] not in ("the", "a") for k in served):
        return " ".join(toks)
    while len(toks) > 1 and _bare(toks[0]) in TITLES:
        toks = toks[1:]
    role = max((k for k, t in enumerate(toks[:-1]) if _bare(t) in PERSON_ROLES), default=-1)
    rest = toks[role + 1 :]
    if role >= 0 and not any(_bare(t) in ORG_HINTS for t in rest):
        toks = rest
    if len(toks) >= 5 and toks[0] in ("on", "of", "in") and all(t[:1].isupper() for t in toks[1:]):
        # "advisor on Camp Ashraf Tahar Boumedra", "Director of National Intelligence James Clapper": the
        # name closes the run of what the role is about
        toks = toks[-3:] if re.fullmatch(r"[A-Z]\.", toks[-2]) else toks[-2:]
    return " ".join(toks)


def person_key(name: str) -> str:
    """A person's name as a key (``person_name``, lowercased) without particles, middle initials and
    generational suffixes: "Joseph R. Biden Jr." → 'joseph biden', "Nouri al-Maliki" → 'nouri maliki'."""
    toks = name_key(person_name(name)).split()
    kept = [t for t in toks if t not in PARTICLES and t not in NAME_SUFFIXES and (len(t) > 1 or t.isdigit())]
    return " ".join(kept or toks) or name_key(name)


# the words that make a name a public body's ("Justice Department", "Department of Veterans Affairs")
BODY_WORDS = frozenset(
    {"department", "office", "ministry", "bureau", "agency", "committee", "commission", "council", "court"}
)


def role_phrase(words_: list[str]) -> bool:
    """Words that only say what someone is ("Republican presidential nominee", "current Democratic
    nominee"): a role or party word among them, every capitalised one a role, and no body word
    ("office of Prime Minister" is a body)."""
    roles = [w.lower().strip(".") in PERSON_ROLES for w in words_]
    return (
        any(roles)
        and all(role or not w[:1].isupper() for role, w in zip(roles, words_, strict=True))
        and not any(w.lower() in BODY_WORDS for w in words_)
    )


# a capitalised word, or an abbreviated title with its period ("Former Pennsylvania Gov. Ed Rendell" is one run)
# ("Jr." and "Sr." end a name: their period is the sentence's or nothing)
_TITLE_DOT = "|".join(t for t in TITLE_ABBREVIATIONS if t not in ("Jr", "Sr"))
_CAP = rf"(?:(?:{_TITLE_DOT})\.|(?:(?:al|el)-)?[A-Z][\w'’-]*\w)"
_INITIAL = r"[A-Z]\.(?=\s+[A-Z])"  # a middle initial inside a name: "Joseph R. Biden"
_NAME = re.compile(rf"{_CAP}(?:\s+(?:(?:of|the|for|and|e|de|du|la)\s+){{0,2}}(?:{_CAP}|{_INITIAL}))+")
_ACRONYM = re.compile(r"\b[A-Z](?:\.?[A-Z]){1,6}\b\.?")
_HONORIFIC = re.compile(r"\b(?:Mr|Mrs|Ms|Dr)\.?\s+[A-Z][\w'’-]*\w")
_BODY = r"(?:regime|government|military|army|police|security forces|forces|authorities|administration)"
_DEMONYM = "|".join(sorted((d.capitalize() for d in DEMONYMS), key=len, reverse=True))
_GOVERNMENT = re.compile(
    rf"\b(?:(?:{_DEMONYM}|US|U\.S\.)|[A-Z]\w+['’]s)\s+(?:[a-z]+\s+)?{_BODY}\b"
    rf"|\b{_BODY} of (?:the )?[A-Z]\w+(?:\s+[A-Z]\w+)?"
)
# the second halves of adjectives made from a name: "Obama-era", "Clinton-style", "Trump-born"
_COMPOUND_ENDS = frozenset("era style like friendly born made wide owned run".split())
# A body named for its subject after "on": "Council on Foreign Relations", "Commission on
# Presidential Debates" (the name pattern joins words over "of" and "for", not "on")
_BODY_ON = re.compile(
    r"(?:[A-Z][\w'’-]*\s+)*(?:Council|Committee|Subcommittee|Commission|Conference|Institute|Center|Task Force)"
    r"\s+on\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:and\s+)?[A-Z][\w'’-]*)*"
)
# An office or an airport written with a lowercase head: "Prime Minister's office" = "the office of
# Prime Minister", "Baghdad airport" (= "Baghdad International Airport", ``variant_key``)
_FACILITY = re.compile(
    r"\b(?:[A-Z]\w+\s+)?[A-Z]\w+['’]s\s+office\b|\boffice of (?:the )?[A-Z]\w+(?:\s+[A-Z]\w+)?|\b[A-Z]\w+ airport\b"
)
# Function words that open a sentence with a capital and never a name ("Beyond Trump's finances",
# "Did Trump lower his taxes"): dropped from the front of a capitalised run.
_SENTENCE_WORDS = words(
    "the a an in on at this that these those it he she they we but and or if as after before while when "
    "since during according with evidence by of for to be beyond did does do is are was were has have had would could "
    "should might must what where which who why how whether though although because unless until despite "
    "without within through throughout against among between across behind below above under over about from "
    "into onto upon via unlike near also still even now then so thus however meanwhile perhaps maybe instead "
    "indeed yet not no nor both either neither each every all any many much more most such only just there here "
    "said says added adds asked told wrote writes"  # an inverted cue: "Said Ellis:", "Added Mr. Trump"
)
# months and days end no name ("By Brian Booker Oct 29", "North Florida Friday") and are none alone
CALENDAR_WORDS = MONTHS | words("jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday "
                           "friday saturday sunday")  # fmt: skip
_WORD = re.compile(r"[A-Za-z][\w'’-]{2,}")  # words of three letters or more: "was", "hit" count


# Function words a headline capitalizes and a name does not: "Thoughts On Donald Trump", "Goes After
# Donald Trump As The New Mitt Romney", "Debating The Donald" (a book).
_TITLE_WORDS = frozenset("The Of And On As At To In For With After Their His Her Its Is Are Over Into".split())
# and these too mark a headline, though a name may hold one ("Citizens Against Government Waste")
_HEADLINE_WORDS = _TITLE_WORDS | frozenset("Under About From Against Without".split())


def _title_words(words_: list[str]) -> int:
    return sum(w in _TITLE_WORDS for w in words_[1:])


def _headline(text: str) -> bool:
    """Title Case text ("Iran and Iraq Involved in Camp Liberty Shelling"): its capitals mark a
    headline, not names, so runs of them are read as names ("Iraq Involved") only when they end in
    an organization word ("Times", "Organization"). A line ending like a sentence is one, however
    capitalized, unless it capitalizes two function words too ("31 Latinos Share Their Most Honest
    Thoughts On Donald Trump.")."""
    found = _WORD.findall(text)
    if text.rstrip().endswith((".", "!", "?", '"', "”")) and sum(w in _HEADLINE_WORDS for w in text.split()[1:]) < 2:
        return False
    return len(found) >= 4 and sum(w[0].isupper() for w in found) >= 0.75 * len(found)


def display_name(raw: str) -> str:
    """A surface form as shown to readers: whitespace collapsed, no leading "The"."""
    text = " ".join(raw.split()).strip(" \"'“”‘’.,:;")
    if text.endswith(("’s", "'s")) and len(text) > 3:
        text = text[:-2]
    if text[:4].lower() == "the " and len(text) > 4:
        text = text[4:]
    return text


ORG_HINTS = words(
    "department ministry office council agency committee force forces army police government regime "
    "organization group party movement front brigades times news post house nations state states "
    "commission commissioner mission convention airport camp university court center centre institute "
    "foundation services coalition association alliance union assembly legislature parliament senate congress"
)


# Words that never stand alone for a longer name ("Iraq" is not "government of Iraq").
NOT_SHORT_FORMS = DEMONYMS_AND_COUNTRIES | TITLES | ORG_HINTS | STOPWORDS


def _titled(words: list[str]) -> bool:
    """Starts with a title ("Prime Minister ...", "Iranian Supreme Leader ...") and has a name after it."""
    low = [w.lower() for w in words]
    while low and low[0] in DEMONYMS_AND_COUNTRIES:
        low = low[1:]
    if len(low) < 2 or low[0] not in TITLES or any(w in ORG_HINTS for w in low):
        return False
    rest = person_key(" ".join(words)).split()
    return 1 <= len(rest) <= 3 and rest[-1] not in TITLES and not is_acronym(words[-1])  # "Former DNC"


_BARE_TITLES = TEXT_TITLES | ROLE_WORDS  # a run of these alone is a title, not a name


def _bare(word: str) -> str:
    return word.lower().rstrip(".").removesuffix("’s").removesuffix("'s")


def _and_parts(words: list[str]) -> list[list[str]]:
    """A run joined by "and" is one name when it ends on an organisation word that the words before
    the "and" lack ("Securities and Exchange Commission", "Department of Health and Human
    Services"), else the names on either side ("Donald Trump and Hillary Clinton")."""
    if "and" not in words:
        return [words]
    at = words.index("and")
    owned = any(w.endswith(("'s", "’s")) for w in words[:at])  # "CNN's Anderson Cooper and Fox News": two
    one = (
        words[-1].lower() in ORG_HINTS
        and "of" not in words[at:]
        and words[at - 1].lower() not in ORG_HINTS
        and not owned
    )
    # "Center for Strategic and International Studies": two adjectives of one head noun
    one = one or (words[at - 1].lower().endswith(("ic", "al", "ive", "ary")) and at + 2 < len(words) and not owned)
    if one and words[at + 1 : at + 2] != ["the"]:  # "United Kingdom and the European Union": two
        return [words]  # not "Cooper and Martha Raddatz of ABC News", "Iraqi Government and the United Nations"
    parts: list[list[str]] = [[]]
    for w in words:
        if w == "and":
            parts.append([])
        else:
            parts[-1].append(w)
    return [p for p in parts if p]


def conjoined(raw: str) -> bool:
    """Several actors joined by "and", each named ("Mr. Grassley and Mr. Leahy", "China and Russia",
    "Presidential candidates Hillary Clinton and Donald Trump"), not one body's name with an "and"
    in it ("Securities and Exchange Commission"): such a speaker is a group, never one of them."""
    parts = _and_parts(raw.split())
    return len(parts) >= 2 and all(any(w[:1].isupper() for w in p) for p in parts)


def names_in_text(*texts: str) -> dict[str, bool]:
    """Names in claim text → whether they look like a person ("Prime Minister Maliki", "Mr. Giuliani").

    Capitalized multi-word names ("Mujahideen-e Khalq"), acronyms ("MKO"), governing bodies written
    in lower case ("Iranian regime", "government of Iraq"). These are only alias *candidates*: rules
    decide whether they join a declared entity.
    """
    found: dict[str, bool] = {}
    for text in texts:
        headline = _headline(text)
        bodies_on = [m.span() for m in _BODY_ON.finditer(text)]
        for a, b in bodies_on:
            found.setdefault(text[a:b], False)
        for m in _NAME.finditer(text):
            if any(a <= m.start() and m.end() <= b for a, b in bodies_on):
                continue  # "European Council", "Foreign Relations" of "the European Council on Foreign Relations"
            words_ = m.group(0).split()
            if m.start() > 0 and text[m.start() - 1] == "-":
                words_ = words_[1:]  # "the pro-Clinton Priorities USA Action": "Clinton" is an adjective's
            suffix = words_[-1].rsplit("-", 1)[1] if words_ and "-" in words_[-1] else ""
            if suffix.islower() and (suffix.endswith(("ed", "ing")) or suffix in _COMPOUND_ENDS):
                words_ = words_[:-1]  # "Ivy League-trained", "Trump-backed": an adjective ("Ban Ki-moon" is a name)
            for run in _and_parts(words_):
                if headline and run[-1].lower() not in ORG_HINTS:  # "the NewYork Times" is a name there too
                    continue
                while run and run[0].lower() in _SENTENCE_WORDS:
                    run = run[1:]
                if _title_words(run):  # "Debating The Donald": a title, not a name
                    continue
                dated = re.match(r"[\s.,]*\d", text[m.end() :]) is not None  # "By Brian Booker Oct 29"
                while (
                    run
                    and run[-1].lower().rstrip(".") in CALENDAR_WORDS
                    and (
                        dated or len(run) < 3 or run[-1].lower() not in MONTHS  # a month may be a surname
                    )
                ):
                    run = run[:-1]  # "Des Moines Monday"; not "Prime Minister Theresa May"
                if len(run) >= 2 and not all(_bare(w) in _BARE_TITLES for w in run):  # "Prime Minister"
                    found[" ".join(run)] = _titled(run)
        for m in _ACRONYM.finditer(text):
            if _SHOUTED_RUN.search(text, max(0, m.start() - 12), min(len(text), m.end() + 12)):
                continue  # "MIDWAY ATOLL", "WHITE HOUSE SAYS": a shouted headline, not acronyms
            if is_acronym(m.group(0)) and not names_nothing(m.group(0)) and not _initials(text, m):
                found.setdefault(m.group(0).rstrip("."), False)  # not "YOU", "CAVEATS" shouted
        for m in _HONORIFIC.finditer(text):
            found[m.group(0)] = True
        for m in (*_GOVERNMENT.finditer(text), *_FACILITY.finditer(text)):
            found.setdefault(m.group(0), False)
    return found


_DETERMINERS = words("some many others both all this these those one each another several most few")
# answers, time zones, company suffixes and articles written alone
_NO_NAMES = words("no yes not edt est pdt pst cdt cst mdt mst gmt utc et e.t llc l.l.c inc corp ltd a an the uss pac")
_SHOUTED_RUN = re.compile(r"\b[A-Z]{3,}\s+[A-Z]{3,}\b")
_ROMAN = re.compile(r"[IVX]{1,4}")
# The last word of a capitalised name that is an event, a day or a text, not an actor ("Election Day",
# "Refugee Convention", "Affordable Care Act", "Second Amendment", "New Hampshire Primary", "Executive
# Session", "Clean Power Plan", "Steve Harvey Morning Show").
_EVENTS_AND_TEXTS = frozenset(
    "Day Week Convention Act Treaty War Agreement Accord Amendment Doctrine Olympics Symposium Primary Caucuses "
    "Medal Prize Award Session Plan Show".split()
)
_DEBRIS = re.compile(r"[\d$%]")
_PARTY_LABEL = re.compile(r"[DRI]-[A-Z]")  # "(D-Newport News)", "R-Texas": a lawmaker's party and home


_NAME_AFTER = re.compile(r"\s+[A-Z][a-z]")


def _initials(text: str, m: re.Match[str]) -> bool:
    """Dotted capitals before a name are its initials ("G.K. Butterfield", "George H.W. Bush"), no
    acronym of their own; a country's or a state's ("U.S. Senate", "D.C. Mayor") stays one."""
    if "." not in m.group(0) or not _NAME_AFTER.match(text, m.end()):
        return False
    key = name_key(m.group(0))
    return key not in DEMONYMS_AND_COUNTRIES and key not in gazetteer().state_codes


def names_nothing(raw: str) -> bool:
    """A phrase that is no name and no description of an actor: a pronoun or determiner ("Some",
    "HIM", "This"), a clause fragment ending in one ("including a provision they"), a figure
    ("minimum $20 million experts"), a roman numeral, an event, day or text ("Election Day", "the
    Affordable Care Act"), a party label ("D-Newport News") or a shouted word ("CAVEATS")."""
    toks = raw.strip().split()
    if not toks:
        return True
    low = [t.lower().strip(".,;:'\"’“”") if not t.isupper() else "" for t in toks]  # "US" is no "us"
    if low[0] in PRONOUNS or (low[0] in _DETERMINERS and len(toks) == 1) or low[-1] in PRONOUNS:
        return True
    if (
        len(toks) == 1 and toks[0].lower().strip(".,;:!") in _NO_NAMES | TEXT_TITLES | ROLE_WORDS | CALENDAR_WORDS
    ):  # "EDT", "Judge", "CEO", "Friday"
        return True
    if _DEBRIS.search(raw) or _ROMAN.fullmatch(raw.strip()):  # a figure; "II" of "World War II"
        return True
    if _PARTY_LABEL.match(raw.strip()):  # "D-Newport News": a label after a lawmaker's name, no actor
        return True
    if len(toks) >= 2 and _ROMAN.fullmatch(toks[-1]):
        toks = toks[:-1]  # "World War II", "Vatican II": the event before the numeral
    if len(toks) >= 2 and toks[-1] in _EVENTS_AND_TEXTS:  # "Election Day", "Affordable Care Act": no actor
        return True
    if sum(1 for t in toks if t.isupper() and len(t) >= 4) >= 2:  # "SAVE A QUARTER Let's say": a shouted header
        return True
    if len(toks) >= 2 and all(t.isupper() for t in toks) and any(t.lower() in _SENTENCE_WORDS for t in toks):
        return True  # "ME ME AND ONLY ME": a shouted line, not an acronym's run
    shouted = toks[0].lower()
    return (
        len(toks) == 1
        and toks[0].isupper()
        and len(shouted) >= 3
        and (len(shouted) >= 7 or shouted in STOPWORDS or shouted in PRONOUNS)
    )


def definitions_in_text(text: str) -> list[tuple[str, str]]:
    """``ACR (Long Name)`` and ``Long Name (ACR)`` pairs written in the text itself, as (short, long)."""
    return [(short, long) for long, shorts in acronym_definitions(text) for short in shorts]
