"""One sentence's tokens under the cue rules: the frame shapes around its cues.

Why a module of its own: ``finder`` walks an article's sentences and decides which frame wins
where two meet (a cue inside a content, a nested source); this module answers the questions it
asks of one sentence: what are the speaker and content of the frame a cue heads. Whether a word
is a cue at all is ``cuewords``' question. Every shape is described in ``finder``'s docstring.
"""

from __future__ import annotations

from summarizer.models import Mention
from summarizer.rules.after import speaker_after
from summarizer.rules.lexicon import (
    ADDRESSEES,
    ADVERBIAL,
    AFTER_QUOTE,
    AUX,
    CLAUSE_VERBS,
    CLOSE_Q,
    CUES,
    DAYS,
    DETERMINERS,
    DO_AUX,
    INVERTIBLE,
    OBJECT_VERBS,
    PUNCT,
    QUANTIFIERS,
    TIME_WORDS,
    VERBISH,
    continue_quote,
    is_adverb,
    modal_name,
    said_to_whom,
    shown_stance,
)
from summarizer.rules.nounphrase import back_phrase
from summarizer.rules.opening import opening_subject
from summarizer.rules.phrases import subject_phrase
from summarizer.rules.questions import QuestionFrames
from summarizer.rules.tails import inverted_clause, past_particle, time_after, where_said
from summarizer.text.tokens import Tok, region_at
from summarizer.text.words import PERSON_ROLES, SUBJECT_PRONOUNS

# words that open a subordinate clause before a sentence's main clause ("When he said A, B happened")
SUBORDINATORS = frozenset("when after although though while because since before once until whereas".split())

_OPEN_Q = (*CLOSE_Q, "“")  # the marks a quotation may open with
_SUBORDINATE_TAIL = SUBORDINATORS | {"if", "whether"}  # in the words after a cue: "said when asked if …"
_WHO = frozenset({"who", "whose", "whom"})  # a relative clause about a person
_AS_VERBS = frozenset("described describes describe characterized portrayed labeled branded depicted".split())
_TITLED_WORKS = frozenset("book memoir memoirs novel essay film documentary album autobiography".split())


class CueSentence(QuestionFrames):
    """One sentence under the cue rules: which of its words are cues and the frame shapes around
    them (postposed, preposed, "according to", passive "by", headlines, hedges, questions)."""

    def past_topic(self, j: int) -> int:
        """Where a content starts when the cue names its topic first: 'said of the episode, "A"' and
        'wrote about Trump: "A"' quote A; the topic is no part of what is said."""
        toks = self.toks
        if j >= len(toks) or toks[j].low not in ("of", "about"):
            return j
        for k in range(j + 1, min(j + 8, len(toks) - 1)):
            if toks[k].text in (",", ":"):
                region = region_at(self.regions, toks[k + 1].start)
                return k + 1 if region is not None and region[0] == toks[k + 1].start else j
            if toks[k].text in PUNCT or region_at(self.regions, toks[k].start):
                return j
        return j

    def new_subject(self, i: int) -> bool:
        """The cue at ``i`` opens a clause of its own, with a subject named after ", but" / ", while" /
        ";" ("..., but Democrats have pushed for"): not part of the content before it."""
        span = subject_phrase(self.toks, i)
        if span is None or span[0] < 2:
            return False
        before, comma = self.toks[span[0] - 1], self.toks[span[0] - 2]
        named = self.toks[span[0]].text[:1].isupper() or (
            span[1] - span[0] == 1 and self.toks[span[0]].low in SUBJECT_PRONOUNS
        )
        if before.low in ("and", "but", "while") and comma.text == "," and self.toks[span[0]].low in ("the", "a", "an"):
            named = True  # ", and the governor tripped him up": a clause of its own
        return named and (
            before.text == ";" or (before.low in ("but", "while", "whereas", "and") and comma.text == ",")
        )

    def subordinate_end(self, subject: int, start: int, end: int) -> int:
        """Where a content ends when its frame sits in an opening subordinate clause: "When he insisted
        on paying his bill himself, Francis showed …" ends at the comma before the main clause's
        subject; elsewhere ``end``."""
        toks = self.toks
        k = next((n for n, t in enumerate(toks) if t.start == subject), None)
        if k is None or k == 0 or toks[k - 1].low not in SUBORDINATORS:
            return end
        if k - 1 > 0 and toks[k - 2].text != ",":
            return end
        for n in range(k, len(toks) - 2):
            t = toks[n]
            if t.start < start or t.text != ",":
                continue
            if t.start >= end or region_at(self.regions, t.start):
                return end
            nxt = toks[n + 1]
            if nxt.low in SUBJECT_PRONOUNS or nxt.low in DETERMINERS or nxt.text[:1].isupper():
                return t.start
        return end

    def prior_quote(self) -> tuple[int, int] | None:
        """The quotation that ends right before this sentence in its paragraph, if one does."""
        region = next(
            (r for r in self.regions if r[1] <= self.start and not self.text[r[1] : self.start].strip()), None
        )
        return region if region is not None and "\n" not in self.text[region[0] : self.start] else None

    def postposed(self, i: int) -> tuple[Mention, int, int] | None:
        """``CONTENT, X said`` / ``"CONTENT," said X`` / ``CONTENT, X said, CONTINUED``."""
        toks, text = self.toks, self.text
        if toks[i].low.endswith("ing"):
            return None
        if i + 2 < len(toks) and toks[i + 1].low in ("yes", "no") and toks[i + 2].text in PUNCT:
            return None  # "Asked if he was bullied, the candidate said no.": the answer is the content
        b = i
        while b > 0 and toks[b - 1].low in AUX and not modal_name(toks, b - 1, i):
            b -= 1
        inverted = b > 0 and (toks[b - 1].text == "," or self.closes(b - 1)) and toks[i].low in INVERTIBLE
        if inverted and toks[b - 1].text == ",":  # "X, who led the talks, said ...": X is the subject
            c0 = max((k for k in range(b - 1) if toks[k].text == ","), default=-1)
            inverted = not (c0 >= 0 and c0 + 1 < b - 1 and toks[c0 + 1].low in ("who", "which"))
        # after a closing quotation a lowercase phrase is the speaker too ('"…," said former Gov. X')
        after_quote = b > 0 and self.closes(b - 1)
        span = speaker_after(toks, i, lowercase=after_quote) if inverted else None
        if span is not None and toks[span[0]].text[:1].islower() and is_adverb(toks[span[0]].text):
            span = None  # '"No," said simply': an adverb, no speaker
        if span is not None and inverted_clause(toks, span):
            span = None  # "X, a salesman from Sumter, South Carolina, said the plan was sound": a clause follows
        boundary = b - 1  # '"CONTENT," said X'
        if span is None:
            span = subject_phrase(toks, i)
            boundary = span[0] - 1 if span else -1
            if span is not None and boundary > 1 and toks[boundary].low in ("for", "to"):
                role = back_phrase(toks, boundary)  # '"…," a spokesman for committee Democrats said'
                if role is not None and toks[role[1] - 1].low in PERSON_ROLES:
                    span, boundary = (role[0], span[1]), role[0] - 1
            if span is not None and boundary > 1 and toks[boundary].low == "and":
                # '"…," the senator and candidate said': after a quotation the whole phrase is the subject
                q = next((k for k in range(boundary - 1, max(-1, boundary - 8), -1) if toks[k].text in PUNCT), -1)
                closed = q > 0 and (  # the quotation's comma, inside or outside its mark
                    (self.closes(q) and toks[q - 1].text == ",") or (toks[q].text == "," and self.closes(q - 1))
                )
                if closed and not any(t.low in VERBISH or t.low in CUES for t in toks[q + 1 : boundary]):
                    span, boundary = (q + 1, span[1]), q
            if span is not None and boundary > 1 and toks[boundary].text == ",":
                # '"…," another friend, Mariam Emara, told CNN': the description after the quotation is the speaker's
                q = next((k for k in range(boundary - 1, max(-1, boundary - 6), -1) if self.closes(k)), -1)
                between = toks[q + 1 : boundary] if q >= 0 else []
                if (
                    between
                    and between[0].low in DETERMINERS | {"another"}
                    and all(t.text not in PUNCT for t in between)
                ):
                    span, boundary = (q + 1, span[1]), q
        prior = self.prior_quote() if span is not None and span[0] == 0 else None
        if span is None or (
            prior is None and (boundary < 0 or not (toks[boundary].text == "," or self.closes(boundary)))
        ):
            return None
        tail = toks[max(span[1], i + 1) :]
        if tail and tail[0].text == "(":  # '"…," said Rep. X (R-Ohio), a member of …': the party is no clause
            close = next((k for k, t in enumerate(tail[:8]) if t.text == ")"), None)
            tail = tail[close + 1 :] if close is not None else tail
        n = next((k for k, t in enumerate(tail) if t.text in (",", ".", "!", "?", ":")), len(tail))
        after_quote = boundary >= 0 and (self.closes(boundary) or (boundary > 0 and self.closes(boundary - 1)))
        addressed = toks[i].low in OBJECT_VERBS and after_quote  # '“…,” he told the hosts on WEEI'
        # "…, UMWA Director Phil Smith told POLITICO earlier this week.": whom and when it was told, then the end
        addressed = addressed or (
            toks[i].low in OBJECT_VERBS
            and boundary >= 0
            and toks[boundary].text == ","
            and 0 < n < len(tail)
            and tail[n].text == "."
            and n + 1 == len(tail)
            and (tail[0].text[:1].isupper() or tail[0].low in ADDRESSEES)
            and all(t.text[:1].isupper() or t.low in TIME_WORDS or t.low in ADDRESSEES for t in tail[:n])
        )
        # "Michigan was doing what 40 states do, he told the court in his filing.": whom it was told, then
        # how or when; a clause after them ("told reporters the plan would fail", "that …") is the content
        told = (
            toks[i].low in ("told", "tells", "tell")
            and boundary >= 0
            and toks[boundary].text == ","
            and n > 0
            and (tail[0].low in DETERMINERS or tail[0].low in ADDRESSEES or tail[0].text[:1].isupper())
            and not any(t.low in CLAUSE_VERBS or t.low in ("that", "to") for t in tail[:n])
        )
        addressed = addressed or told
        adverbial = tail[0].low in ADVERBIAL if n else True
        if n > 1 and tail[0].low == "on" and tail[1].text.islower() and tail[1].low.endswith("ing"):
            adverbial = False  # "he should have insisted on getting them out": a verb's object, no "said on Monday"
        who_opens = bool(tail) and tail[0].low in _WHO
        relative = who_opens  # '"Meh," wrote a Trump supporter who runs …'
        # '"…," Trump said to a crowd of about 500': whom it was said to
        relative = relative or (
            n > 1
            and tail[0].low == "to"
            and said_to_whom(tail[1])
            and not toks[i].low.startswith("point")  # "He pointed to Carson's comments": what it points to
        )
        # '"…," spokesman Al Cone said happily on KXTV': an adverb of manner before where or when it was said
        manner = n > 0 and is_adverb(tail[0].text) and (n == 1 or tail[1].low in ADVERBIAL | AFTER_QUOTE)
        # '"…," she said and hung up', '"…," Ruiz said answering a question': what the speaker did next
        went_on = n > 0 and (tail[0].low == "and" or (tail[0].text.islower() and tail[0].low.endswith("ing")))
        if (
            n
            and (after_quote or prior is not None)
            and (tail[0].text[:1].isdigit() or tail[0].low in AFTER_QUOTE or relative or manner or went_on)
        ):
            adverbial = True  # '"…," Trump said 30 minutes into the debate', '"…?" he said about McCain's effort'
        # "…, said an American official who was briefed on the talks and spoke anonymously": the speaker's clause
        who_tail = inverted and who_opens
        # not after an appositive name ("The mayor's manager, Al Stone, said the aide who …"): the subject's
        c = max((k for k in range(boundary) if toks[k].text == ","), default=-1)
        seg = toks[c + 1 : boundary] if c >= 0 else []
        who_tail = who_tail and not (seg and len(seg) <= 4 and all(t.text[:1].isupper() for t in seg))
        adverbial = adverbial or who_tail
        longest = (
            40 if ((after_quote or prior is not None) and (adverbial or addressed)) or who_tail else 16 if told else 8
        )
        # a "that" after "when asked … if" is the question's, not the content's ('"No," he said when asked if that …')
        clause = tail[: next((k for k, t in enumerate(tail[:n]) if t.low in _SUBORDINATE_TAIL), n)]
        that = any(t.low == "that" and not time_after(tail, k) for k, t in enumerate(clause))
        if n and ((not (adverbial or addressed) and n > 2) or n > longest or that):
            return None  # a clause follows the cue: this is "X said CONTENT"
        introduces = bool(tail[n:]) and (tail[n].text == ":" or self.introduces_quote(i))
        if prior is not None and not introduces:
            # '“Why are you still endorsing him?” Obama asked.': split off by its "?" ('He added: …' opens its own)
            return self.phrase(span), prior[0], self.resumed(prior[1], tail)
        cut = toks[boundary].start if toks[boundary].text == "," else toks[boundary].end
        quoted = text[cut - 1] in "”\"'"
        rest = tail[n:]
        opens = len(rest) >= 2 and rest[0].text == "," and rest[1].text in ("“", '"', "'", "''")
        # "…, Mr. Rubio said in his 2012 book, ''An American Son.''": the quotation is the work's title
        titled = any(t.low in _TITLED_WORKS for t in tail[:n])
        opens = opens and not titled
        resumes = opens and len(rest) >= 3 and rest[2].text.islower()  # "A, he said, ''this has done ...''"
        colon = bool(rest) and rest[0].text == ":" and not any(t.low in CUES for t in tail[:n])
        # '"A," Cruz said as the heckler yelled: "B"': another subject's clause introduces B
        colon = colon and not (n > 2 and tail[0].low in ("as", "while", "when") and tail[1].low in DETERMINERS)
        if colon or (not quoted and opens and not resumes):
            return None  # "In a warning, he said: ..." introduces its content; '"A," X said before adding: "B"' not
        interjected = (
            not quoted
            and not titled
            and len(rest) >= 2
            and rest[0].text == ","
            and rest[1].low not in CUES
            and rest[1].low not in ("and",)
            # "said X, the exiled opposition": an appositive of X; after "X said," a clause resumes
            # ("Like his comments about Mr. Curiel, Mr. Graham said, Mr. Trump's jabs … were unacceptable")
            and ((rest[1].text.islower() and rest[1].low not in DETERMINERS) or not inverted)
        )
        has_quote = any(self.start <= r[0] < cut for r in self.regions)  # 'X's "excesses" are sickening, Y said'
        # "She had helped provide it, she said.": a pronoun or a name that said it and ends the sentence
        # frames three words; another closing phrase six (four and five lost on the held-back fifth)
        named = toks[span[0]].low in SUBJECT_PRONOUNS or toks[span[0]].text[:1].isupper()
        # in a title-case headline ("Guns Are A Crisis, Dean Tells Convention") any cue frames three
        least = 3 if not rest[1:] and named and (toks[i].low in ("said", "says") or self.headline_case()) else 6
        if self.words(self.start, cut) < (1 if quoted else 2 if interjected else 4 if has_quote else least):
            return None
        start = self.start
        region = region_at(self.regions, cut - 1)
        if region and region[1] == cut:
            start = min(start, region[0])
        end = cut
        if quoted and not opens:  # '"A," said X, an economist who …, "B."': the quotation resumes after the appositive
            k = next(
                (k for k in range(min(len(rest) - 1, 30)) if rest[k].text == "," and rest[k + 1].text in _OPEN_Q), None
            )
            if (
                k is not None
                and not any(  # not after another cue: '"A," said X, adding, "B."'
                    t.text.islower() and (t.low in CUES or t.low.endswith("ing")) for t in rest[:k]
                )
            ):
                region = region_at(self.regions, rest[k + 1].start)
                if region and region[0] == rest[k + 1].start:
                    end = region[1]
        if opens:
            region = region_at(self.regions, rest[1].start)
            end = region[1] if region else self.end
        elif interjected:  # "Acts of protest, Mr. Obama said, are acts of patriotism."
            end = self.end
        if quoted or text[end - 1] in "”\"'":  # '"A," he said. "B."': B continues the quote
            end = self.resumed(end, tail)
        return self.phrase(span), start, end

    def resumed(self, end: int, tail: list[Tok]) -> int:
        """Where a quotation that ends at ``end`` and resumes after its frame (``tail``, the words after
        the cue) ends: '"A," he said. "B."' → through B. The frame's own sentence may hold B when the
        split missed it (''A,'' he said. ''B.''); the frame ends at its first full stop, past an
        appositive, and past the closing mark of a title quoted there ('on "New Day."')."""
        inside = {k for k in range(len(tail) - 1) if tail[k + 1].text == ")"}  # the stop of "(D-Calif.)"
        k = next((k for k, t in enumerate(tail) if t.text in (".", "!", "?") and k not in inside), None)
        stop = self.end if k is None else tail[k].end
        if k is not None and k + 1 < len(tail) and tail[k + 1].text in CLOSE_Q and tail[k + 1].start == stop:
            stop = tail[k + 1].end
        stop = max(end, min(stop, self.end))
        resumed = continue_quote(self.text, self.regions, stop)
        return resumed if resumed > stop else end

    def prior_quote_in_sentence(self, i: int) -> bool:
        """A quotation closes in this sentence before ``toks[i]``."""
        return any(self.start <= r[1] <= self.toks[i].start for r in self.regions)

    def listed_verb(self, i: int) -> bool:
        """``toks[i]`` is a past-tense verb in a list of what one subject did, after a comma or ", and"
        ("She urged A, proposed that B, and pushed to C"): the list's subject is its speaker."""
        toks = self.toks
        if not (toks[i].text.islower() and toks[i].low.endswith("ed") and i > 1):
            return False
        if not (toks[i - 1].text == "," or (toks[i - 1].low == "and" and toks[i - 2].text == ",")):
            return False
        # the list's first verb is past too, and no relative clause sits between: in "He said the people of
        # X, who are victims of Y, expressed …" the verb after the comma is the people's
        first = next((k for k in range(i - 2, -1, -1) if toks[k].text.islower() and toks[k].low in CUES), None)
        if first is None or not toks[first].low.endswith(("ed", "said", "told", "wrote")):
            return False
        return not any(t.low in _WHO | {"which", "that"} for t in toks[first + 1 : i])

    def preposed(self, i: int, last_speaker: Mention | None) -> tuple[Mention, int, int, int] | None:
        """``X said (that|:) CONTENT``; returns speaker, content start/end and where the cue phrase starts."""
        toks = self.toks
        b = i
        # "but now said", "does say", "and officially endorsed", "and on Monday announced"
        while b > 0 and (
            (toks[b - 1].low in AUX | DO_AUX and not modal_name(toks, b - 1, i))
            or toks[b - 1].low == "now"
            or is_adverb(toks[b - 1].text)
            or (toks[b - 1].low in DAYS and b > 1 and toks[b - 2].low in ("on", "last", "this", "and", "but"))
            or (toks[b - 1].low in ("on", "last", "this") and toks[b].low in DAYS)
        ):
            b -= 1
        participle = self.participle(i)
        conjoined = (b > 0 and toks[b - 1].low in ("and", "but")) or (
            last_speaker is not None and self.listed_verb(i)
        )  # "X announced A and said B", "X urged A, proposed B"
        inverted = i == 0 and toks[i].text[:1].isupper()  # "Said Ellis: ..."
        j = i + 1
        opening = opening_subject(toks) if (conjoined or participle) and not last_speaker else None
        if (participle or conjoined) and last_speaker:
            speaker, cue_start = last_speaker, toks[max(0, b - 1)].start
        elif opening is not None:  # "He went further and suggested ..."
            speaker, cue_start = self.phrase(opening), toks[opening[0]].start
        elif inverted:
            span = speaker_after(toks, i)
            if span is None or span[1] >= len(toks) or toks[span[1]].text not in (",", ":"):
                return None
            speaker, cue_start, j = self.phrase(span), toks[i].start, span[1] + 1
        else:
            span = subject_phrase(toks, i)
            if span is None:
                return None
            speaker, cue_start = self.phrase(span), toks[span[0]].start
            if _as_frame(toks, span[0]) and j < len(toks) and toks[j].low in ADVERBIAL:
                # "As Breitbart reported on Friday, CONTENT": the content starts past the frame's comma
                comma = next((k for k in range(j, min(j + 8, len(toks))) if toks[k].text == ","), None)
                j = j if comma is None else comma + 1
        if toks[i].low in OBJECT_VERBS:  # "told reporters on Monday", "told The Post"
            while (
                j < len(toks)
                and j - i <= 4
                and toks[j].low != "that"
                and toks[j].text not in PUNCT
                and (toks[j].text[:1].isupper() or toks[j].low in ADDRESSEES)
                # "told reporters the plan would fail", "told her the plan": a determiner after whom it
                # was told opens the content
                and not (
                    j > i + 1
                    and toks[j].low in DETERMINERS
                    and toks[j - 1].text.islower()
                    and (toks[j - 1].low not in DETERMINERS or toks[j - 1].low == "her")
                )
            ):
                j += 1
        if j < len(toks) and toks[j].low in ("for", "on") and toks[i].low.startswith("call"):
            j += 1
        stance = shown_stance(toks, i)  # "showed no sign of backing down": the content starts past "of"
        j = stance if stance is not None else past_particle(toks, i, j)
        introduced = False  # a "that" or a colon opens the content: "predicts that as Bush drops out, …"
        if j < len(toks) and toks[j].text == ",":  # "said, twice, that", "said, without evidence, that"
            m = next((k for k in range(j + 2, min(j + 6, len(toks) - 1)) if toks[k].text in PUNCT), None)
            if m is not None and toks[m].text == "," and toks[m + 1].low == "that":
                j = m + 1
        for k in range(j, min(j + 8, len(toks))):  # "said Monday that", "said in a statement:"
            colon = toks[k].text == ":" and not self.text[toks[k].end : toks[k].end + 1].isdigit()  # not "9:42"
            if (toks[k].low == "that" and not time_after(toks, k)) or colon:
                j = k + 1
                introduced = True
                break
            # "said Trump was", "said the economy lost that …": a name or a determiner opens the clause
            named = (  # "said many people think that …": a quantifier opens the clause too
                k == j
                and toks[k].low not in TIME_WORDS
                and (toks[k].text[:1].isupper() or toks[k].low in DETERMINERS | QUANTIFIERS)
            )
            if (
                toks[k].text in PUNCT
                or named
                or toks[k].low in SUBJECT_PRONOUNS - {"it"}  # "say they feel that way" (not "made it clear that")
                or (k > j and toks[k].low in VERBISH | SUBJECT_PRONOUNS)
            ):
                break  # "said she was not going to jump to that conclusion": the clause has begun
        if not introduced:  # "said Wednesday, “…”": the time of saying is no content
            k = j
            while k < len(toks) and k - j < 4 and toks[k].low in TIME_WORDS:
                k += 1
            said_when = k < len(toks) and any(t.low in DAYS for t in toks[j:k])  # "said Monday he …"
            if said_when and j < k and (toks[k].text in (",", ":") or toks[k].low in SUBJECT_PRONOUNS | DETERMINERS):
                j = k
        while j < len(toks) and toks[j].text in (",", ":"):
            j += 1
        j = self.past_topic(j)
        if j >= len(toks) and toks[-1].text == ":":  # 'X said:' and the quotation opens the next paragraph
            nxt = next((r for r in self.regions if r[0] >= self.end), None)
            if nxt is None or self.text[self.end : nxt[0]].strip():
                return None
            return speaker, nxt[0], continue_quote(self.text, self.regions, nxt[1]), cue_start
        if j < len(toks) and toks[j].low == "as" and toks[i].low in _AS_VERBS and not introduced:
            j, introduced = j + 1, True  # "which he described as “…”": what it was described as
        if j >= len(toks) or (toks[j].low in ("but", "and", "as", "while") and not introduced):
            return None
        if not introduced and where_said(toks[j:]):
            return None  # '"…," X and Y, both Republicans, said in a statement.': where, not what
        start, end = toks[j].start, self.end
        region = region_at(self.regions, start)
        if region and region[0] == start:
            end = continue_quote(self.text, self.regions, max(end, region[1]))
        else:  # 'X said A. "B."': a quotation that follows and ends the paragraph is X's too
            opened = [r for r in self.regions if start < r[0] < end < r[1]]
            if opened:  # 'X said he believes "A. B."': the quotation opened in the content runs on
                end = opened[-1][1]
            elif participle and self.prior_quote_in_sentence(i):
                return speaker, start, end, cue_start  # '"A," X said, referring to Y. "B."': B is the quotation's
            end = continue_quote(self.text, self.regions, end)
        return speaker, start, end, cue_start


def _as_frame(toks: list[Tok], start: int) -> bool:
    """The subject at ``start`` opens the sentence after "As": "As the Times reported, …" frames what follows."""
    return start >= 1 and toks[start - 1].low == "as" and all(t.low in ("but", "and", "so") for t in toks[: start - 1])
