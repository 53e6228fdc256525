"""Batch mode: the online path's requests as one OpenAI Batch API file, and its results back.

``prepare`` writes, for every article and chunk, the exact body the online path would POST to
``/v1/chat/completions`` (custom_id ``<doc_id>#chunk<k>``) plus a manifest of the settings that
shaped those bodies. ``collect`` reads a Batch output file (OpenAI Batch API or vLLM
``run_batch``), records every completion in the call log under the cache key of its request, and
then the normal extraction runs: each first request is answered from the log, so validation,
grounding, re-asks and outputs are those of the online path. Requests that need an online call
(a re-ask, a raised ``max_tokens``, a failed batch line) go to the server, or, offline, into a
follow-up batch file.
"""

from summarizer.batch.collect import (
    BatchOnlyBackend,
    CollectStats,
    completion_from_body,
    read_results,
    record_results,
    write_pending,
)
from summarizer.batch.manifest import Manifest, manifest_path_for
from summarizer.batch.prepare import PrepareReport, prepare

__all__ = [
    "BatchOnlyBackend",
    "CollectStats",
    "Manifest",
    "PrepareReport",
    "completion_from_body",
    "manifest_path_for",
    "prepare",
    "read_results",
    "record_results",
    "write_pending",
]
