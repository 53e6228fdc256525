"""What the model is asked to return: a deliberately small schema (output tokens are the cost).

The model names only what the rules cannot know (issue 12): which words of the article are
attribution cues that the lexicon lacks ("pushing for", "mulling", "polls show"). Everything else
(the content span, the speaker and their spans, the pronoun's antecedent, modality, numbers,
dates) is derived by the rules in ``summarizer.rules``, so the model never writes a name.

By default (``summary``) the model writes only the summary: measured on PolNeAR, the default 1.5B
confirms nearly every candidate cue it is shown, which lowers joint attribution F1 below the rules
alone (evals/README.md). With ``model_cues`` there are two evidence styles:
- ``sentence`` (the default, for small models): the prompt marks candidate cue words ``{n}`` and
  the reply lists the numbers that are attributions, a short constrained choice of two or three
  output tokens each;
- ``quote`` (for models that can be trusted to write): each item cites a sentence and writes the
  cue words as they stand in it; the program looks the words up in the sentence.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, Field, field_validator

from summarizer.backends.schemas import strict_schema
from summarizer.text.sentences import split_sentences

SUMMARY = "two short sentences; longer replies are cut, not re-asked"


class _Summarized(BaseModel):
    """The reply's ``summary`` check; each reply declares the field last (a rambling summary is cut
    there by the token budget, never what comes before it)."""

    @field_validator("summary", mode="before", check_fields=False)
    @classmethod
    def _sentences_joined(cls, value: Any) -> Any:
        """A list of sentences (small models in prompt mode write one) is the same summary; a
        missing one (null) is empty: neither discards the claims next to it."""
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return " ".join(v.strip() for v in value)
        return "" if value is None else value


# ``default=""``: the schema still requires a summary (strict mode requires every field), but a
# reply that forgets it keeps its valid cues instead of being re-asked or failed.
class SentenceReply(_Summarized):
    cues: list[int] = Field(description="the numbers {n} of the marked words that attribute something")
    summary: str = Field(default="", description=SUMMARY)


class SummaryReply(_Summarized):
    summary: str = Field(description=SUMMARY)


class QuoteClaim(BaseModel):
    sentence: int = Field(description="the bracketed number of the sentence that attributes something")
    cue: str = Field(min_length=1, description="the attribution words as written in that sentence")


class QuoteReply(_Summarized):
    claims: list[QuoteClaim]
    summary: str = Field(default="", description=SUMMARY)


Reply = SentenceReply | QuoteReply | SummaryReply
REPLY_MODELS: dict[str, type[Reply]] = {"sentence": SentenceReply, "quote": QuoteReply, "summary": SummaryReply}


_SUMMARY_OPEN = re.compile(r'[{,]\s*"summary"\s*:\s*"')
_CUT_ESCAPE = re.compile(r"\\(?:u[0-9a-fA-F]{0,3})?$")
# Room for the summary (asked for in at most 50 words; decoding is most of an article's seconds)
# when the reply's budget is sized to its items; the summary is the last field, so a rambling one
# is cut here, never the cues.
SUMMARY_TOKENS = 72


_FENCED = re.compile(r"```(?:json|JSON)?\s*\n?(.*?)```", re.S)


def json_body(text: str) -> str:
    """The JSON in a reply: the text itself, else a fenced block after some prose ("Here is the
    JSON: ```json {…} ```"), else the span from the first ``{`` to the last ``}``."""
    body = text.strip()
    if body.startswith(("{", "[")) and body.endswith(("}", "]")):
        return body
    fenced = _FENCED.search(body)
    if fenced:
        return fenced.group(1).strip()
    if body.startswith("```"):  # an unclosed fence
        return body.strip("`").removeprefix("json").strip()
    start, end = body.find("{"), body.rfind("}")
    return body[start : end + 1] if 0 <= start < end else body


def close_cut_summary(text: str) -> str | None:
    """A reply cut off inside its summary, the last field (or the only one): everything before it
    is complete, so the reply is closed where it was cut (a rambling summary costs tokens, never
    the claims)."""
    opened = list(_SUMMARY_OPEN.finditer(text))
    if not opened:
        return None
    at = opened[-1].end()
    body = _CUT_ESCAPE.sub("", text[at:])
    return text[:at] + body + '"}'


def reply_items(reply: Reply) -> int:
    if isinstance(reply, SentenceReply):
        return len(reply.cues)
    return len(reply.claims) if isinstance(reply, QuoteReply) else 0


def reply_model(style: str) -> type[Reply]:
    return REPLY_MODELS[style]


def reply_schema(style: str, *, bounded: bool = False) -> dict[str, Any]:
    """Strict JSON Schema of the reply. ``bounded`` keeps length bounds (today only minLength: hard
    maxLength/maxItems made llama.cpp's grammar slow and failed valid-but-long replies), which
    grammar-constrained decoders enforce but OpenAI strict mode rejects."""
    return strict_schema(reply_model(style).model_json_schema(), keep_bounds=bounded)


def short_summary(text: str, *, sentences: int = 3, max_chars: int = 600) -> str:
    """At most ``sentences`` sentences / ``max_chars`` characters: small models sometimes copy."""
    parts = split_sentences(" ".join(text.split()))
    out = " ".join(p.text for p in parts[:sentences])
    if len(out) <= max_chars:
        return out
    cut = out.rfind(" ", max_chars // 2, max_chars)  # a word boundary near the cap, else the cap itself
    return out[: cut if cut > 0 else max_chars].rstrip(",; ") + " …"
