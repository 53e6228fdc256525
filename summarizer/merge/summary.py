"""The corpus summary: what happened, what is disputed, who says what, and when — JSON and Markdown.

Why derived, not generated: every line of the summary is a cluster or a conflict with its sources,
so a reader can check each statement against the articles; nothing is written that no article
says. Lists are capped (``SummaryLimits``) so a 100k-claim corpus still gives a readable summary;
the full data stays in ``merged.json``'s clusters and conflicts.
"""

from __future__ import annotations

from dataclasses import dataclass

from summarizer.merge.conflicts import readable_day
from summarizer.merge.normalize import GENERIC_NAMES, dates_compatible, name_key, shorten
from summarizer.models.document import SpeakerType
from summarizer.models.merge import (
    ClaimCluster,
    ClaimRef,
    ClusterNumber,
    ClusterStatus,
    Conflict,
    ConflictKind,
    ConsensusFact,
    CorpusSummary,
    DisputedItem,
    EntityStatements,
    MergeResult,
    TimelineEntry,
)
from summarizer.text.safe import markdown_code, markdown_text
from summarizer.text.words import refers_back


@dataclass(frozen=True, slots=True)
class SummaryLimits:
    facts: int = 200
    refs: int = 10
    entities: int = 200
    claims_per_entity: int = 50
    timeline: int = 300
    brief: int = 12  # sentences of each kind in the brief


def build_summary(result: MergeResult, limits: SummaryLimits | None = None) -> CorpusSummary:
    lim = limits or SummaryLimits()
    clusters = result.clusters
    conflicts_of: dict[str, list[str]] = {}
    for x in result.conflicts:
        for cid in x.cluster_ids:
            conflicts_of.setdefault(cid, []).append(x.id)
    reported = sorted(
        (c for c in clusters if c.sources >= 2),
        key=lambda c: (c.status != ClusterStatus.consensus, -c.sources, -len(c.members), c.id),
    )[: lim.facts]
    facts = [
        ConsensusFact(
            cluster_id=c.id,
            text=c.proposition,
            sources=c.sources,
            disputed=conflicts_of.get(c.id, []),
            refs=c.members[: lim.refs],
        )
        for c in reported
    ]
    disputed = [DisputedItem(conflict_id=x.id, about=x.about, kind=x.kind, values=x.values) for x in result.conflicts]

    by_entity: dict[str, list[ClaimRef]] = {}
    for c in clusters:
        for ref in c.members:
            if ref.entity_id:
                by_entity.setdefault(ref.entity_id, []).append(ref)
    entities = {e.id: e for e in result.entities}
    who: list[EntityStatements] = []
    for eid, refs in by_entity.items():
        ent = entities.get(eid)
        if ent is None:
            continue
        refs.sort(key=lambda r: (r.doc_id, r.start))
        who.append(
            EntityStatements(
                entity_id=eid,
                name=ent.canonical,
                doc_ids=sorted({r.doc_id for r in refs}),
                total_claims=len(refs),
                claims=refs[: lim.claims_per_entity],
            )
        )
    rank = {SpeakerType.author: 2, SpeakerType.unnamed: 1}
    who.sort(key=lambda s: (rank.get(entities[s.entity_id].type, 0), -len(s.doc_ids), -s.total_claims, s.name))

    dated = [c for c in clusters if _agreed_date(c.dates)]
    dated.sort(key=lambda c: (-c.sources, -len(c.members), c.id))
    timeline = [
        TimelineEntry(date=_agreed_date(c.dates), text=c.proposition, refs=c.members[: lim.refs])
        for c in dated[: lim.timeline]
    ]
    timeline.sort(key=lambda t: (t.date.replace("XXXX", "9999"), t.text))
    names = {e.id: e.canonical for e in result.entities}
    brief = [_disputed_sentence(x, names) for x in result.conflicts[: lim.brief]]
    by_id = {c.id: c for c in clusters}
    brief += [_reported_sentence(f, by_id.get(f.cluster_id), names) for f in facts[: lim.brief] if not f.disputed]
    return CorpusSummary(
        brief=brief, consensus=facts, disputed=disputed, who_says_what=who[: lim.entities], timeline=timeline
    )


def _source_names(refs: list[ClaimRef], names: dict[str, str], limit: int = 3) -> str:
    """Who gives a value, in words: the speakers' entities ("the NCRI"), an article's own voice as
    "the author of 001_…", at most ``limit`` of them."""
    found: list[str] = []
    for r in refs:
        if r.speaker == "author":
            who = f"the author of {r.doc_id}"
        elif r.entity_id in names:
            who = names[r.entity_id]
        else:  # a pronoun whose antecedent the rules did not find: say where it stands
            who = f"“{r.speaker}” in {r.doc_id}" if refers_back(r.speaker) else r.speaker
        if who not in found:
            found.append(who)
    more = len(found) - limit
    shown = ", ".join(found[:limit]) + (f" and {more} more" if more > 0 else "")
    return shown


def _disputed_sentence(conflict: Conflict, names: dict[str, str]) -> str:
    """ "deaths — Camp Liberty, 2013-02-09: the articles disagree: 6 according to the NCRI; 7 according
    to the author of 004_…; 8 according to the author of 000_… (x1)." A denial says what it denies:
    "“No one accepted responsibility …” (the author of 000_…) denies “… took responsibility …” (…)"."""
    if conflict.kind == ConflictKind.assertion_denial:
        said = {v.value: v.members for v in conflict.values}
        asserted, denied = said.get("asserted", []), said.get("denied", [])
        if asserted and denied:
            return (
                f"“{shorten(denied[0].text, 160)}” ({_source_names(denied, names)}) denies "
                f"“{shorten(asserted[0].text, 160)}” ({_source_names(asserted, names)}) ({conflict.id})."
            )
    values = "; ".join(f"{v.value} according to {_source_names(v.members, names)}" for v in conflict.values)
    return f"{shorten(conflict.about, 300)}: the articles disagree: {values} ({conflict.id})."


def _reported_sentence(fact: ConsensusFact, cluster: ClaimCluster | None, names: dict[str, str]) -> str:
    """ "2013-02-09 · 3,100 residents — Camp Liberty is home to 3100 Iranian refugees …: reported by 2
    articles (Dana Rohrabacher, the author of 001_…)." """
    head = _heading(cluster)
    head = f"{head} — " if head else ""
    return f"{head}{shorten(fact.text, 200)}: reported by {fact.sources} articles ({_source_names(fact.refs, names)})."


def _event_date(dates: list[str]) -> str:
    """The most precise known date, earliest first ("2013-02-09" over "2013")."""
    return min(dates, key=lambda d: (d.startswith("XXXX"), -len(d), d))


def _agreed_date(dates: list[str]) -> str:
    """The cluster's date when its sources agree on it (``_event_date``), else "": a proposition its
    sources date differently (2011 / 2012) is a date conflict, and no heading or timeline takes a side."""
    day = _event_date(dates) if dates else ""
    return day if all(dates_compatible(day, d) for d in dates) else ""


def _one_line(text: str, limit: int = 300) -> str:
    """Article text for summary.md: one line, capped, and inert (no markup, HTML or control
    characters from the article survive)."""
    text = " ".join(text.split())
    return markdown_text(text if len(text) <= limit else text[: limit - 1] + "…")


def _about(cluster: ClaimCluster | None) -> str:
    """What a proposition is about, before its words, in Markdown: "**2013-02-09 · about 100
    injured** — …" (``_heading``), when it has them."""
    head = _heading(cluster)
    return f"**{markdown_text(head)}** — " if head else ""


def _heading(cluster: ClaimCluster | None) -> str:
    """A proposition's day and the figure every source gives ("2013-02-09 · about 100 injured"), or ""."""
    if cluster is None:
        return ""
    day = _agreed_date(cluster.dates)
    by_kind: dict[str, list[ClusterNumber]] = {}
    for n in cluster.numbers:
        by_kind.setdefault(n.counts, []).append(n)
    figure = ""
    for counts, numbers in by_kind.items():  # a figure all its sources agree on; a disputed one is a conflict
        docs = {d for n in numbers for d in n.doc_ids}
        if len({n.value for n in numbers}) == 1 and len(docs) >= 2:
            figure = " / ".join(dict.fromkeys(n.text for n in numbers)) + f" {counts}"
            break
    return " · ".join(p for p in (readable_day(day) if day else "", figure) if p)


def _who(ref: ClaimRef, names: dict[str, str]) -> str:
    if ref.speaker == "author":
        return f"the author of {markdown_code(ref.doc_id)}"
    name = names.get(ref.entity_id or "", ref.speaker)
    speaker = _one_line(ref.speaker, 120)
    return speaker if name_key(name) == name_key(ref.speaker) else f"{speaker} ({_one_line(name, 120)})"


def _cite(ref: ClaimRef, names: dict[str, str]) -> str:
    cue = f" {_one_line(ref.cue, 60)}" if ref.cue else ""
    return (
        f"{_who(ref, names)}{cue} — {markdown_code(ref.doc_id)} \\[{ref.start}:{ref.end}\\]: "
        f"“{_one_line(ref.evidence, 240)}”"
    )


def render_markdown(result: MergeResult) -> str:
    """``summary.md``: a reader's view of the merge, every statement followed by its sources."""
    s = result.summary
    names = {e.id: e.canonical for e in result.entities}
    entities = {e.id: e for e in result.entities}
    st = result.stats
    lines = [
        "# Corpus summary",
        "",
        f"{st.documents} articles, {st.claims} claims, {st.entities} entities, {st.clusters} claim clusters "
        f"({st.multi_source_clusters} reported by several articles), {st.conflicts} conflicts.",
        "",
        "## In brief",
        "",
        *(f"- {markdown_text(sentence)}" for sentence in s.brief),
        *([] if s.brief else ["_Nothing is disputed, and no proposition is reported by more than one article._"]),
        "",
        "## What happened (reported by several articles)",
        "",
    ]
    if not s.consensus:
        lines.append("_No proposition is reported by more than one article._")
    clusters = {c.id: c for c in result.clusters}
    for fact in s.consensus:
        note = f"; details disputed, see {', '.join(fact.disputed)}" if fact.disputed else ""  # our own ids
        lines.append(
            f"- {_about(clusters.get(fact.cluster_id))}{_one_line(fact.text)} _({fact.sources} articles{note})_"
        )
        lines.extend(f"  - {_cite(r, names)}" for r in fact.refs)
    lines += ["", "## What is disputed", ""]
    if not s.disputed:
        lines.append("_No conflicting figures, culprits or denials were found._")
    for item in s.disputed:
        lines += [f"### {item.conflict_id}: {_one_line(item.about)}", "", f"Kind: {item.kind.value}.", ""]
        for value in item.values:
            docs = sorted({r.doc_id for r in value.members})
            lines.append(f"- **{_one_line(value.value, 120)}** — {len(docs)} article(s)")
            lines.extend(f"  - {_cite(r, names)}" for r in value.members)
        lines.append("")
    lines += ["## Who says what", ""]
    for ent in s.who_says_what:
        entity = entities[ent.entity_id]
        shown = {name_key(ent.name), "author"}
        other: list[str] = []
        for a in sorted(entity.aliases, key=lambda a: a.alias):
            if name_key(a.alias) not in shown:
                shown.add(name_key(a.alias))
                other.append(a.alias)
        aka = f" (also: {', '.join(_one_line(a, 80) for a in other[:8])})" if other else ""
        local = entity.type == SpeakerType.unnamed or name_key(ent.name) in GENERIC_NAMES
        where = f" in {markdown_code(ent.doc_ids[0])}" if local and len(ent.doc_ids) == 1 else ""
        lines.append(
            f"### {_one_line(ent.name, 120)}{where}{aka} — {ent.total_claims} claim(s) in {len(ent.doc_ids)} article(s)"
        )
        lines.append("")
        for ref in ent.claims:
            cue = _one_line(ref.cue, 60) if ref.cue else "writes"
            lines.append(f"- {_one_line(ref.text)} — {markdown_code(ref.doc_id)}, {cue}, {ref.modality.value}")
        if ent.total_claims > len(ent.claims):
            lines.append(f"- … and {ent.total_claims - len(ent.claims)} more")
        lines.append("")
    lines += ["## Timeline", ""]
    if not s.timeline:
        lines.append("_No dated events._")
    for entry in s.timeline:
        cited = ", ".join(sorted({markdown_code(r.doc_id) for r in entry.refs}))
        lines.append(f"- **{readable_day(entry.date)}** — {_one_line(entry.text)} ({cited})")
    lines.append("")
    return "\n".join(lines)
