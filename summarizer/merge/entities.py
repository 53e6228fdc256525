"""Alias resolution: one canonical entity per real-world actor across all articles.

Why these steps, cheapest and safest first, joined with a union-find:
1. the articles' own definitions (``DocumentEntity`` name + aliases, e.g. "People's Mojahedin
   Organization of Iran (PMOI/MEK)") and the extractor's ``Speaker.canonical``;
2. equal keys after normalization (case, punctuation, diacritics, leading "the", possessives,
   hyphens) and equal order-free variant keys ("Iraqi government" = "government of Iraq");
3. fuzzy near-duplicates ("Mujahedin-e Khlaq" ~ "Mujahedin-e Khalq"), compared only inside
   token-prefix blocks, never all pairs;
4. acronyms to long forms by initials (MKO ← "Mujahedin-e Khalq Organization", QF ← "Quds Force"),
   only when exactly one entity fits;
5. a person's bare surname or title-less name to the one full name that ends with it.
Pairs the rules cannot settle (borderline fuzzy scores, acronyms fitting several entities) go to an
optional ``AliasResolver`` (a model, a human, a table); without one they stay apart. Pronouns and
generic speakers ("he", "officials", "the group") are resolved within their own document only, and
each article's author is its own entity. A name read only from claim text becomes an entity when the
merge can say what it is (a type) or it is linked or written in several articles: one capitalised
run of one article that no rule types ("Mostly True", "Poor Mexico") is no actor.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from summarizer.merge.actors import no_actor, people_group
from summarizer.merge.aliasrules import (
    AliasCandidate,
    AliasGraph,
    AliasResolver,
    NameNode,
    join_abbreviated_words,
    join_acronyms,
    join_equal_variants,
    join_fuzzy,
    join_qualified,
    join_short_outlets,
)
from summarizer.merge.appositions import appositions
from summarizer.merge.firstnames import GivenNames
from summarizer.merge.mentions import MentionIndex
from summarizer.merge.names import (
    BODY_WORDS,
    COUNTRIES,
    conjoined,
    definitions_in_text,
    display_name,
    names_in_text,
    names_nothing,
    person_key,
    person_name,
)
from summarizer.merge.normalize import is_acronym, name_key
from summarizer.merge.places import CITY_POPULATION, gazetteer
from summarizer.merge.surnames import (
    join_local_surnames,
    join_local_titles,
    join_nicknames,
    join_short_forms,
    join_shouted_surnames,
    join_surnames,
)
from summarizer.models.document import DocumentResult, SpeakerType
from summarizer.models.merge import EntityAlias, MergedEntity
from summarizer.rules.speakers import (
    NO_SOURCE,
    institution_type,
    is_anaphoric,
    speaks_for_another,
    unowned_document,
)
from summarizer.text.sentences import split_sentences
from summarizer.text.words import PEOPLE_NOUNS, refers_back

__all__ = ["AliasCandidate", "AliasResolver", "EntityTable", "resolve_entities"]


@dataclass(slots=True)
class EntityTable:
    """The resolved entities plus lookups the later merge steps need."""

    entities: list[MergedEntity]
    speakers: dict[tuple[str, str], str]  # (doc_id, speaker name) → entity id
    mentions: MentionIndex
    resolver_calls: int = 0

    def speaker_entity(self, doc_id: str, name: str) -> str | None:
        return self.speakers.get((doc_id, name))


PLACE_WORDS = frozenset(
    {"camp", "fort", "mount", "lake", "port", "airport", "city", "province", "square", "island", "islands",
     "county", "river", "valley", "bay", "street", "avenue", "kingdom", "stadium", "arena", "plaza", "harbor", "beach",
     "ocean", "sea", "gulf", "atoll"}
)  # fmt: skip


def _is_place(key: str, person: bool = False) -> bool:
    """A country the demonyms name ("iran", "us"), a US state ("new jersey"), or a name whose first
    or last word makes it a place ("camp liberty", "baghdad international airport"); for a name typed a person only a
    country, a state or a last place word ("City Attorney Brad Holm" is a person)."""
    toks = key.split()
    if key in COUNTRIES or key in gazetteer().us_states:
        return True
    if len(toks) < 2 or toks[-1] in PEOPLE_NOUNS:
        return False
    # "Camp Liberty" is a place, "the Clinton camp" a campaign: "camp" makes a place only first
    return (toks[-1] in PLACE_WORDS and toks[-1] != "camp") or (toks[0] in PLACE_WORDS and not person)


_COMPASS = frozenset("north south east west northern southern eastern western central".split())


def _gazetteer_place(node: NameNode, given: GivenNames, name_parts: frozenset[str]) -> bool:
    """A country or continent ("Czech Republic"), a city of several words ("Los Angeles"; of
    ``CITY_POPULATION`` where it reads as a given name and a surname: "San Diego"), or a one-word
    city of ``CITY_POPULATION`` ("Dallas") written with a capital, not as an acronym ("OF"). Never a
    part of the name of a person the merge meets: "Warren" of "Elizabeth Warren", "Jordan" (the
    country) of "Jim Jordan", "Aung San" (a town in Burma) of "Aung San Suu Kyi"."""
    gaz, key = gazetteer(), node.key
    if key in name_parts:
        return False
    if " " in key:
        personal = any(given.personal(raw) for raw in node.surfaces)
        first, _, rest = key.partition(" ")
        if first in _COMPASS and gaz.region(rest):  # "Northern Europe", "Eastern Ukraine", "South Texas"
            return True
        return gaz.region(key) or gaz.city_population(key) >= (CITY_POPULATION if personal else 1)
    if key in gaz.state_codes and all(raw.rstrip(".").count(".") == 1 or raw == "DC" for raw in node.surfaces):
        return True  # "N.Y.", "D.C.": a state's abbreviation with its dots
    written = all(raw[:1].isupper() and not is_acronym(raw) for raw in node.surfaces)
    return written and (gaz.region(key) or gaz.city_population(key) >= CITY_POPULATION)


def _named_place(nodes: list[NameNode], given: GivenNames, name_parts: frozenset[str]) -> bool:
    """Every name of the entity is a place the gazetteer knows. Why every name: a city or a country
    is often a person's name too ("Ben Carson", "Mr. Dallas"); one such name keeps it a person's."""
    return all(_gazetteer_place(n, given, name_parts) for n in nodes)


def _country_and_parts(nodes: list[NameNode], name_parts: frozenset[str]) -> bool:
    """A country's name with its own words written alone ("North Korea", "Korea", "North"), which
    the surname rules join as if it were a person's name; not a person's name that a country ends
    ("Jim Jordan")."""
    countries = [n.key for n in nodes if n.key in gazetteer().countries and n.key not in name_parts]
    words_ = {w for key in countries for w in key.split()}
    return bool(countries) and all(set(n.key.split()) <= words_ for n in nodes)


def _name_parts(b: AliasGraph) -> frozenset[str]:
    """The words that open or close the full names of the people the merge meets: "elizabeth" and
    "warren" of "Elizabeth Warren", "aung san" and "suu kyi" of "Aung San Suu Kyi"."""
    parts: set[str] = set()
    for n in b.nodes:
        if n.types[SpeakerType.person]:
            for raw in n.surfaces:
                toks = person_key(raw).split()
                parts.update(" ".join(toks[:k]) for k in range(1, len(toks)))
                parts.update(" ".join(toks[k:]) for k in range(1, len(toks)))
    return frozenset(parts)


def _canonical(nodes: list[NameNode], given: GivenNames, name_parts: frozenset[str]) -> tuple[str, SpeakerType]:
    types: Counter[SpeakerType] = Counter()
    for n in nodes:
        types.update(n.types)
    named = [t for t, _ in types.most_common() if t != SpeakerType.unnamed]
    kind = named[0] if named else SpeakerType.unnamed
    if kind == SpeakerType.unnamed:  # seen only in text: a word of the name may still say what it is
        said = (institution_type(raw) for n in nodes for raw in n.surfaces if raw[:1].isupper())
        kind = next((t for t in said if t is not None), kind)
        if kind == SpeakerType.unnamed and all(is_acronym(raw) and len(raw) >= 3 for n in nodes for raw in n.surfaces):
            kind = SpeakerType.organization  # "NATO" seen only in text
    surfaces = [raw for n in nodes for raw in n.surfaces]
    if kind != SpeakerType.author and all(conjoined(raw) for raw in surfaces):
        return surfaces[0], SpeakerType.unnamed  # "Urban Institute and Brookings Institution": a group of two
    if kind in (SpeakerType.person, SpeakerType.organization) and all(people_group(raw) for raw in surfaces):
        kind = SpeakerType.unnamed  # "Demonstrators", "Scott's relatives": a group of people
    if kind == SpeakerType.organization:  # "Congressional Budget Office" outvoted by its description "agency"
        bodies = {institution_type(raw) for raw in surfaces if raw[:1].isupper() and " " in raw.strip()}
        kind = SpeakerType.government if bodies == {SpeakerType.government} else kind
    if kind in (SpeakerType.organization, SpeakerType.media, SpeakerType.government) and all(
        given.personal(raw) and institution_type(raw.split()[-1]) is None for raw in surfaces
    ):  # "House Speaker Paul D. Ryan", "MSNBC host Chris Matthews": a role, then a name (not "Ora Media")
        kind = SpeakerType.person
    if kind == SpeakerType.person and all(is_acronym(raw) for raw in surfaces):
        kind = SpeakerType.organization  # "the GOP nominee" made "GOP" a speaker typed a person
    if kind == SpeakerType.person and all(
        BODY_WORDS & set(raw.lower().split()) and not given.personal(raw) and raw.split()[-1][:1].isupper()
        for raw in surfaces
    ):
        kind = institution_type(surfaces[0]) or kind  # "Justice Department" typed a person by a speaker
    multiword = [raw for raw in surfaces if " " in raw.strip()]  # "Patriot" of "Patriot Coal" says nothing alone
    if kind == SpeakerType.person and multiword and all(_unlike_a_person(raw, given) for raw in multiword):
        # "Zero Hedge", "SiriusXM Patriot", "Patriot Coal": a speaker's guess, no sign of a person
        kind = next((t for t in map(institution_type, surfaces) if t is not None), SpeakerType.unnamed)
    person = kind == SpeakerType.person
    # "Del. Stacey Plaskett of the Virgin Islands": a person from a place, not the place
    from_place = person and any(
        (m := _NAME_OF_OUTLET.match(raw)) is not None and given.personal(m.group(1)) for raw in surfaces
    )
    if (
        kind not in (SpeakerType.author, SpeakerType.media)
        and not from_place
        and (
            any(_is_place(n.key, person) for n in nodes)
            or _named_place(nodes, given, name_parts)
            or _country_and_parts(nodes, name_parts)
        )
    ):
        kind = SpeakerType.place  # "Iran" the country, not its government; "Camp Liberty"; "Dallas"
    if kind == SpeakerType.author:
        return f"author of {nodes[0].local_doc}", kind
    best: tuple[bool, int, int, int, int, str] | None = None
    for n in nodes:
        for raw, docs in n.surfaces.items():
            full = 1
            if kind == SpeakerType.person:  # "Ali Khamenei": a full name without titles beats both
                full = int(len(person_key(raw).split()) >= 2 and person_key(raw) == name_key(raw).replace(" al ", " "))
            # a name before a description written in lower case ("NATO", not "existing military alliance")
            rank = (not raw[:1].islower(), 0 if is_acronym(raw) else 1, full, len(docs), len(raw), raw)
            if best is None or rank > best:
                best = rank
    return (best[-1] if best else nodes[0].key), kind


def _unlike_a_person(raw: str, given: GivenNames) -> bool:
    """A capitalised name of two words or more with no sign of a person: no given name, no title
    before it, and words the corpus also writes in lower case ("Zero Hedge")."""
    toks = raw.split()
    if len(toks) < 2 or not all(t[:1].isupper() for t in toks) or any(re.fullmatch(r"[A-Z]\.", t) for t in toks):
        return False  # "Warren E. Buffett": a middle initial is a person's
    first = " ".join([toks[0].split("-")[0], *toks[1:]])  # "Jean-Marc Ayrault": "Jean" is the given name
    return not (given.personal(raw) or given.personal(first) or given.never_lowercase(raw) or person_name(raw) != raw)


def _person_canonical(seen: dict[str, set[str]]) -> str | None:
    """A person's name as most articles write it in full, without titles: "Barack Obama" over
    "President Barack Obama", "Obama" and "Mr. Obama"."""
    full = [(len(d), -len(person_key(raw).split()), raw) for raw, d in seen.items()
            if len(person_key(raw).split()) >= 2 and person_name(raw) == raw]  # fmt: skip
    return max(full)[2] if full else None


def _read_article(b: AliasGraph, doc: DocumentResult, text: str, given: GivenNames, known: set[str]) -> None:
    """The names of an article's whole text, as links between the names of its claims: a long form
    or an acronym written outside every claim ("a senior fellow at the Urban-Brookings Tax Policy
    Center") and what the article says a name is ("the NCRI, the Iranian opposition movement")."""
    phrases = {c.speaker.name for c in doc.claims} | {a for e in doc.entities for a in [e.name, *e.aliases]}
    for sentence in split_sentences(text):
        for raw, person in names_in_text(sentence.text).items():
            raw = _without_opener(raw, sentence.text.lstrip(_OPENING_MARKS)[:60], given, known)
            if raw and not names_nothing(raw):
                kind = SpeakerType.person if person or given.personal(raw) else SpeakerType.unnamed
                b.node(raw, doc.doc_id, kind, declared=False, text_only=True)
        for short, long in definitions_in_text(sentence.text):
            b.uf.union(
                b.node(short, doc.doc_id, SpeakerType.unnamed, declared=False, text_only=True),
                b.node(long, doc.doc_id, SpeakerType.unnamed, declared=False, text_only=True),
            )
        for app in appositions(sentence.text):
            if names_nothing(app.name):
                continue
            name = b.find(app.name, doc.doc_id)
            if name is None:
                name = b.node(app.name, doc.doc_id, SpeakerType.unnamed, declared=False, text_only=True)
            # the description is this article's: "the agency" elsewhere is another agency
            described = b.node(app.description, doc.doc_id, SpeakerType.unnamed, local=True, text_only=True)
            b.uf.union(name, described)
            for phrase in phrases:
                idx = b.find(phrase, doc.doc_id)
                # a shorter description of this article ("the opposition"), or one with a name in it
                # that the corpus shares ("the Iranian opposition")
                if idx is not None and app.describes(display_name(phrase)):
                    b.uf.union(name, idx)


# a role in lower case, then a full name: "moderator Lester Holt", "economist Maury Obstfeld"
_ROLE_THEN_NAME = re.compile(r"^(?:[a-z][\w'’-]*\s+)+((?:[A-Z][\w'’.-]*\s+){1,3}[A-Z][\w'’.-]*)$")
# a full name, then the outlet or body it writes or speaks for: "Cameron Easley for Morning Consult"
_NAME_OF_OUTLET = re.compile(r"^((?:[A-Z][\w'’.-]*\s+){1,2}[A-Z][\w'’.-]*)\s+(?:of|for|at)\s+(?:the\s+)?[A-Z]")


_OPENING_MARKS = " \"'“‘("


def _without_opener(raw: str, opening: str, given: GivenNames, known: set[str]) -> str:
    """A name that opens its sentence without its first word, when that word is a common one written
    with a capital only because it opens the sentence and the rest is a name the claims write
    elsewhere: "Hold Melania Trump to …" → "Melania Trump", "Injecting Clinton's troubles" → "Clinton"
    (not "New York Times": "York Times" is written nowhere). ``opening``: the sentence's first 60
    characters, quotation marks stripped."""
    if not opening.startswith(raw[:60]) or " " not in raw:
        return raw
    words_ = raw.split()
    if not given.common_word(words_[0]):
        return raw
    rest = " ".join(words_[1:])
    return rest if name_key(rest) in known else raw


def _lowercase_words(docs: list[DocumentResult], texts: Mapping[str, str] | None) -> frozenset[str]:
    """Every word written in lower case in the articles (their claims where no text is given)."""
    found: set[str] = set()
    for doc in docs:
        text = texts.get(doc.doc_id) if texts else None
        for part in [text] if text else [c.evidence.text for c in doc.claims]:
            found.update(_LOWER_WORD.findall(part))
    return frozenset(found)


_LOWER_WORD = re.compile(r"\b[a-z]+\b")


def resolve_entities(
    docs: list[DocumentResult], resolver: AliasResolver | None = None, texts: Mapping[str, str] | None = None
) -> EntityTable:
    """Resolve every document entity and claim speaker to one merged entity; ``texts`` (doc_id →
    the saved article text) adds the links its text writes outside the claims."""
    b = AliasGraph()
    given = GivenNames(_lowercase_words(docs, texts))
    speaker_nodes: dict[tuple[str, str], int] = {}
    for doc in docs:
        for ent in doc.entities:
            if names_nothing(ent.name) or (ent.type != SpeakerType.author and no_actor(ent.name, given)):
                continue
            head = b.node(ent.name, doc.doc_id, ent.type)
            for alias in ent.aliases:
                if not names_nothing(alias):
                    b.uf.union(head, b.node(alias, doc.doc_id, ent.type))
        for claim in doc.claims:
            sp = claim.speaker
            key = (doc.doc_id, sp.name)
            # "the economy", "additional federal", an unowned "a statement": no actor
            debris = sp.type != SpeakerType.author and (no_actor(sp.name, given) or unowned_document(sp.name))
            described = sp.canonical is not None and is_anaphoric(sp.name)  # "the agency" resolved: no name
            if sp.name == NO_SOURCE or refers_back(sp.name) or described or names_nothing(sp.name) or debris:
                # "He": its antecedent's; "the economy", "additional federal": no actor
                if sp.canonical and not names_nothing(sp.canonical) and not no_actor(sp.canonical, given):
                    speaker_nodes.setdefault(key, b.node(sp.canonical, doc.doc_id, sp.type, declared=False))
                continue
            if sp.canonical and speaks_for_another(sp.name):  # "the statement", "Trump's tweet": its author's
                speaker_nodes.setdefault(key, b.node(sp.canonical, doc.doc_id, SpeakerType.unnamed, declared=False))
                continue
            # "moderator Lester Holt", "Cameron Easley for Morning Consult": the person the name names
            named = _ROLE_THEN_NAME.match(sp.name) or _NAME_OF_OUTLET.match(sp.name)
            person = named is not None and sp.type != SpeakerType.author and given.personal(named.group(1))
            idx = b.node(sp.name, doc.doc_id, SpeakerType.person if person else sp.type)
            speaker_nodes.setdefault(key, idx)
            if named is not None and person:
                b.uf.union(idx, b.node(named.group(1), doc.doc_id, SpeakerType.person))
            if sp.canonical and sp.type != SpeakerType.author:
                # a description's antecedent ("the same source" → the NCRI) is a name like any other:
                # it joins that name's entity across articles, not a copy local to this one
                described = sp.type == SpeakerType.unnamed
                b.uf.union(idx, b.node(sp.canonical, doc.doc_id, sp.type, declared=not described))
    in_claims = [[names_in_text(*{c.text, c.evidence.text}) for c in doc.claims] for doc in docs]
    known = {name_key(raw) for found in in_claims for names in found for raw in names} | {
        name_key(c.speaker.name) for doc in docs for c in doc.claims
    }
    for doc, found in zip(docs, in_claims, strict=True):
        for claim, names in zip(doc.claims, found, strict=True):
            openings = {part.lstrip(_OPENING_MARKS)[:60] for part in (claim.text, claim.evidence.text)}
            for raw, person in names.items():
                for opening in openings:
                    raw = _without_opener(raw, opening, given, known)
                if not raw or names_nothing(raw):
                    continue
                person = person or given.personal(raw)
                b.node(raw, doc.doc_id, SpeakerType.person if person else SpeakerType.unnamed, declared=False)
            for short, long in definitions_in_text(claim.evidence.text):
                b.uf.union(
                    b.node(short, doc.doc_id, SpeakerType.unnamed, declared=False),
                    b.node(long, doc.doc_id, SpeakerType.unnamed, declared=False),
                )
    for doc in docs:
        if texts and doc.doc_id in texts:
            _read_article(b, doc, texts[doc.doc_id], given, known)
    join_equal_variants(b)
    join_qualified(b)
    join_abbreviated_words(b)
    join_fuzzy(b, resolver)
    join_acronyms(b, resolver)
    join_local_surnames(b, given)
    join_shouted_surnames(b)
    join_short_outlets(b)
    join_surnames(b, given)
    join_nicknames(b, given)
    join_short_forms(b, docs, texts)
    join_local_titles(b)

    groups = b.uf.groups()
    name_parts = _name_parts(b)
    entity_of_root: dict[int, str] = {}
    entities: list[MergedEntity] = []
    speaking = {b.uf.find(i) for i in speaker_nodes.values()}
    for root in sorted(groups, key=lambda r: groups[r][0]):
        members = [b.nodes[i] for i in groups[root]]
        if all(n.text_only for n in members):
            continue  # names read only from the article text: no actor any claim is about
        declared = any(n.declared for n in members)
        canonical, kind = _canonical(members, given, name_parts)
        if kind == SpeakerType.unnamed and all(
            given.never_lowercase(raw) and not people_group(raw) for n in members for raw in n.surfaces
        ):
            kind = SpeakerType.person  # "LeBron James": a given name the dictionary lacks
        surfaces = {raw for n in members for raw in n.surfaces}
        lone = len(surfaces) == 1 and len(members[0].articles) == 1
        if root not in speaking and ((kind == SpeakerType.unnamed and lone) or all(map(given.shouted, surfaces))):
            continue  # one capitalised run of one article that no rule types or links ("Poor Mexico", "Mostly
            # True"), or a shouted word ("WANT")
        if all(raw.islower() and is_anaphoric(f"the {raw}") for raw in surfaces):  # stored without its "the"
            continue  # "the campaign" that nothing resolved or linked: a description, no actor of its own
        seen: dict[str, set[str]] = {}
        for n in members:
            for raw, doc_ids in n.surfaces.items():
                seen.setdefault(raw, set()).update(doc_ids)
                name = person_name(raw)  # the name inside "President Barack Obama"; not "N.Y.U. speech" of her speech
                if kind == SpeakerType.person and name != raw and name.split()[-1][:1].isupper():
                    seen.setdefault(name, set()).update(doc_ids)
        if kind == SpeakerType.person:
            canonical = _person_canonical(seen) or canonical
        eid = f"e{len(entities) + 1}"
        entity_of_root[root] = eid
        aliases = [EntityAlias(alias=a, doc_ids=sorted(d)) for a, d in seen.items()]
        entities.append(
            MergedEntity(id=eid, canonical=canonical, type=kind, aliases=aliases, mentioned_only=not declared)
        )
    speakers = {k: entity_of_root[b.uf.find(i)] for k, i in speaker_nodes.items() if b.uf.find(i) in entity_of_root}
    mention_names: list[tuple[str, str, bool]] = []
    for i, n in enumerate(b.nodes):
        if n.local_doc is None and b.uf.find(i) in entity_of_root:
            eid = entity_of_root[b.uf.find(i)]
            mention_names.extend((raw, eid, n.person) for raw in n.surfaces)
    return EntityTable(
        entities=entities, speakers=speakers, mentions=MentionIndex(mention_names), resolver_calls=b.asked
    )
