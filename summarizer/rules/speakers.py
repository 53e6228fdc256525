"""The one speaker decision: who a rule attribution's speaker is, in an explicit order.

Why one place: a speaker used to be decided in five (model checks, rule refinement, normalizing,
the engine), and a better rule in one was undone by the next. Here, per attribution, in order:

1. the speaker phrase as the rules found it next to the cue (subject of the cue, the object of
   "according to", "said X" inverted, the appositive's head: "X, a former negotiator, said" → X);
2. trimmed of verb debris ("Mr. Trump has repeatedly" → "Mr. Trump"); never a clause fragment;
3. a pronoun ("he", "they") or a description ("the group", "the statement", "the same source")
   keeps its words as the speaker and gets the named antecedent: the most recent named speaker
   of a fitting kind (a person for he/she), with the antecedent's span.

Speaker types (person, organization, government, media, unnamed) are classified here too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from summarizer.models import Mention, SpeakerType
from summarizer.rules.lexicon import MEASURES, QUANTIFIERS, Attribution
from summarizer.text.words import (
    PARTY_WORDS,
    PEOPLE_NOUNS,
    PERSON_ROLES,
    PERSONAL_PRONOUNS,
    SPEAKER_PRONOUNS,
    SUBJECT_PRONOUNS,
    refers_back,
    without_contraction,
)

AUTHOR = "author"
NO_SOURCE = "no source"
PERSONAL = PERSONAL_PRONOUNS
PRONOUNS = SPEAKER_PRONOUNS
# descriptions that refer back to a source named earlier
ANAPHORA = re.compile(
    r"^(?:the|this|that)\s+(?:same\s+)?(?:source|statement|group|report|organi[sz]ation|document|letter|"
    r"message|release|senator|candidate|official|spokes(?:wo)?man|spokesperson|agency|campaign|committee)s?$",
    re.I,
)
_RECENT = 6  # antecedents are looked for among this many preceding named speakers

# Verb-phrase debris a subject phrase drags along: "Republicans have", "Mr. Trump has repeatedly",
# "the Supreme Court this month".
_TRAILING = re.compile(
    r"(?:\s+(?:has|have|had|is|are|was|were|will|would|could|should|must|might|may|can|also|repeatedly|again|"
    r"recently|previously|later|earlier|then|now|still|further|even|too|meanwhile|"
    r"(?:has|have|had|is|are|was|were|did|does|do|would|could|should|wo|ca)n['’]t))+$"
)  # case-sensitive: "Will Dunham" and "John Still" are names
# A time after a name is debris ("Mr. Trump on Monday"); after a noun it dates the source, which
# PolNeAR keeps in it ("a Quinnipiac University poll this month", "new polls released Sunday").
_TIME = re.compile(
    r"\s+(?:(?:this|last|next)\s+(?:week|month|year)|"
    r"(?:on\s+|later\s+|earlier\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"(?:\s+(?:morning|afternoon|evening|night))?|yesterday|today|tonight)$"
)


def _without_time_after_name(text: str) -> str:
    m = _TIME.search(text)
    before = text[: m.start()].split() if m else []
    return text[: m.start()] if m and before and before[-1][:1].isupper() else text


_LEADING = re.compile(
    r"^(?:(?:and|but|also|then|so|while|as|yet|instead|meanwhile|besides|still|however|including)\b,?\s*"
    r"|\d{1,2}(?:AM|PM)(?=[A-Z])"  # "12PMTrump": a live blog's time stamp glued to the name
    # "The morning Mr. Obama unveiled …": the time a clause is about, then its subject
    r"|(?-i:[Tt]he\s+(?:morning|day|night|evening|afternoon|week|year|moment)\s+(?=[A-Z])))",
    re.I,
)
_HEADS = re.compile(
    r"^(?:a|an|the)\s+(?:(?:new|recent|latest)\s+)?(?:statement|report|analysis|study|survey|memo|letter|"
    r"spokes(?:wo)?man|spokesperson)\s+(?:by|from|of)\s+(?=[A-Z])",
    re.I,
)


def is_pronoun(name: str) -> bool:
    return name.lower().strip() in PRONOUNS


def is_anaphoric(name: str) -> bool:
    """A pronoun or a description that refers back ("the group"), which needs an antecedent."""
    return is_pronoun(name) or refers_back(name) or bool(ANAPHORA.match(name.strip()))  # "they all" too


# "The new State Department report", "a Reuters poll": a document named after its organisation is
# written as it stands and speaks for the organisation (its antecedent, as the seed guidelines have
# it); "the report" alone stays a description.
_NAMED_DOCUMENT = re.compile(
    r"^(?:[Tt]he|[Aa]n?)\s+(?:(?:new|latest|recent|annual|former|\d{4})\s+)*"
    r"((?:[A-Z][\w.&'’-]*)(?:\s+(?:of\s+)?[A-Z][\w.&'’-]*)*)\s+"
    r"(?:report|statement|study|poll|survey|analysis|editorial|release|investigation|audit)$"
)


# "Donald Trump's tweet", "Mrs. Clinton's N.Y.U. speech": what someone wrote or said speaks for its
# author, as a named document for its organisation; the words stay the speaker, the owner its antecedent.
UTTERANCES = frozenset(
    """tweet tweets comment comments remark remarks speech speeches statement statements letter letters website
    book memo email emails e-mail e-mails post message messages interview brief op-ed ad ads proposal proposals
    words claim claims testimony account announcement release""".split()
)
_OWNED_UTTERANCE = re.compile(
    r"^(?:[Tt]he\s+)?((?:[A-Z][\w.&-]*)(?:\s+(?:of\s+)?[A-Z][\w.&-]*)*)['’]s?\s+(?:[\w.-]+\s+){0,2}"
    rf"(?:{'|'.join(sorted(UTTERANCES, key=len, reverse=True))})$"
)


def speaks_for_another(name: str) -> bool:
    """A speaker that is something written or said ("the statement", "Donald Trump's tweet"), which
    speaks for its author: the author is the actor, the words are no name of theirs."""
    words = name.lower().split()
    return bool(words) and words[-1] in UTTERANCES


def trim_speaker(name: str) -> str:
    """The speaker as written, without verb debris, frame punctuation or a leading conjunction."""
    clean = " ".join(name.split()).strip(" \"'“”.,:;")
    clean = _TRAILING.sub("", _without_time_after_name(_TRAILING.sub("", clean)))
    clean = _HEADS.sub("", _LEADING.sub("", clean))  # "a statement by X" → X
    words = clean.split()
    if len(words) > 1 and words[-1].lower() in SUBJECT_PRONOUNS - {"it"}:
        clean = words[-1]  # the subject is the pronoun: "Maybe he figures", "a decision they say"
    clean = without_contraction(clean)  # "He’s claiming", "It's denouncing": the pronoun, not a name "He’s"
    return clean or name.strip()


@dataclass(frozen=True)
class Decided:
    """An attribution's speaker after the decision: the name as written, where it stands, and for
    a pronoun or description the antecedent it refers to."""

    name: str
    type: SpeakerType
    mention: Mention | None
    antecedent: Mention | None = None


@dataclass
class SpeakerResolver:
    """Decides speakers in article order; remembers the recent named speakers for antecedents.
    One per article (chunks are fed in order), never shared between articles."""

    recent: list[Mention] = field(default_factory=list)

    def decide(self, a: Attribution) -> Decided:
        if not a.speaker:  # a no-source cue: "has reportedly attacked"
            return Decided(NO_SOURCE, SpeakerType.unnamed, None)
        written = trim_speaker(a.speaker)
        start = a.speaker_span[0] if a.speaker_span else -1
        mention = None
        if a.speaker_span is not None and written:
            offset = a.speaker.find(written)
            if is_pronoun(written):  # the word itself, last: not the "he" of "the"
                found = list(re.finditer(rf"\b{re.escape(written)}\b", a.speaker))
                offset = found[-1].start() if found else -1
            if offset >= 0:
                mention = Mention(text=written, start=start + offset, end=start + offset + len(written))
        kind = speaker_type_for(written)
        named = _NAMED_DOCUMENT.match(written)
        if named is not None and mention is not None:  # "The new State Department report": the Department
            org = Mention(text=named.group(1), start=mention.start + named.start(1), end=mention.start + named.end(1))
            return Decided(written, kind, mention, org)
        owned = _OWNED_UTTERANCE.match(written)
        if owned is not None and mention is not None:  # "Donald Trump's tweet": Donald Trump
            owner = Mention(text=owned.group(1), start=mention.start + owned.start(1), end=mention.start + owned.end(1))
            return Decided(written, SpeakerType.unnamed, mention, owner)
        if not is_anaphoric(written):
            if mention is not None:
                self.recent.append(mention)
                del self.recent[:-_RECENT]
            return Decided(written, kind, mention)
        return Decided(written, kind, mention, self.antecedent(written, before=start))

    def antecedent(self, pronoun: str, before: int) -> Mention | None:
        # "he", and "the senator" / "the candidate": a person's; "the group", "the statement": not
        bare = _without_article(pronoun).lower()
        want_person = pronoun.lower() in PERSONAL or _role_headed(bare)
        head = bare.split()[-1] if bare and not is_pronoun(pronoun) else ""
        for m in reversed(self.recent):
            if 0 <= before <= m.start:
                continue
            if _role_headed(_without_article(m.text)):
                continue  # "the Republican nominee" is a description: a pronoun's antecedent is a name
            if head and not _stands_for(head, m.text):
                continue
            is_person = speaker_type_for(m.text) == SpeakerType.person
            if pronoun.lower() == "they" or head in PEOPLE_NOUNS or is_person == want_person:
                return m
        return None


# What a description's head word can stand for ("the agency": a government body or an organisation),
# read from the kind of the named speaker; heads not listed take any named speaker of their kind.
_HEAD_KINDS: dict[str, frozenset[SpeakerType]] = {
    **dict.fromkeys(
        "campaign party group organization organisation coalition alliance movement opposition union".split(),
        frozenset({SpeakerType.organization}),
    ),
    **dict.fromkeys(
        "agency department ministry government administration office bureau regime court".split(),
        frozenset({SpeakerType.government, SpeakerType.organization}),
    ),
    **dict.fromkeys("newspaper paper network outlet magazine".split(), frozenset({SpeakerType.media})),
}


def unowned_document(name: str) -> bool:
    """A speaker that is a document no name owns ("a statement", "The ad", "New footage", "Polls"):
    no actor. Its words are lower case but for an opening article or adjective or the head itself."""
    words = name.split()
    while len(words) > 1 and words[0].lower() in _DOCUMENT_OPENERS:
        words = words[1:]
    named = any(w[:1].isupper() for w in words[:-1]) or (len(words) > 1 and words[-1][:1].isupper())
    return bool(words) and not named and words[-1].lower() in DOCUMENT_WORDS


_DOCUMENT_OPENERS = frozenset("a an the this that new latest recent instant another".split())


def _stands_for(head: str, name: str) -> bool:
    """Whether a description with head word ``head`` ("campaign" of "the campaign") can refer to the
    named speaker ``name``: one that has the same head ("Donald Trump's campaign"), else one of the
    kind the head names. Not a document for an actor ("the campaign" is no ad, "the agency" no report),
    not a thing for people ("the senators" are people, or two of them named)."""
    words = [w.strip("'’") for w in name.lower().split()]
    if head in words or head.rstrip("s") in words:
        return True
    if head not in DOCUMENT_WORDS and any(w in DOCUMENT_WORDS for w in words):
        return False
    kind = speaker_type_for(name)
    if head in PEOPLE_NOUNS:
        return kind == SpeakerType.person or "and" in words
    return kind in _HEAD_KINDS.get(head, _ANY_KIND)


_ANY_KIND = frozenset(SpeakerType)


_GOVERNMENT = re.compile(
    r"\b(government|ministry|minister|department|regime|embassy|congress|senate|parliament|assembly|legislature|court|"
    r"white house|state department|pentagon|police|army|military|forces|president|office|"
    r"administration|spokes(wo)?man|ambassador|officials?|federal|reserve|guard|corps|revenue|congressional|bureau|"
    r"fbi|cia|nsa|irs|epa|fda|doj|dhs|cbo|gao|fec|nypd|lapd|secret service|electoral college|european union|"
    r"national security council)\b"
    # a chamber's committee: "House Financial Services Committee", or one named for what Congress
    # oversees, without the chamber ("Oversight Committee", "Judiciary Committee")
    r"|^(?:the\s+)?(?:house|senate)\s+(?:[\w-]+\s+){0,3}(?:committee|subcommittee|panel)\b"
    r"|^(?:the\s+)?(?:oversight|judiciary|intelligence|armed services|foreign relations|foreign affairs|"
    r"appropriations|ways and means|homeland security|finance|budget|ethics)(?:\s+and\s+[\w-]+){0,2}"
    r"\s+(?:committee|subcommittee)\b",
    re.I,
)
_MEDIA = re.compile(
    r"\b(times|post|reuters|afp|associated press|ap|bbc|cnn|al-hayat|media|newspaper|press|news|"
    r"journal|tribune|guardian|usa today|television|tv|magazine|report(s|ed)?|new yorker|atlantic|politico|"
    r"politifact|breitbart|huffington|axios|cbs|nbc|abc|fox news|msnbc|npr|bloomberg|cnbc|daily caller|upi|"
    r"mtv|hbo|pbs|espn|c-span|daily beast|observer|gazette|herald|telegraph|radio|voice of america|voa|"
    r"twitter|facebook|youtube|instagram|reddit)\b",
    re.I,
)
_ORG = re.compile(
    r"\b(organi[sz]ation|council|group|committee|commission|union|party|movement|league|association|resistance|"
    r"nations|unhcr|mek|pmoi|mko|ncri|force|hezbollah|institute|foundation|opposition|mission|campaign|"
    r"center|centre|fund|bank|court|board|company|corporation|university|service|institution|program|agency|"
    r"programme|project|initiative|coalition|alliance|society|academy|college|church|network|"
    r"inc|corp|llc|ltd|holdings|industries|airlines|motors|pharmaceuticals|coal|energy|resources|healthcare)\b",
    re.I,
)
# an organisation's name that opens on what it is: "Center for Federal Tax Policy", "Institute for …"
_ORG_HEAD = re.compile(
    r"^(?:the\s+)?(?:center|centre|institute|foundation|association|society|academy|college|university|fund|"
    r"church|coalition|alliance|league|union)\s+(?:for|of|on)\b",
    re.I,
)
# Speakers that name no one: pronouns, anonymous sources, groups ("critics", "Many lawmakers", "two officials").
_UNNAMED_WORDS = PEOPLE_NOUNS | frozenset(
    "he she they it we i you source sources official a source some poll polls aide adviser".split()
)


_RECORDINGS = frozenset("video videos footage photo photos images documents transcript recording".split())
# "Instant polls", "A Democratic source", "Twelve percent": no one named
_FINDINGS = frozenset("polls surveys studies data numbers figures source sources percent".split())
# The head nouns of things written, said or recorded ("statement", "ad", "footage", "poll"), which
# speak for an author and are no actor of their own (nor an actor's description's antecedent).
DOCUMENT_WORDS = UTTERANCES | _RECORDINGS | _FINDINGS | frozenset({"report", "poll", "study", "survey", "analysis"})


def _unnamed(clean: str) -> bool:
    low = clean.lower()
    words = low.split()
    if low in _UNNAMED_WORDS or not words:
        return True
    if len(words) == 1 and (low in MEASURES or low in UTTERANCES or low in _RECORDINGS) and not _MEDIA.search(low):
        return True  # "Video shows …", "Records show …": a thing that shows, no one named (not "The Post")
    # "Many lawmakers", "Another critic", "Fellow Republicans", "Civil rights activists": a group or one of it;
    # "Protesters marching through the streets": a group and what it does
    lowercase_after = clean[:1].isupper() and clean[1:] == clean[1:].lower()
    return len(words) > 1 and (
        words[0] in QUANTIFIERS | {"other", "another"}
        or words[-1] in PEOPLE_NOUNS | _FINDINGS
        or (words[0] in PEOPLE_NOUNS and lowercase_after)
        or (words[0] in PEOPLE_NOUNS and words[1] in ("in", "at", "from", "on"))  # "supporters in Congress"
    )


_NAME_WORD = re.compile(r"(?:[A-Z][\w'’.-]*|(?:al|el|bin|de|van|von)(?:-[A-Z][\w'’.-]*)?)$")
_PERSON = re.compile(
    r"^(?:(?:mr|mrs|ms|dr|sen|rep|gov|gen|prof)\.?\s+)?[A-Z][\w'’.-]+(?:\s+(?:al-|de\s|van\s)?[A-Z][\w'’.-]+){0,3}$"
)


def _role_then_name(clean: str) -> bool:
    """A role or title with a person's name after it ("White House spokesman Josh Earnest", "Vice
    President Joseph R. Biden Jr", "the Democratic candidate Hillary Clinton", "President Obama"):
    a person, whatever institution the role names."""
    toks = clean.split()
    role = max((k for k, t in enumerate(toks[:-1]) if t.lower().rstrip(".") in PERSON_ROLES), default=-1)
    name = toks[role + 1 :]
    rest = " ".join(name)
    return role >= 0 and len(name) <= 4 and all(_NAME_WORD.match(t) for t in name) and institution_type(rest) is None


# The roles a description of one person ends on ("Gary Johnson's doctor", "the campaign chairman"):
# the titles and role words, less those that also head other phrases ("state", "former", "head") and
# the voices of an institution, which keep its type ("State Department spokesman" is the Department's).
_PERSON_HEADS = (
    PERSON_ROLES
    - PARTY_WORDS
    - frozenset("former then state vice head chief sec lord lady spokesman spokeswoman spokesperson".split())
) | frozenset(
    "doctor physician lawyer attorney nominee chairman chairwoman businessman businesswoman commissioner consultant "
    "pollster economist".split()
)


def _without_article(name: str) -> str:
    return re.sub(r"^(the|a|an)\s+", "", name.strip(), flags=re.I)


def _role_headed(clean: str) -> bool:
    """A description whose last word is one person's role, with no name after it ("Republican
    nominee", "president", "the senator's doctor")."""
    toks = clean.split()
    return bool(toks) and toks[-1].lower().rstrip(".") in _PERSON_HEADS and toks[-1][:1].islower()


def _role_of_body(clean: str) -> bool:
    """A person's role, in lower case, then the body it serves ("a reporter for USA Today", "an
    economist at the Tax Policy Center"); an institution's voice keeps its type ("a spokesman for
    the State Department" is not among the roles)."""
    toks = clean.split()
    k = next((k for k, t in enumerate(toks) if t in ("for", "at", "with")), None)
    return k is not None and 1 <= k <= 3 and toks[k - 1] in _PERSON_HEADS and k + 1 < len(toks)


_OWNER = re.compile(r"^[A-Z][\w.&-]*['’]s\s+(?=[A-Z])")  # "CNN's Wolf Blitzer": an outlet's person


def institution_type(name: str) -> SpeakerType | None:
    """Media, government or organisation when a word of ``name`` says so ("Saudi government",
    "The New Yorker", "Tax Policy Center"), else None; the merge types names seen only in text by it."""
    if _MEDIA.search(name):
        return SpeakerType.media
    if _ORG_HEAD.match(name):  # "Center for Federal Tax Policy": "federal" says what it studies
        return SpeakerType.organization
    if _GOVERNMENT.search(name):
        return SpeakerType.government
    if _ORG.search(name) or _ADVOCACY.match(name) or _UN.search(name):
        return SpeakerType.organization
    return None


_UN = re.compile(r"\bU\.?N\b")  # in capitals: "UN", "U.N.", not the "Un" of "Kim Jong Un"
# "Citizens for Tax Justice", "Americans for Prosperity": people named for their cause (not "Cameron
# Easley for Morning Consult", a byline, nor "Erikson Prize for Excellence")
_ADVOCACY = re.compile(r"^(?:[Tt]he\s+)?(?:[A-Z][\w'’-]+\s+)*[A-Z][\w'’-]+s\s+for\s+(?:a\s+|the\s+)?[A-Z]")


def speaker_type_for(name: str) -> SpeakerType:
    if name == AUTHOR:
        return SpeakerType.author
    clean = _without_article(name)
    if clean.lower() in PERSONAL - {"i"}:
        return SpeakerType.person
    if _unnamed(clean):
        return SpeakerType.unnamed
    if _role_then_name(clean) and not _MEDIA.search(clean.split()[-1]):
        return SpeakerType.person  # "White House spokesman Josh Earnest"
    if _role_headed(clean):
        return SpeakerType.person  # "the Republican nominee", "the state's campaign chairman": one person
    if _role_of_body(clean):
        return SpeakerType.person  # "A reporter for USA Today": one person, whatever the body is
    owned = _OWNER.sub("", clean).split()  # "NBC's Dante Chinni": a person of an outlet
    named = 1 < len(owned) <= 4 and all(_NAME_WORD.match(t) for t in owned)
    if len(owned) < len(clean.split()) and named and institution_type(" ".join(owned)) is None:
        return SpeakerType.person
    institution = institution_type(clean)
    if institution is not None:
        return institution
    if clean.isupper():
        return SpeakerType.organization
    if _PERSON.match(clean):
        return SpeakerType.person
    return SpeakerType.organization if clean[:1].isupper() else SpeakerType.unnamed
