"""Scoring extraction and merge output against hand-labeled gold (``summarizer eval``).

Why its own package: every later change to prompts, models or the merge is judged by these
numbers, so the rules live in one place, are unit-tested, and never depend on a model backend.
Modules: ``gold`` (load the PolNeAR-style JSONL), ``predictions`` (load output folders),
``matching`` (soft/strict span matching), ``speakers`` (speaker and cue equivalence),
``baseline`` (the non-LLM row, on ``summarizer.rules``), ``scoring`` (everything into an
``EvalReport``), ``merge_scores`` (entities, clusters, conflicts), ``report`` (console table,
eval.json) and ``api`` (one call from gold + predictions to a report; the CI floor check).
"""
