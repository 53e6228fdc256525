"""Who a name that is only a surname stands for: the person its article (or the corpus) names in full.

Why separate from ``aliasrules``: these rules read across the whole alias graph at once (which
articles a group is written in, the titles it is written with), and they decide the hardest joins
of a merge: "Clinton" is Hillary in one article and Bill in another, "Mr." and "Mrs." keep spouses
apart, a person named in one article takes no surname written alone in several others.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping

from summarizer.merge.aliasrules import AliasGraph
from summarizer.merge.firstnames import GivenNames
from summarizer.merge.names import (
    BODY_WORDS,
    DEMONYMS_AND_COUNTRIES,
    JOINING_PARTICLES,
    NOT_SHORT_FORMS,
    person_key,
    role_phrase,
)
from summarizer.models.document import DocumentResult, SpeakerType
from summarizer.text.words import PARTY_WORDS, PERSON_ROLES

_MALE_TITLE = re.compile(r"^(?:mr|sir|lord)\b", re.I)
_FEMALE_TITLE = re.compile(r"^(?:mrs|ms|miss|lady|dame)\b", re.I)


def _gender(raw: str) -> str | None:
    """ "m" or "f" when a title says so ("Mr. Clinton", "Mrs. Clinton"), else None."""
    if _MALE_TITLE.match(raw):
        return "m"
    if _FEMALE_TITLE.match(raw):
        return "f"
    return None


class _Genders:
    """The genders each group has been written with, by a title or a given name, kept up to date as
    groups join: two people who share a surname stay apart when their titles or given names differ
    (Mr. vs Mrs. Clinton; Michelle vs Barack Obama; Melania vs Donald Trump)."""

    def __init__(self, b: AliasGraph, given: GivenNames | None = None) -> None:
        self.b = b
        self.of: dict[int, set[str]] = {}
        for i, n in enumerate(b.nodes):
            for raw in n.surfaces:
                g = _gender(raw) or (given.gender(raw) if given is not None and n.person else None)
                if g:
                    self.of.setdefault(b.uf.find(i), set()).add(g)

    def fits(self, i: int, root: int) -> bool:
        mine, theirs = self.of.get(self.b.uf.find(i), set()), self.of.get(self.b.uf.find(root), set())
        return not mine or not theirs or mine == theirs

    def union(self, i: int, j: int) -> None:
        gi, gj = self.of.pop(self.b.uf.find(i), set()), self.of.pop(self.b.uf.find(j), set())
        root = self.b.uf.union(i, j)
        if gi or gj:
            self.of[root] = gi | gj


# The offices a title before a name says, one word each: "Sen." and "Senator" are one office.
_OFFICES = {
    "sen": "senator", "senator": "senator", "rep": "representative", "representative": "representative",
    "congressman": "representative", "congresswoman": "representative", "gov": "governor", "governor": "governor",
    "president": "president", "secretary": "secretary", "mayor": "mayor", "judge": "judge", "justice": "judge",
}  # fmt: skip


class _Offices:
    """The offices each group's names are written with ("Senator Cruz", "Sen. Ted Cruz"): among
    several people of one surname, a titled surname is the one who holds that office."""

    def __init__(self, b: AliasGraph) -> None:
        self.b = b
        self._of: dict[int, set[str]] = {}  # group root → offices
        for i, n in enumerate(b.nodes):
            for raw in n.surfaces:
                for word in raw.lower().replace(".", " ").split()[:4]:
                    if word in _OFFICES:
                        self._of.setdefault(b.uf.find(i), set()).add(_OFFICES[word])

    def of(self, i: int) -> set[str]:
        return self._of.get(self.b.uf.find(i), set())

    def joined(self, i: int, j: int, union: Callable[[int, int], None]) -> None:
        """``union(i, j)``, keeping the offices of both groups on the joined one."""
        both = self._of.pop(self.b.uf.find(i), set()) | self._of.pop(self.b.uf.find(j), set())
        union(i, j)
        if both:
            self._of[self.b.uf.find(i)] = both


def join_local_titles(b: AliasGraph) -> None:
    """A bare office written as a speaker ("the mayor said", "the president") is the one person its
    own article names with that office as a title ("Mayor Bill de Blasio", "President Obama"); a bare
    body ("the commission said", "the bank") is the one body its article names with that word in its
    name ("the Commission on Presidential Debates", "Wells Fargo Bank"); a role of two words or more
    ("the Republican nominee") the one person written after it, in its article or else in the
    corpus when its article names that person too. Left alone where no one, or more than one, is."""
    titled: dict[tuple[str, str], set[int]] = {}  # (doc, office or body word) → groups named with it there
    for j, n in enumerate(b.nodes):
        for raw, docs in n.surfaces.items():
            words_ = raw.lower().replace(".", " ").split()
            named = len(words_) >= 2 and raw.split()[-1][:1].isupper()
            marks = {_OFFICES[words_[0]]} if named and words_[0] in _OFFICES else set()
            if named and n.local_doc is None:
                marks |= _body_heads(raw) | _role_prefixes(raw)
            for doc in docs:
                for mark in marks:
                    titled.setdefault((doc, mark), set()).add(j)
    articles = b.articles_by_group()
    by_mark: dict[str, set[int]] = {}  # office or role → the nodes written with it, in any article
    for (_, mark), js in titled.items():
        by_mark.setdefault(mark, set()).update(js)
    for i, n in enumerate(b.nodes):
        bare = _OFFICES.get(n.key) or (n.key if n.key in _BODY_HEADS or " " in n.key else None)
        if n.local_doc is None or bare is None:
            continue
        roots = {b.uf.find(j) for j in titled.get((n.local_doc, bare), ())}
        if not roots and " " in bare:  # "the Republican nominee": the one the corpus titles so, if named here
            everywhere = {b.uf.find(j) for j in by_mark.get(bare, ())}
            if len(everywhere) == 1 and n.local_doc in articles.get(next(iter(everywhere)), ()):
                roots = everywhere
        if len(roots) == 1:
            b.uf.union(i, roots.pop())


# the head words of a body's name that its article may write alone, in lower case, for it
_BODY_HEADS = BODY_WORDS | frozenset(
    "bank union campaign company alliance foundation institute coalition university board".split()
)


def _role_prefixes(raw: str) -> set[str]:
    """The role phrases a name is written after ("Republican nominee Donald Trump" → "republican
    nominee"): two words or more, every capitalised one a role or party word, then a capitalised name."""
    words_ = raw.split()
    out = set()
    for p in range(2, len(words_)):
        head = words_[:p]
        if not words_[p][:1].isupper() or words_[p].lower().strip(".") in PERSON_ROLES:
            continue
        if role_phrase(head):
            out.add(" ".join(head).lower().removeprefix("the "))
    return out


def _body_heads(raw: str) -> set[str]:
    """The body words that head the name ``raw``: its last word, or one followed by "of", "on" or
    "for" ("Commission on Presidential Debates"); not one inside a person's title ("Supreme Court
    Justice Frank Nervo")."""
    words_ = raw.split()
    return {
        w.lower()
        for k, w in enumerate(words_)
        if w[:1].isupper()
        and w.lower() in _BODY_HEADS
        and (k == len(words_) - 1 or words_[k + 1] in ("of", "on", "for"))
    }


def _full_names(b: AliasGraph) -> list[int]:
    """Nodes that name a person in full: typed persons of two words or more, and untyped names of
    two or three words seen in claim text ("Nouri al-Maliki")."""
    person_roots = _person_roots(b)
    out = []
    for i in b.global_nodes():
        n = b.nodes[i]
        words_ = len(person_key(n.key).split())
        if words_ < 2 or _institution_words(person_key(n.key)):
            continue
        if n.person or b.uf.find(i) in person_roots or (not n.types and words_ <= 3):
            out.append(i)
    return out


def _institution_words(key: str) -> bool:
    """A name that cannot be a person's: "of", "for" or "and" inside it, or a country or a party last
    ("Bank of China", whose "China" is no surname to join; "Kent County Republican")."""
    toks = key.split()
    return any(t in ("of", "for", "and") for t in toks) or toks[-1] in DEMONYMS_AND_COUNTRIES | PARTY_WORDS


def join_local_surnames(b: AliasGraph, given: GivenNames | None = None) -> None:
    """A lone surname ("Clinton", "Mrs. Clinton", "Mr. Trump") is the one person its own article
    names in full with that surname: news writes the full name first and the surname after, so the
    article settles it even where the corpus has two Clintons. A surname its article does not
    settle becomes a corpus-wide name, for ``join_surnames`` to place."""
    genders = _Genders(b, given)
    offices = _Offices(b)
    by_doc: dict[tuple[str, str], set[int]] = {}
    by_first: dict[tuple[str, str], set[int]] = {}  # "Xi" of "Xi Jinping", "Park" of "Park Geun-hye"
    anywhere: dict[str, set[int]] = {}  # surname → full names of the whole corpus
    for i in _full_names(b):
        name = person_key(b.nodes[i].key).split()
        anywhere.setdefault(name[-1], set()).add(i)
        for doc in b.nodes[i].articles:
            by_doc.setdefault((doc, name[-1]), set()).add(i)
            if len(name) == 2:
                by_first.setdefault((doc, name[0]), set()).add(i)
    for i in b.surnames:
        n = b.nodes[i]
        doc, surname = n.local_doc or "", person_key(n.key)
        roots = {b.uf.find(j) for j in by_doc.get((doc, surname), ())} - {b.uf.find(i)}
        if not roots:  # a family name written first ("Mr. Xi" of "President Xi Jinping"), in its own article
            roots = {b.uf.find(j) for j in by_first.get((doc, surname), ())} - {b.uf.find(i)}
        roots = {r for r in roots if genders.fits(i, r)}
        office = offices.of(i)
        if office and len(roots) == 1 and not office & offices.of(next(iter(roots))):
            # "President Obama" in an article that names only Michelle Obama in full: the corpus's
            # one Obama with that office, if there is one, else no one here
            holders = {b.uf.find(j) for j in anywhere.get(surname, ()) if office & offices.of(j)}
            roots = {r for r in holders if genders.fits(i, r)} if holders else roots
        if len(roots) == 1:
            genders.union(i, roots.pop())
            continue
        for raw in list(n.surfaces):
            genders.union(i, b.node(raw, doc, SpeakerType.person, declared=n.declared, surname_local=False))


def join_surnames(b: AliasGraph, given: GivenNames | None = None) -> None:
    """A surname (or a name after a title) no article settled joins the full name in the corpus that
    ends with it: the only one whose titles agree (Mr. vs Mrs. Clinton), or one the corpus names in
    far more articles than any other (Hillary over Bill Clinton in campaign news). A person named in
    one article only does not take a surname written alone in several others ("King" in five
    articles is not the Charlie King of one)."""
    genders = _Genders(b, given)
    persons = [i for i in b.global_nodes() if b.nodes[i].person]
    # a full name seen only in claim text, untyped ("Nouri al-Maliki"), can still be the one a
    # titled surname ("Prime Minister Maliki") stands for
    untyped = [
        i
        for i in b.global_nodes()
        if not b.nodes[i].types and 2 <= len(b.nodes[i].key.split()) <= 3 and not _institution_words(b.nodes[i].key)
    ]
    full: dict[str, set[int]] = {}
    last: dict[str, set[int]] = {}
    for i in [*persons, *untyped]:
        toks = person_key(b.nodes[i].key).split()
        full.setdefault(" ".join(toks), set()).add(b.uf.find(i))
        if len(toks) >= 2 and not _institution_words(" ".join(toks)):
            last.setdefault(toks[-1], set()).add(b.uf.find(i))
    articles = b.articles_by_group()
    offices = _Offices(b)
    for i in persons:
        toks = person_key(b.nodes[i].key).split()
        if len(toks) == 1:
            roots = last.get(toks[0], set())
        elif len(toks) == 3:  # "Rival Hillary Clinton", not a headline ("Chris Christie Calls Hillary Clinton")
            roots = full.get(" ".join(toks[-2:]), set())
        else:
            continue
        mine = b.uf.find(i)
        fitting = sorted({b.uf.find(r) for r in roots} - {mine}, key=lambda r: -len(articles.get(r, ())))
        fitting = [r for r in fitting if genders.fits(i, r)]
        if not fitting:
            continue
        top = fitting[0]
        named_in = len(articles.get(top, ()))
        if len(fitting) > 1 and not (named_in >= 3 and named_in >= 3 * len(articles.get(fitting[1], ()))):
            same_office = [r for r in fitting if offices.of(i) & offices.of(r)]
            if len(same_office) != 1:
                continue
            top = same_office[0]  # "Senator Cruz": the one Cruz written "Sen. Ted Cruz", not Heidi or Rafael
            named_in = len(articles.get(top, ()))
        written_in = articles.get(mine, set())
        if named_in < 2 and len(written_in - articles.get(top, set())) > 1:
            continue  # the surname alone in several articles the full name is not in: several people
        gone = articles.pop(mine, set()) | articles.pop(top, set())
        offices.joined(i, top, genders.union)
        articles[b.uf.find(i)] = gone


def join_shouted_surnames(b: AliasGraph) -> None:
    """A surname written in capitals ("PENCE:" before a transcript's answer) is the person its own
    article names by that surname, not an acronym of its own."""
    local = {(b.nodes[i].local_doc, b.nodes[i].key): i for i in b.surnames}
    for i in b.global_nodes():
        n = b.nodes[i]
        if not all(raw.isupper() and raw.isalpha() and len(raw) >= 4 for raw in n.surfaces):
            continue
        found = next((local[(doc, n.key)] for doc in sorted(n.articles) if (doc, n.key) in local), None)
        if found is not None:
            b.uf.union(i, found)


def join_nicknames(b: AliasGraph, given: GivenNames) -> None:
    """A full name whose given name is a nickname of another's with the same surname is that person
    ("Joe Biden" = "Joseph R. Biden Jr.", "Len Burman" = "Leonard E. Burman"), when the surname has
    one such person only and their genders fit; "Chris Smith" beside a Christopher and a Christine
    Smith stays apart."""
    genders = _Genders(b, given)
    by_surname: dict[str, dict[str, set[int]]] = {}
    for i in _full_names(b):
        toks = person_key(b.nodes[i].key).split()
        if len(toks) == 2:
            by_surname.setdefault(toks[1], {}).setdefault(toks[0], set()).add(i)
    for firsts in by_surname.values():
        partners = {a: [o for o in firsts if given.nickname_pair(a, o)] for a in firsts}
        for first, others in partners.items():
            # each side has the other only: "Chris" with a Christopher and a Christine has two
            if len(others) != 1 or partners[others[0]] != [first] or first > others[0]:
                continue
            mine = {b.uf.find(i) for i in firsts[first]}
            theirs = {b.uf.find(i) for i in firsts[others[0]]}
            if len(mine) == 1 and len(theirs) == 1 and mine != theirs:
                i, root = next(iter(firsts[first])), theirs.pop()
                if genders.fits(i, root):
                    genders.union(i, root)


_PLACE_HEADS = frozenset({"camp", "fort", "mount", "lake", "port"})
_CAPWORD = re.compile(r"(?<![\w'’-])[A-Z][a-z]{3,}(?![\w'’-])")  # a whole word: not "Eakin" of "Holtz-Eakin"
_NEXT_CAPITAL = re.compile(r"[\s.]+[A-Z]")  # a first name followed by more of the name
_PARTICLE = "|".join(sorted(JOINING_PARTICLES))
_NEXT_PARTICLE = re.compile(rf"\s+(?:{_PARTICLE})\s+[A-Z]")  # "Bill de Blasio"
# a capitalised word of the name just before ("Xi Jinping"), or its particle ("de Blasio")
_IN_NAME_BEFORE = re.compile(rf"(?:\b[A-Z][\w'’-]*|\b(?:{_PARTICLE}))\s+$")
# Bodies a news text names by their last word alone ("the Congress", "the Pentagon").
_STANDALONE_BODIES = frozenset({"congress", "senate", "parliament", "pentagon", "kremlin", "knesset"})


def _person_roots(b: AliasGraph) -> set[int]:
    """Groups that name a person: person votes outnumber other named types, and no acronym (a
    speaker mistyped as a person — "the MEK" — does not make the MEK a person)."""
    votes: dict[int, Counter[SpeakerType]] = {}
    acronym_roots: set[int] = set()
    for i in b.global_nodes():
        root = b.uf.find(i)
        votes.setdefault(root, Counter()).update(b.nodes[i].types)
        if b.acronym(i):
            acronym_roots.add(root)
    out: set[int] = set()
    for root, v in votes.items():
        person = v[SpeakerType.person]
        other = sum(n for t, n in v.items() if t not in (SpeakerType.person, SpeakerType.unnamed))
        if person > other and root not in acronym_roots:
            out.add(root)
    return out


def join_short_forms(b: AliasGraph, docs: list[DocumentResult], texts: Mapping[str, str] | None = None) -> None:
    """A bare surname, place or institution name ("Khamenei", "Maliki", "Liberty", "Congress") joins
    the person, place or body whose longer name ends with it ("Ali Khamenei", "Nouri al-Maliki",
    "Camp Liberty", "United States Congress"): the one its own article names, else the corpus's only
    one when more than one article names it. A first name written alone ("LeBron will always be the
    king") joins the one person its own article names in full with it. The article's saved text is
    read where there is one (``texts``), else its claims."""
    person_roots = _person_roots(b)
    ends: dict[str, set[int]] = {}
    firsts: dict[str, set[int]] = {}
    for i in b.global_nodes():
        toks = b.nodes[i].key.split()
        root = b.uf.find(i)
        if len(toks) < 2 or b.acronym(i):
            continue
        if root in person_roots:
            name = person_key(b.nodes[i].key).split()
            last = name[-1]
            if (
                len(name) >= 2
                and len(name[0]) >= 4
                and name[0] not in NOT_SHORT_FORMS
                and not _institution_words(b.nodes[i].key)
            ):
                firsts.setdefault(name[0], set()).add(root)
        elif (toks[0] in _PLACE_HEADS and len(toks) == 2) or toks[-1] in _STANDALONE_BODIES:
            last = toks[-1]
        else:
            continue
        if len(last) >= 4 and (last not in NOT_SHORT_FORMS or last in _STANDALONE_BODIES):
            ends.setdefault(last, set()).add(root)
    if not ends:
        return
    articles = b.articles_by_group()
    for doc in docs:
        text = (texts or {}).get(doc.doc_id)
        scanned = [text] if text else list({t for c in doc.claims for t in (c.text, c.evidence.text)})
        for chunk in scanned:
            for m in _CAPWORD.finditer(chunk):
                if _IN_NAME_BEFORE.search(chunk, max(0, m.start() - 40), m.start()):
                    continue  # "Jinping" of "Xi Jinping", "Blasio" of "de Blasio": the full name, not a short form
                word = m.group(0).lower()
                roots = {b.uf.find(r) for r in ends.get(word, ())}
                here = {r for r in roots if doc.doc_id in articles.get(r, ())}
                if roots:
                    # its own article's name; else the corpus's only one, if more than one article names it
                    # or it is a body ("the Congress": one in a corpus, where a surname may be anyone's)
                    body = word in _STANDALONE_BODIES
                    pick = (
                        here if here or len(roots) > 1 else {r for r in roots if body or len(articles.get(r, ())) >= 2}
                    )
                elif not _NEXT_CAPITAL.match(chunk, m.end()) and not _NEXT_PARTICLE.match(chunk, m.end()):
                    # a first name alone ("LeBron will", not "Bill de Blasio"): its own article's only
                    pick = {b.uf.find(r) for r in firsts.get(word, ())}
                    pick = {r for r in pick if doc.doc_id in articles.get(r, ())}
                else:
                    continue
                if len(pick) == 1:
                    root = pick.pop()
                    kind = SpeakerType.person if root in person_roots else SpeakerType.unnamed
                    b.uf.union(root, b.node(m.group(0), doc.doc_id, kind, declared=False, text_only=bool(text)))
