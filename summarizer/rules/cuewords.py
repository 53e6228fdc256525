"""Which words of one sentence are cues: the lexicon, the learned detector and the shapes that
make or unmake a cue in context (a that-only verb without its clause, a cue word inside a name, a
verb that introduces a quotation, a hedge with no source).

Why apart from ``cuesentence``: a frame starts from a cue, but whether a word is one is its own
question with its own tests; ``CueSentence`` adds the frame shapes around the cues this class
finds, on the same tokens.
"""

from __future__ import annotations

import re

from summarizer.models import Mention
from summarizer.rules.after import speaker_after
from summarizer.rules.cuemodel import DEFAULT, CueModel
from summarizer.rules.lexicon import (
    ADDRESSEES,
    BELIEFS,
    CLAUSE_OPENERS,
    CLAUSE_SUBJECTS,
    CLAUSE_VERBS,
    CLOSE_Q,
    COLON_CUES,
    CUES,
    DETERMINERS,
    FINDINGS,
    HEDGE_ADVERBS,
    HEDGES,
    INVERTIBLE,
    MEASURES,
    NEGATED_AUX,
    PASSIVE,
    PUNCT,
    QUANTIFIERS,
    STOP_BACK,
    THAT_ONLY,
    is_adverb,
    said_to_whom,
    shown_stance,
)
from summarizer.rules.phrases import subject_phrase
from summarizer.text.tokens import Tok, region_at, regions_within

# belief and knowledge verbs take a clause whose subject is a lowercase phrase ("believe modest relief is
# possible", "knew some of this was coming"); after other that-only verbs such a phrase is an object
_LOWERCASE_CLAUSE_TAKERS = BELIEFS | frozenset("know knew knows learned realized discovered".split())
_SUBJECT_CONTRACTION = re.compile(
    r"(?:he|she|they|we|i|it|you|there|that|somebody|someone|everybody|everyone|nobody)['’](?:s|re|ve|ll|d|m)$"
)
_NOT_SUBJECT = STOP_BACK | CUES | frozenset({"not", "so", "it"})  # words no lowercase clause subject holds
_EVIDENCE = frozenset({"evidence", "proof", "signs", "indications"})  # "have found evidence that …"


# after "seems" / "appeared" a state ("seems uneasy", "appeared confident") hedges; these do not
_NOT_STATES = frozenset("""that on at in before with onstage alongside as if like""".split())


class CueWords:
    """One sentence's tokens and the tests that tell its cue words (``is_cue``) and its hedges."""

    def __init__(
        self,
        text: str,
        start: int,
        end: int,
        regions: list[tuple[int, int]],
        toks: list[Tok],
        extra: frozenset[str] = frozenset(),
        learned: CueModel = DEFAULT,
    ) -> None:
        self.text, self.start, self.end, self.regions, self.extra = text, start, end, regions, extra
        self.learned = learned
        self.local = regions_within(regions, start, end)  # what the cue detector looks at
        self.toks = toks

    def phrase(self, span: tuple[int, int]) -> Mention:
        start, end = self.toks[span[0]].start, self.toks[span[1] - 1].end
        return Mention(text=self.text[start:end], start=start, end=end)

    def words(self, start: int, end: int) -> int:
        return len(re.findall(r"\w+", self.text[start:end]))

    def is_cue(self, i: int) -> bool:
        low, toks = self.toks[i].low, self.toks
        if region_at(self.regions, toks[i].start):
            return False
        if low in self.extra:
            return toks[i - 1].low not in DETERMINERS if i > 0 else True  # a cue the model named here
        if low in COLON_CUES and i + 1 < len(toks) and toks[i + 1].text == ":":
            return True  # "It read: “...”"
        if self.introduces_quote(i):
            return True  # "the NY Times clarifies: “…”", "The report also notifies, “…”"
        if low not in CUES:  # the long tail, decided in context; never after "not" ("did not drink coffee")
            return (i == 0 or toks[i - 1].low != "not") and self.learned.fires(toks, i, self.local)
        if i > 0 and toks[i].text[:1].isupper() and toks[i - 1].text[:1].isupper() and not self.headline_case():
            return False  # "the UCLA Anderson Forecast": a cue word inside a name
        prev = toks[i - 1].low if i > 0 else ""
        nxt = toks[i + 1].low if i + 1 < len(toks) else ""
        if (prev in PASSIVE and not low.endswith("ing")) or prev in DETERMINERS:
            return False  # "was told", "is said to", "his claims"
        if low in ("add", "adds", "added") and self._adds_a_quantity(i):
            return False  # "the city added 150,000 jobs", "added to its list", "added up to" (train: 1 of 30)
        if (
            low in THAT_ONLY
            and nxt != "that"
            and not self.inverted_that_only(i)
            and not self.closing_that_only(i)
            and not (nxt in _EVIDENCE and i + 2 < len(toks) and toks[i + 2].low == "that")  # "found evidence that"
            and shown_stance(toks, i) is None  # "showed no sign of backing down"
            and not self.agrees_with_that(i)
            and not (nxt in CLAUSE_OPENERS and low in BELIEFS)
            and not self.finding(i)
            and not self.clause_after(i)
            and not self.agreed_to(i)
        ):
            return False  # "his claims", "Trump found a way"; but "Critics fear the cuts will", "she hopes to"
        # "is said to", "adding to her lead"; but "he said to applause", "she told … said to reporters"
        after = toks[i + 2] if i + 2 < len(toks) else None
        addressed = low in ("said", "says", "say") and after is not None and said_to_whom(after)
        return not (
            nxt == "to"
            and low in ("said", "say", "says", "reported", "believed", "thought", "expected", "adding")
            and not addressed
        )

    def _adds_a_quantity(self, i: int) -> bool:
        """ "add" before "to", "up" or a figure ("added around 150,000 jobs"): an amount grows, no one speaks."""
        toks = self.toks
        nxt = toks[i + 1].low if i + 1 < len(toks) else ""
        whom = toks[i + 2] if i + 2 < len(toks) else None  # '"…," Lane added to People': whom it was said to
        quoted = any(self.closes(k) for k in range(max(0, i - 5), i))  # after a quotation's closing mark
        if (
            quoted
            and nxt == "to"
            and whom is not None
            and (whom.low in ADDRESSEES - DETERMINERS or whom.text[:1].isupper())
        ):
            return False
        if nxt in ("to", "up") or nxt[:1].isdigit() or nxt[:1] == "$":
            return True
        approx = i + 2 < len(toks) and nxt in ("around", "about", "nearly", "roughly", "almost", "over")
        return approx and (toks[i + 2].text[:1].isdigit() or toks[i + 2].text[:1] == "$")

    def agrees_with_that(self, i: int) -> bool:
        """``agrees with her rival that CONTENT``: whom one agrees with, then the clause agreed on."""
        toks = self.toks
        if toks[i].low not in ("agree", "agrees", "agreed") or i + 1 >= len(toks) or toks[i + 1].low != "with":
            return False
        for t in toks[i + 2 : i + 8]:
            if t.low == "that":
                return True
            if t.text in PUNCT:
                return False
        return False

    def agreed_to(self, i: int) -> bool:
        """``agreed to`` and a verb is a commitment, the verb phrase its content ("agreed to end his bid";
        PolNeAR train marks 19 of 32 "agreed to"); not "agreed to the terms", nor where a later cue
        frames the sentence ("He agreed to sell it, records show")."""
        toks = self.toks
        if toks[i].low != "agreed" or i + 2 >= len(toks) or toks[i + 1].low != "to":
            return False
        verb = toks[i + 2]
        return (
            verb.text.isalpha()
            and verb.text.islower()
            and verb.low not in DETERMINERS
            and not any(t.low in CUES for t in toks[i + 3 :])
        )

    def headline_case(self) -> bool:
        """The sentence is written in title case ("Trump Says He Will Win"), where cue words are
        capitalized too: most of its words open with a capital."""
        words_ = [t for t in self.toks if t.text[:1].isalpha()]
        return len(words_) >= 3 and sum(t.text[:1].isupper() for t in words_) >= 0.7 * len(words_)

    def introduces_quote(self, i: int) -> bool:
        """A verb the lexicon lacks that introduces a quotation with a colon or a comma after its
        subject ("the NY Times clarifies: “…”", "The report also notifies, “…”"): a lowercase word
        in -s or -ed right after a word, the mark, then a quotation of a few words at least (not
        "The plan works, “maybe,” in theory")."""
        toks, low = self.toks, self.toks[i].low
        if not (toks[i].text.islower() and len(low) > 3 and low.endswith(("s", "ed")) and 0 < i < len(toks) - 2):
            return False
        if toks[i + 1].text not in (":", ","):
            return False
        if toks[i - 1].text in PUNCT:  # "Ann Lee, an analyst at Cole, agreed: “…”": after an appositive only
            span = subject_phrase(toks, i) if toks[i - 1].text == "," and toks[i + 1].text == ":" else None
            if span is None or span[0] != 0:
                return False
        region = region_at(self.regions, toks[i + 2].start)
        return region is not None and region[0] == toks[i + 2].start and self.words(*region) >= 4

    def inverted_that_only(self, i: int) -> bool:
        """``CONTENT, states the opposition.`` / ``"…," claims the group.``: a that-only verb after
        the content's comma or quotation, with its source after it, closing the sentence."""
        toks = self.toks
        if toks[i].low not in INVERTIBLE or i == 0 or not (toks[i - 1].text == "," or self.closes(i - 1)):
            return False
        span = speaker_after(toks, i, lowercase=True)
        return span is not None and (span[1] >= len(toks) or toks[span[1]].text in (".", "!", "?"))

    def closing_that_only(self, i: int) -> bool:
        """``CONTENT, records show.`` / ``…, a study by the Council found.`` / ``"…," he notes.``: a
        that-only verb that closes its sentence after a subject that follows the content's comma or
        quotation."""
        toks = self.toks
        closes = i + 2 == len(toks) and toks[i + 1].text in (".", "!", "?")
        interjected = i + 2 < len(toks) and toks[i + 1].text == "," and toks[i + 2].text.islower()
        if not (closes or interjected):  # "…, his team believes, resulting in …": between commas too
            return False
        span = subject_phrase(toks, i)  # '“…,” Ann Lee notes.': after a quotation's close too
        if span is None or span[0] < 2:
            return False
        quoted = self.closes(span[0] - 1) and toks[span[0] - 2].text in (",", "?", "!")  # not '“The Show” TV show'
        return toks[span[0] - 1].text == "," or quoted

    def hedged(self, i: int) -> bool:
        """``toks[i]`` hedges a claim with no source: "appeared to", "seems to", "is (widely) expected to",
        "was best known for", "is seen as"; not when a cue follows ("Obama seemed to recognize …",
        "Cruz seemed to mock …, saying"). The word is tested first: this runs for every token."""
        toks, low = self.toks, self.toks[i].low
        if i + 1 >= len(toks) or low not in HEDGES | {"expected", "known", "seen"}:
            return False
        nxt = toks[i + 1].low
        if low in HEDGES:  # "seems to", and "seems likely to", "appears poised for"
            after = toks[i + 2].low if i + 2 < len(toks) else ""
            hedge = nxt == "to" or (nxt.isalpha() and nxt not in DETERMINERS and after in ("to", "for"))
            hedge = hedge or (nxt.isalpha() and nxt.islower() and nxt not in DETERMINERS and nxt not in _NOT_STATES)
        else:
            k = i - 1
            while k >= 0 and toks[k].low in HEDGE_ADVERBS:
                k -= 1
            negated_be = (
                k >= 0 and NEGATED_AUX.match(toks[k].low) is not None and toks[k].low[:2] in ("is", "ar", "wa", "we")
            )
            passive = k >= 0 and (toks[k].low in PASSIVE or negated_be)  # "is expected to", "isn’t expected to"
            hedge = passive and (nxt == "to" if low == "expected" else nxt in ("as", "for"))
        if low in HEDGES:  # "seems to agree", "appeared to oppose the effort, saying …": the cue frames it
            return hedge and not any(t.low in CUES for t in toks[i + 1 :])
        return hedge and not any(self._later_verb_cue(k) for k in range(i + 1, len(toks)))

    def _later_verb_cue(self, k: int) -> bool:
        """A cue word after "is expected to" that reads as a verb: not one after a determiner or a figure, nor
        one closing its sentence ("expected to make appearances on the NBC morning show", "to the two
        dozen states")."""
        toks = self.toks
        if toks[k].low not in CUES:
            return False
        if toks[k].low in THAT_ONLY and (k + 1 >= len(toks) or toks[k + 1].low != "that"):
            return False  # "are caucus states where": a that-only word without "that" is a noun here
        before = [t.low for t in toks[max(0, k - 3) : k]]
        nominal = any(w in DETERMINERS or w[:1].isdigit() or w in ("dozen",) for w in before)
        last = k + 1 >= len(toks) or (k + 2 == len(toks) and toks[k + 1].text in (".", "!", "?"))
        return not (nominal or last)

    def clause_after(self, i: int) -> bool:
        """A clause follows ``toks[i]`` without "that": a subject pronoun or a name, then an auxiliary
        or a modal ("learned he had never been", "think Ayotte should drop"; not "found a way")."""
        toks = self.toks
        if i + 2 >= len(toks):
            return False
        k = i + 1
        if _SUBJECT_CONTRACTION.match(toks[k].low):
            return True  # "claims he's worth", "thinks they're right"
        named = toks[k].text[:1].isupper() and toks[k].text[:1].isalpha() and toks[k].low != "i"
        if named:
            while k + 1 < len(toks) and k - i < 4 and toks[k + 1].text[:1].isupper() and toks[k + 1].text[:1].isalpha():
                k += 1
            if toks[i].low in BELIEFS:  # "think Trump's tax plan will", "think American women were"
                k = self._lowercase_run(k, i + 6)
        elif (
            toks[i].low in _LOWERCASE_CLAUSE_TAKERS
            and toks[k].text.isalpha()
            and toks[k].text.islower()
            and toks[k].low not in _NOT_SUBJECT
        ):
            k = self._lowercase_run(k, i + 4)  # "officials believe meaningful debt relief is possible"
        elif toks[k].low not in CLAUSE_SUBJECTS | {"you", "there", "it"}:
            return False
        if k + 1 >= len(toks):
            return False
        verb = toks[k + 1].low
        return verb in CLAUSE_VERBS or NEGATED_AUX.match(verb) is not None

    def _lowercase_run(self, k: int, limit: int) -> int:
        """The last of the lowercase words after ``k`` that may be a clause's subject, up to ``limit``: no
        verb of the clause, no preposition or cue."""
        toks = self.toks
        while k + 1 < len(toks) and k < limit and toks[k + 1].text.isalpha() and toks[k + 1].text.islower():
            counted = toks[k + 1].low == "of" and toks[k].low in QUANTIFIERS | {"much", "none"}  # "some of this"
            if toks[k + 1].low in CLAUSE_VERBS or (toks[k + 1].low in _NOT_SUBJECT and not counted):
                break
            k += 1
        return k

    def finding(self, i: int) -> bool:
        """``toks[i]`` is a finding verb whose subject is a document or a measure, followed by a clause
        or an object ("Polls there show Trump is trailing", "The report found no evidence of ...", "a
        poll showed slimmer leads"); not "to", "that" (the that-rule takes it) or punctuation."""
        toks = self.toks
        if toks[i].low not in FINDINGS or i + 1 >= len(toks):
            return False
        nxt = toks[i + 1]
        span = subject_phrase(toks, i)
        if span is None or not any(t.low in MEASURES for t in toks[span[0] : span[1]]):
            return False
        return nxt.low not in ("to", "that") and (nxt.text not in PUNCT or nxt.text in ("“", '"', "''"))

    def closes(self, k: int) -> bool:
        """``toks[k]`` closes a quotation: a closing mark, or an opening one the page wrote in its
        place ('… her here,“ said Jim Clyburn'; ``quote_regions`` closes the quotation there)."""
        t = self.toks[k]
        if t.text in CLOSE_Q or (t.text == "’" and k > 0 and self.toks[k - 1].text == ","):
            return True  # a lone "’" after a comma closes a single-quoted phrase ("A ‘Crisis,’ Dean Says")
        region = region_at(self.regions, t.start) if t.text == "“" else None
        return region is not None and region[1] == t.end

    def participle(self, i: int) -> bool:
        """``toks[i]`` is an -ing cue right after a comma, after a quotation closed on a comma ('…,"
        adding that') or after a cue and "before" ("said before adding:"): a participle clause of the
        cue before it, which reuses its speaker."""
        toks = self.toks
        if not toks[i].low.endswith("ing") or i == 0:
            return False
        if (
            toks[i - 1].low in ("before", "after", "while")
            and i > 1
            and (toks[i - 2].low in CUES or (i > 2 and toks[i - 2].text == "," and toks[i - 3].low in CUES))
        ):
            return True  # "Trump said before adding: …", "Clinton said, while arguing …"
        if toks[i - 1].low in ("before", "by") and toks[i].low in ("saying", "adding", "telling", "arguing") and i > 2:
            return True  # "Lee deflected questions about the mayor before saying, …", "he began by saying, …"
        k = i - 1
        while k > 0 and is_adverb(toks[k].text):  # "…, perhaps recognizing that", "…, apparently referring to"
            k -= 1
        return toks[k].text == "," or (k > 1 and self.closes(k) and toks[k - 1].text == ",")
