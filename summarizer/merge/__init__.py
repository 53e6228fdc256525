"""Cross-document merge: entities with aliases, claim clusters, conflicts and a corpus summary.

Why a pipeline of small steps: each one is cheap, testable alone and explains its output —
``entities`` (alias resolution) → ``features`` (per-claim facts) → ``blocking`` (candidate pairs
from inverted indexes, never all pairs) → ``clusters`` (rule-confirmed union-find) → ``events``
(which day a claim is about) → ``conflicts``/``disputes`` (figures, culprits, denials) →
``summary``. The only optional judgment call is the ``AliasResolver`` for name pairs the rules
cannot settle. This package imports no backend and no CLI.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from pathlib import Path

from summarizer.atomic import atomic_write
from summarizer.merge.affirmations import affirmation_conflicts
from summarizer.merge.blocking import BlockingConfig, iter_candidate_pairs
from summarizer.merge.clusters import cluster_claims, medoid
from summarizer.merge.conflicts import ConflictContext, number_conflicts
from summarizer.merge.disputes import culprit_conflicts, denial_conflicts
from summarizer.merge.entities import AliasCandidate, AliasResolver, resolve_entities
from summarizer.merge.events import context_days, event_days
from summarizer.merge.features import ClaimFeatures, claim_features
from summarizer.merge.figures import display
from summarizer.merge.moves import move_groups, move_label, year_conflicts
from summarizer.merge.propositions import ClusterHoldings, blame_groups, event_groups, figure_groups
from summarizer.merge.summary import build_summary, render_markdown
from summarizer.models.document import DocumentResult
from summarizer.models.merge import (
    ClaimCluster,
    ClaimRef,
    ClusterNumber,
    ClusterStatus,
    Conflict,
    MergeResult,
    MergeStats,
)
from summarizer.outdir import load_folder, read_article_text, verified

__all__ = [
    "AliasCandidate",
    "AliasResolver",
    "BlockingConfig",
    "article_texts",
    "load_documents",
    "merge_documents",
    "render_markdown",
    "write_merge",
]


def write_merge(folder: Path, out: Path, docs: list[DocumentResult] | None = None) -> MergeResult:
    """Merge every DocumentResult in ``folder`` (or ``docs``); write ``out``/merged.json and summary.md.

    Written atomically (temp file in the target folder, then ``os.replace``), so an interrupted
    merge never leaves a half-written merged.json for the report to read."""
    docs = load_documents(folder) if docs is None else docs
    result = merge_documents(docs, texts=article_texts(folder, docs))
    atomic_write(out / "merged.json", result.model_dump_json(indent=2))
    atomic_write(out / "summary.md", render_markdown(result))
    return result


def load_documents(folder: str | Path, skipped: list[str] | None = None) -> list[DocumentResult]:
    """The article results in ``folder`` that the merge may build on, in file-name order.

    The output folder's one loader reads them (a file that does not validate, or repeats a doc_id,
    is left out); then every claim's evidence is checked against the saved article text, so a
    hand-edited evidence text never reaches merged.json. What was left out is reported in
    ``skipped`` as "name: reason" (one bad file never stops a merge).
    """
    loaded = verified(load_folder(folder))
    if skipped is not None:
        skipped.extend(loaded.skipped)
    return list(loaded.docs.values())


def article_texts(folder: str | Path, docs: list[DocumentResult]) -> dict[str, str]:
    """doc_id → the article text saved beside each result (the entities read names from it)."""
    out = {}
    for doc in docs:
        text = read_article_text(Path(folder), doc)
        if text is not None:
            out[doc.doc_id] = text
    return out


def _ref(f: ClaimFeatures) -> ClaimRef:
    c = f.claim
    return ClaimRef(
        doc_id=f.doc_id,
        claim_id=c.id,
        speaker=c.speaker.name,
        entity_id=f.speaker or None,
        cue=c.cue,
        modality=c.modality,
        start=c.evidence.start,
        end=c.evidence.end,
        evidence=c.evidence.text,
        text=c.text,
    )


def _cluster(
    cid: str, features: list[ClaimFeatures], members: list[int], refs: list[ClaimRef], outlet: dict[str, str]
) -> ClaimCluster:
    numbers: dict[tuple[str, float, str | None], ClusterNumber] = {}
    dates: set[str] = set()
    entity_ids: set[str] = set()
    for i in members:
        f = features[i]
        for counts, value, qual in f.numbers:
            num = numbers.setdefault(
                (counts, value, qual), ClusterNumber(counts=counts, value=value, text=display(value, qual))
            )
            if f.doc_id not in num.doc_ids:
                num.doc_ids.append(f.doc_id)
        dates.update(f.dates)
        entity_ids.update(f.entities)
        if f.speaker:
            entity_ids.add(f.speaker)
    sources = len({outlet.get(features[i].doc_id, features[i].doc_id) for i in members})
    return ClaimCluster(
        id=cid,
        proposition=features[medoid(features, members)].claim.text,
        members=[refs[i] for i in members],
        status=ClusterStatus.consensus if sources >= 2 else ClusterStatus.single_source,
        numbers=sorted(numbers.values(), key=lambda n: (n.counts, n.value)),
        dates=sorted(dates),
        entity_ids=sorted(entity_ids, key=lambda e: int(e[1:]) if e[1:].isdigit() else 0),
        sources=sources,
    )


def distinct_texts(docs: list[DocumentResult]) -> list[DocumentResult]:
    """One document per article text (and per doc_id): the same article saved under two names, or a
    file copied by hand, is one source, so it must not corroborate itself (issue 13)."""
    seen: set[str] = set()
    out = []
    for doc in docs:
        keys = {f"id:{doc.doc_id}", f"text:{doc.source.sha256}" if doc.source.sha256 else f"id:{doc.doc_id}"}
        if keys & seen:
            continue
        seen |= keys
        out.append(doc)
    return out


def merge_documents(
    docs: list[DocumentResult],
    resolver: AliasResolver | None = None,
    blocking: BlockingConfig | None = None,
    texts: Mapping[str, str] | None = None,
) -> MergeResult:
    """Merge per-article results into entities, clusters, conflicts and a corpus summary; an article
    text present twice counts once. ``texts`` (doc_id → saved article text) lets the entities read
    the names an article writes outside its claims."""
    started = time.perf_counter()
    docs = distinct_texts(docs)
    table = resolve_entities(docs, resolver, texts)
    features = claim_features(docs, table)
    for f, day in zip(features, context_days(features), strict=True):
        f.set_event_day(day)
    refs = [_ref(f) for f in features]
    clustering = cluster_claims(features, iter_candidate_pairs(features, blocking))
    groups = clustering.groups

    cluster_of = [0] * len(features)
    cluster_ids = [f"k{n + 1}" for n in range(len(groups))]
    for n, members in enumerate(groups):
        for i in members:
            cluster_of[i] = n
    # independent sources: two articles of one outlet are one source, when the outlet is known
    outlet = {d.doc_id: f"outlet:{d.source.outlet.casefold()}" for d in docs if d.source.outlet}
    clusters = [_cluster(cluster_ids[n], features, members, refs, outlet) for n, members in enumerate(groups)]

    names = {e.id: e.canonical for e in table.entities}
    days = event_days(features, groups)
    ctx = ConflictContext(
        features=features, refs=refs, cluster_of=cluster_of, cluster_ids=cluster_ids, days=days, names=names
    )
    seen = {frozenset(m): cluster_ids[n] for n, m in enumerate(groups)}
    moves_of = [f.moves for f in features]
    moves = move_groups(moves_of, [f.doc_id for f in features])
    blamed = blame_groups(features, days, table.mentions)
    held = ClusterHoldings({n: set(m) for n, m in enumerate(groups) if len(m) > 1})
    for members in [*event_groups(features, days), *figure_groups(features, days), *blamed, *moves]:
        if frozenset(members) in seen:
            continue
        host = held.host(members)
        if host is not None:  # mostly a cluster there already: one cluster for the proposition, not two
            clusters[host] = _cluster(clusters[host].id, features, held.extend(host, members), refs, outlet)
            seen[frozenset(members)] = clusters[host].id
            continue
        seen[frozenset(members)] = f"k{len(clusters) + 1}"  # the same proposition told in other words
        clusters.append(_cluster(f"k{len(clusters) + 1}", features, members, refs, outlet))
    by_id = {c.id: c for c in clusters}
    for members in moves:  # a move is told in words that share little: its label says what it is
        by_id[seen[frozenset(members)]].proposition = move_label(moves_of, members, names)
    conflicts: list[Conflict] = [
        *number_conflicts(ctx),
        *culprit_conflicts(ctx, table.mentions),
        *denial_conflicts(ctx),
        *affirmation_conflicts(ctx),
        *year_conflicts(ctx, [(members, seen[frozenset(members)]) for members in moves]),
    ]
    for n, conflict in enumerate(conflicts):
        conflict.id = f"x{n + 1}"
        for cid in conflict.cluster_ids:
            by_id[cid].status = ClusterStatus.disputed

    result = MergeResult(
        documents=[d.doc_id for d in docs],
        entities=table.entities,
        clusters=clusters,
        conflicts=conflicts,
        stats=MergeStats(
            documents=len(docs),
            claims=len(features),
            entities=len(table.entities),
            clusters=len(clusters),
            multi_source_clusters=sum(1 for c in clusters if c.sources >= 2),
            conflicts=len(conflicts),
            candidate_pairs=clustering.candidates,
            confirmed_pairs=clustering.confirmed,
            resolver_calls=table.resolver_calls,
        ),
    )
    result.summary = build_summary(result)
    result.stats.seconds = round(time.perf_counter() - started, 3)
    return result
