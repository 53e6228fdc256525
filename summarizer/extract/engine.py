"""Extraction engine: one article → one ``DocumentResult`` with grounded claims.

Per chunk the model is asked about (all of them with ``model_cues``, else the article's lead for
the summary): render the prompt, answer from the call log or call the backend (transient
retries), parse leniently (llama.cpp lets raw newlines into strings), validate against the reply
model, locate every reply item (a marked cue number, or a cue word in a cited sentence) and let
the attribution core (``summarizer.rules``) frame the chunk's claims; a parse/validation failure,
or too many items that locate nothing, is re-asked with the error text (bounded), then the rest
are dropped and counted. Truncation is never re-asked blindly: a reply cut inside its summary is
closed where it was cut; otherwise ``max_tokens`` is raised once, then the chunk is split in half;
a reply cut short for repeating itself (``finish_reason="repetition"``) is split at once.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError
from rapidfuzz import fuzz

from summarizer.backends.base import Backend, ChatRequest, Completion
from summarizer.backends.schemas import canonical_hash
from summarizer.calllog import CallLog
from summarizer.errors import (
    BackendError,
    ExtractionFailed,
    InvalidReply,
    RefusedReply,
    SummarizerError,
    TransientBackendError,
    TruncatedReply,
)
from summarizer.extract.chunking import Chunk, make_chunks, split_chunk
from summarizer.extract.cues import locate_cues
from summarizer.extract.enrich import dates_in, document_entities, modality_for, numbers_in
from summarizer.extract.fingerprint import code_fingerprint
from summarizer.extract.prompts import PromptSet
from summarizer.extract.reply import (
    SUMMARY_TOKENS,
    Reply,
    close_cut_summary,
    json_body,
    reply_items,
    reply_model,
    reply_schema,
    short_summary,
)
from summarizer.extract.retry import TransientPolicy
from summarizer.models import (
    Article,
    Claim,
    DocumentResult,
    ExtractionMeta,
    Sentence,
    SourceInfo,
    TokenUsage,
)
from summarizer.rules import ArticleFrames, Framed, cue_candidates
from summarizer.text.sentences import split_sentences
from summarizer.text.tokens import Tokenized, tokenize


@dataclass
class ExtractOptions:
    evidence_style: str = "sentence"
    model_cues: bool = False  # the model names cue words too (else it writes the summary only)
    max_tokens: int = 2048
    max_tokens_cap: int = 4096
    max_reasks: int = 2
    # Re-ask for ungrounded items only when they are more than this share of the reply: one bad
    # item out of 40 is dropped (and counted), not worth decoding the whole reply again.
    reask_share: float = 0.25
    chunk_chars: int = 6000
    # Summary-only runs send the model the article's lead alone (news puts the story first); the
    # rules frame every sentence without a call. Prompt tokens are most of an article's seconds.
    summary_chars: int = 1500
    use_cache: bool = True
    bounded_schema: bool = False  # keep length bounds (minLength) for grammar-constrained backends only
    # add the lexicon's attributions in sentences the model did not cite, and author claims
    rule_supplement: bool = True


@dataclass
class _Stats:
    tokens: TokenUsage = field(default_factory=TokenUsage)
    attempts: int = 0
    calls: int = 0
    cached: int = 0
    dropped: int = 0
    warnings: list[str] = field(default_factory=list)
    last_reply: str = ""
    model_seconds: float = 0.0
    cached_tokens: TokenUsage = field(default_factory=TokenUsage)

    def add(self, c: Completion) -> None:
        self.model_seconds += c.seconds
        self.tokens = self.tokens.add(TokenUsage(prompt=c.prompt_tokens, completion=c.completion_tokens))
        self.last_reply = c.text


@dataclass
class _Draft:
    """A grounded claim before ids are assigned."""

    claim: Claim
    order: tuple[int, int]


class Extractor:
    def __init__(
        self,
        backend: Backend,
        *,
        options: ExtractOptions | None = None,
        calllog: CallLog | None = None,
        policy: TransientPolicy | None = None,
    ) -> None:
        self.backend = backend
        self.options = options or ExtractOptions()
        self.calllog = calllog or CallLog(None)
        self.policy = policy or TransientPolicy()
        self.schema = reply_schema(self.style, bounded=self.options.bounded_schema)
        self.schema_sha256 = canonical_hash(self.schema)
        self.code_sha256 = code_fingerprint()
        self._reply_model = reply_model(self.style)
        self._prompts: dict[str, PromptSet] = {}

    @property
    def style(self) -> str:
        """What the model replies: ``summary`` (rules frame every claim), or cues by ``sentence`` / ``quote``."""
        return self.options.evidence_style if self.options.model_cues else "summary"

    def prompts(self) -> PromptSet:
        mode = self.backend.mode
        if mode not in self._prompts:
            self._prompts[mode] = PromptSet(evidence_style=self.style, output_mode=mode, schema=self.schema)
        return self._prompts[mode]

    # -- one document -----------------------------------------------------------------------
    def extract(self, article: Article) -> DocumentResult:
        started = time.perf_counter()
        stats = _Stats()
        sentences = split_sentences(article.text)
        frames = ArticleFrames(article.text)
        pending = self.model_chunks(sentences)
        asked: set[int] = set()  # sentences some model call covered
        drafts: list[_Draft] = []
        summaries: list[str] = []
        n_chunks = 0
        try:
            while pending:
                chunk = pending.pop(0)
                try:
                    summary, found = self._chunk(article, chunk, frames, stats)
                except TruncatedReply as exc:
                    halves = split_chunk(chunk)
                    if halves is None:
                        raise
                    why = "repeated itself" if exc.runaway else "truncated"
                    stats.warnings.append(f"chunk {chunk.index} {why}; split in two")
                    pending[:0] = halves
                    continue
                n_chunks += 1
                summaries.append(summary)
                drafts.extend(found)
                asked.update(s.id for s in chunk.sentences)
            rest = [s for s in sentences if s.id not in asked]  # summary-only: past the lead
            for piece in make_chunks(rest, max_chars=self.options.chunk_chars) if rest else []:
                framed = frames.frame(piece.sentences, {}, supplement=self.options.rule_supplement)
                drafts.extend(self._framed_drafts(framed, piece.index))
        except SummarizerError as exc:
            raise ExtractionFailed(
                article.path,
                str(exc),
                attempts=stats.attempts,
                prompt_tokens=stats.tokens.prompt,
                completion_tokens=stats.tokens.completion,
                last_reply=stats.last_reply[:2000],
                cause_type=type(exc).__name__,
            ) from exc
        claims = self._finish(article, drafts, stats)
        entities, canonical = document_entities(article.text, [c.speaker for c in claims])
        for c in claims:
            ref = c.speaker.canonical or c.speaker.name
            c.speaker.canonical = canonical.get(ref.lower(), c.speaker.canonical)
        if stats.dropped:
            stats.warnings.append(f"{stats.dropped} ungrounded claim(s) dropped")
        prompts = self.prompts()
        return DocumentResult(
            doc_id=article.doc_id,
            source=SourceInfo(
                path=article.path, sha256=article.sha256, length=len(article.text), **article.publication.model_dump()
            ),
            title=article.publication.title,
            summary=short_summary(summaries[0] if summaries else ""),
            claims=claims,
            entities=entities,
            meta=ExtractionMeta(
                backend=self.backend.name,
                model=self.backend.model,
                output_mode=self.backend.mode,
                evidence_style=self.style,
                prompt_sha256=prompts.sha256,
                schema_sha256=self.schema_sha256,
                code_sha256=self.code_sha256,
                tokens=stats.tokens,
                attempts=stats.attempts,
                calls=stats.calls,
                cached_calls=stats.cached,
                chunks=n_chunks,
                seconds=round(time.perf_counter() - started, 3),
                model_seconds=round(stats.model_seconds, 3),
                cached_tokens=stats.cached_tokens,
                dropped_ungrounded=stats.dropped,
                warnings=[*article.warnings, *stats.warnings],
            ),
        )

    def model_chunks(self, sentences: list[Sentence]) -> list[Chunk]:
        """The chunks the model is asked about (batch mode writes the same): all of them when it
        names cues; the article's lead alone when it writes only the summary."""
        if self.style == "summary":
            return make_chunks(sentences, max_chars=self.options.summary_chars)[:1]
        return make_chunks(sentences, max_chars=self.options.chunk_chars)

    def request_for(self, article: Article, chunk: Chunk, tokenized: Tokenized | None = None) -> ChatRequest:
        """The first request for a chunk (also what batch mode writes to its JSONL); ``tokenized`` is
        the chunk's tokens when the caller already has them."""
        prompts = self.prompts()
        marks: dict[int, list[tuple[int, int]]] = {}
        if self.style == "sentence":
            starts = {s.id: s.start for s in chunk.sentences}
            for c in cue_candidates(tokenized or tokenize(article.text, chunk.sentences)):
                marks.setdefault(c.sentence_id, []).append((c.end - starts[c.sentence_id], c.id))
        user = prompts.user(chunk.sentences, title=None, context=chunk.context, marks=marks)
        messages = [{"role": "system", "content": prompts.system}, {"role": "user", "content": user}]
        budget = self.options.max_tokens
        if self.style in ("sentence", "summary"):  # a few tokens per marked word and the summary
            # (the summary is last, so a rambling one is cut there and the cues survive)
            budget = min(budget, 4 * sum(map(len, marks.values())) + SUMMARY_TOKENS)
        return ChatRequest(messages=messages, schema_name="claims", json_schema=self.schema, max_tokens=budget)

    # -- one chunk ----------------------------------------------------------------------------
    def _chunk(self, article: Article, chunk: Chunk, frames: ArticleFrames, stats: _Stats) -> tuple[str, list[_Draft]]:
        tokenized = tokenize(article.text, chunk.sentences)  # once: the marks, their grounding and the frames
        request = self.request_for(article, chunk, tokenized)
        raised = False
        reasks = 0
        while True:
            completion = self._complete(request, article.doc_id, stats)
            if completion.refusal:
                status, error, _ = self.classify(completion)
                self._log(request, completion, article.doc_id, status, error)
                raise RefusedReply(f"model refused: {completion.refusal}")
            closed = (
                close_cut_summary(completion.text) if completion.finish_reason in ("length", "repetition") else None
            )
            if closed is not None and self._parses(closed):
                stats.warnings.append(f"chunk {chunk.index}: summary cut at {request.max_tokens} tokens")
                completion = completion.model_copy(update={"text": closed, "finish_reason": "stop"})
            if completion.finish_reason in ("length", "repetition"):
                runaway = completion.finish_reason == "repetition"  # the same prompt would loop again
                self._log(request, completion, article.doc_id, "truncated", completion.finish_reason)
                if not runaway and not raised and request.max_tokens < self.options.max_tokens_cap:
                    raised = True
                    request = request.model_copy(update={"max_tokens": self.options.max_tokens_cap})
                    continue
                raise TruncatedReply(request.max_tokens, runaway=runaway)
            try:
                reply = self.parse(completion.text)
                cues, problems = locate_cues(reply, chunk, tokenized)
                share = len(problems) / max(1, reply_items(reply))
                if problems and share > self.options.reask_share and reasks < self.options.max_reasks:
                    raise InvalidReply("; ".join(problems[:5]), reply=completion.text)
            except InvalidReply as exc:
                self._log(request, completion, article.doc_id, "invalid", str(exc))
                if reasks >= self.options.max_reasks:
                    raise
                reasks += 1
                messages = [
                    *request.messages,
                    {"role": "assistant", "content": completion.text[:6000]},
                    {"role": "user", "content": self.prompts().reask(str(exc))},
                ]
                request = request.model_copy(update={"messages": messages})
                continue
            self._log(request, completion, article.doc_id, "ok", None, parsed=reply.model_dump(mode="json"))
            stats.dropped += len(problems)
            # framed once, for the accepted reply: the speaker memory sees each chunk once
            framed = frames.frame(chunk.sentences, cues, supplement=self.options.rule_supplement, tokenized=tokenized)
            return reply.summary.strip(), self._framed_drafts(framed, chunk.index)

    def classify(self, completion: Completion) -> tuple[str, str | None, Any]:
        """A reply's call-log status before grounding (refused, or empty: a server fault never served
        from the cache; truncated; invalid; ok), its error and parse; batch collection logs by it."""
        if completion.refusal:
            status = "empty" if completion.finish_reason == "no_choices" else "refused"
            return status, completion.refusal, None
        if completion.finish_reason in ("length", "repetition"):
            return "truncated", completion.finish_reason, None
        try:
            reply = self.parse(completion.text)
        except InvalidReply as exc:
            return "invalid", str(exc), None
        return "ok", None, reply.model_dump(mode="json")

    def _parses(self, text: str) -> bool:
        try:
            self.parse(text)
        except InvalidReply:
            return False
        return True

    def parse(self, text: str) -> Reply:
        """Lenient JSON (raw control characters allowed), then strict schema validation."""
        body = json_body(text)
        try:
            data: Any = json.loads(body, strict=False)
        except json.JSONDecodeError as exc:
            raise InvalidReply(f"not valid JSON ({exc.msg} at char {exc.pos})", reply=text) from None
        try:
            return self._reply_model.model_validate(data)
        except ValidationError as exc:
            errs = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()[:5])
            raise InvalidReply(f"does not match the schema ({errs})", reply=text) from None

    @staticmethod
    def _framed_drafts(framed: list[Framed], chunk: int) -> list[_Draft]:
        """Claims from the rules' frames, with the fields rules derive from the content (modality,
        numbers, dates); ids are assigned once the whole article is in (``_finish``)."""
        drafts = []
        for n, f in enumerate(framed):
            claim = Claim(
                id="",
                text=f.evidence.text,
                speaker=f.speaker,
                cue=f.cue,
                cue_span=f.cue_span,
                inner_source=f.inner_source,
                modality=modality_for(f.cue, f.evidence.text),
                evidence=f.evidence,
                numbers=numbers_in(f.evidence.text),
                dates=dates_in(f.evidence.text),
                chunk=chunk,
                origin=f.origin,
            )
            drafts.append(_Draft(claim=claim, order=(f.evidence.start, n)))
        return drafts

    def _finish(self, article: Article, drafts: list[_Draft], stats: _Stats) -> list[Claim]:
        """Order by position, drop duplicates (overlapping chunks, repeated items), assign ids."""
        kept: list[Claim] = []
        for d in sorted(drafts, key=lambda d: d.order):
            c = d.claim
            if any(
                k.evidence.start == c.evidence.start
                and k.evidence.end == c.evidence.end
                and k.speaker.name.lower() == c.speaker.name.lower()
                and fuzz.token_set_ratio(k.text, c.text) >= 90
                for k in kept[-8:]
            ):
                continue
            kept.append(c)
        for n, c in enumerate(kept, start=1):
            c.id = f"{article.doc_id}#c{n}"
        return kept

    # -- calls ------------------------------------------------------------------------------------
    def _complete(self, request: ChatRequest, doc_id: str, stats: _Stats) -> Completion:
        key = request.cache_key(self.backend.name, self.backend.model, self.backend.mode)
        if self.options.use_cache:
            hit = self.calllog.lookup(key)
            if hit is not None:
                stats.cached += 1
                stats.cached_tokens = stats.cached_tokens.add(
                    TokenUsage(prompt=hit.prompt_tokens, completion=hit.completion_tokens)
                )
                stats.model_seconds += hit.seconds
                stats.last_reply = hit.text
                return hit

        def failed(exc: TransientBackendError, wait: float) -> None:
            stats.attempts += 1
            self._log(request, None, doc_id, "error", f"{exc} (retry in {wait:.1f}s)")

        try:
            completion = self.policy.call(lambda: self.backend.complete(request), on_failure=failed)
        except BackendError as exc:  # transient ones exhausted, or permanent (never retried)
            stats.attempts += 1
            self._log(request, None, doc_id, "error", str(exc))
            raise
        stats.attempts += 1
        stats.calls += 1
        stats.add(completion)
        return completion

    def _log(
        self,
        request: ChatRequest,
        completion: Completion | None,
        doc_id: str,
        status: str,
        error: str | None,
        parsed: Any = None,
    ) -> None:
        if completion is not None and completion.cached:
            return
        self.calllog.record(
            request_hash=request.cache_key(self.backend.name, self.backend.model, self.backend.mode),
            request=request,
            backend=self.backend.name,
            model=self.backend.model,
            mode=self.backend.mode,
            prompt_sha256=self.prompts().sha256,
            doc_id=doc_id,
            completion=completion,
            status=status,
            error=error,
            parsed=parsed,
        )
