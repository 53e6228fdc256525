"""Word lists and text primitives for the attribution rules: tokens, quotations, subject phrases.

Why apart from ``finder``: the rules read better when the lexicon and the low-level phrase
finders (which only look at tokens and punctuation, never at meaning) live in their own module;
both stay under a few hundred lines. Everything here is deterministic and regex-based.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from summarizer.models import Mention
from summarizer.text.tokens import Tok, region_at
from summarizer.text.words import word_set

words = word_set  # the cue vocabularies below are written with it


SPEECH = words("""say says said saying tell tells told telling stated stating add adds added adding claimed
    claiming accuse accuses accused accusing announced announces announcing reported reporting argue argues argued
    arguing warn warns warned warning deny denies denied denying noted noting wrote writes writing explained
    explains explaining insist insists insisted insisting suggested suggests suggesting acknowledged acknowledges
    acknowledging admitted admits admitting asserted asserts declared declares contended contends countered
    responded replied predicted predicts promised promises pledged vowed alleged alleges maintained maintains
    emphasized stressed revealed confirmed recalled tweeted estimated concluded complained
    complains conceded concedes urged urges asked asks asserting declaring contending predicting pledging vowing
    stressing revealing confirming recalling tweeting concluding""")
THAT_ONLY = words("""states reports claims notes believe believes believed think thinks thought found finds show
    shows showed shown agreed agree agrees fear fears feared hope hopes hoped know knows knew expect expects
    expected worry worries worried indicated indicates learned discovered realized charges charged tweets estimates""")


def _learned(path: Path = Path(__file__).with_name("learned_cues.tsv")) -> dict[str, tuple[int, int]]:
    """Cue heads learned from PolNeAR train (``evals/learn_cues.py``): word → (times it headed a gold
    cue, lowercase occurrences). The long tail of stance and intention verbs ("blasted", "vowed",
    "declined") that no hand-written list keeps up with."""
    table: dict[str, tuple[int, int]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        row = line.split("\t")
        if len(row) == 3 and not line.startswith("#"):
            table[row[0]] = (int(row[1]), int(row[2]))
    return table


_TABLE = _learned()
# A learned word is a cue wherever it stands when it was one in at least half of its occurrences
# (and often enough to tell); a rarer cue word is only a candidate, which the model confirms in context.
LEARNED = frozenset(w for w, (n, seen) in _TABLE.items() if n >= 6 and n >= 0.5 * seen) - THAT_ONLY
CUES = SPEECH | THAT_ONLY | LEARNED
# Belief and intention verbs take a clause without "that" or a to-infinitive ("fear the cuts will",
# "hopes to win"); a clause opener must follow them (a pronoun, a determiner or "to").
BELIEFS = words("""believe believes believed think thinks thought fear fears feared hope hopes hoped expect expects
    worry worries worried""")
# "Polls show Trump is trailing", "Exit polling shows he won": a finding verb takes a clause without
# "that" when its subject is a document or a measure (not "He showed the crowd his plan").
FINDINGS = words("show shows showed found finds")  # their subjects: ``MEASURES``, below
# A clause without "that" after a that-only verb: a subject pronoun (or a name), then one of these.
CLAUSE_SUBJECTS = words("he she they we i")
CLAUSE_VERBS = words("is are was were has have had will would should could can must might may did does")
# the same auxiliaries negated in one token ("don’t", "wasn't", "won’t"): a clause goes on after them
NEGATED_AUX = re.compile(r"(?:do|does|did|is|are|was|were|has|have|had|wo|would|could|should|ca)n[’']t$")
CLAUSE_OPENERS = words("to he she they it we i you this these those the a an his her their its there")
# function words and auxiliaries never head a cue: "has learned" → learned, "according to" → according
CUE_SKIP = words("""a an the to of on in at for with by from about as and or but that this it its his her their is
    are was were be been being has have had do does did will would could should can may might must also not never
    just still then again already once even only""")


def cue_head(cue: str) -> str | None:
    """The word of a cue phrase that the rules anchor on: a lexicon word if there is one ("polls
    show" → show), else the first content word ("pushed for" → pushed, "has been mulling" → mulling)."""
    found = [w for w in re.findall(r"[a-z]+", cue.lower()) if w not in CUE_SKIP and not w.endswith("ly")]
    return next((w for w in found if w in CUES or w == "according"), found[0] if found else None)


# Cue candidates for the model: words that headed gold cues in train at least once in ten
# occurrences but too rarely to fire alone ("wants", "plans", "pushed", "mulling" ...).
CANDIDATES = frozenset(
    w
    for w, (n, seen) in _TABLE.items()
    if n >= 0.1 * seen and w not in CUES and w not in CUE_SKIP and w.isalpha() and len(w) > 2
)


# stance verbs whose object is their content, one word as often as not ("have endorsed Clinton",
# "backs her"): PolNeAR train ends 0.86-1.00 of their contents at the object's first comma
STANCE_STEMS = ("endors", "back", "support", "oppos", "prais", "criticiz", "attack", "defend", "denounc", "condemn")
OBJECT_VERBS = words("tell tells told telling warned warn warns asked asks urged urges promised accused accuses")
AUX = words("""has have had is are was were been being will would could should can may might also then later again still
    never already always soon since long repeatedly previously recently often once further publicly privately just
    even not""")
PASSIVE = words("is are was were be been being get gets got")
# Verbs that take the cue after them, between it and its subject ("began calling for", "continued to insist").
CATENATIVE = words(
    "began begin begins started start starts continued continue continues tried try tries sought keep keeps kept"
)
VERBISH = words("is are was were be been being has have had would will can could should do does did not")
STOP_BACK = words("""that and but or because while when as if after before since although though so where than
    whether then who which whom what how why to of for with by in on at from about
    during amid despite""")
DETERMINERS = words("the a an his her their its this these those our my your")
# "officials familiar with the system", "a person close to the campaign": the phrase goes on
QUALIFIERS = words("familiar close known briefed")
DASHES = ("-", "—", "–", "--")  # an appositive between dashes: "X - who said A - said B"
# what a source can be written in ("a report in the Des Moines Register", "an interview in The Atlantic")
DOCUMENTS = words("report reports article story interview editorial op-ed column study poll survey analysis piece")
# what a finding verb's subject can be: a document or a measure ("Polls show …", "The average shows …")
MEASURES = DOCUMENTS | words("""polls polling surveys studies analyses data numbers figures results records research
    count tally average paper investigation review audit inquiry photos photographs video videos footage images
    documents emails e-mails filings transcripts""")
POLLS = words("poll polls survey surveys study studies")  # "In a CNN/ORC poll released Monday, …" (cuesentence.in_poll)
QUANTIFIERS = words("one two three four five several some many most few both all")  # "said several observers"
# nouns and adjectives that end like adverbs: "The family is leaning", "Scott's family has called"
LY_NOUNS = words("family families ally rally supply assembly anomaly monopoly bully reply daily weekly monthly")


# adverbs that hedge without "-ly": "…, perhaps recognizing that", "maybe" (no speaker, either of them)
UNLY_ADVERBS = words("perhaps maybe nevertheless nonetheless")


# "showed no sign of backing down", "has shown little interest in": a stance shown, its object the content
_SHOWN = words("show shows showed shown showing")
_STANCE_NOUNS = words("sign signs interest inclination willingness appetite intention desire eagerness reluctance")
_STANCE_MODIFIERS = words("no little any much some its his her their every few new clear immediate strong great real")


def shown_stance(toks: list[Tok], i: int) -> int | None:
    """Where the content starts when the cue at ``i`` shows a stance ("showed no sign of backing
    down", "has shown little inclination to play", "showed no sign that he would apologize"): past
    the stance noun and its preposition; None when ``toks[i]`` opens no such phrase."""
    if toks[i].low not in _SHOWN:
        return None
    k = i + 1
    while k < len(toks) and k - i <= 3 and toks[k].low in _STANCE_MODIFIERS:
        k += 1
    if k + 1 < len(toks) and toks[k].low in _STANCE_NOUNS and toks[k + 1].low in ("of", "in", "to", "that", "for"):
        return k + 2
    return None


def said_to_whom(after_to: Tok) -> bool:
    """The word after "said to" names whom it was said to ("to reporters", "to a crowd", "to
    Fox", "to cheers"), not the verb of "is said to be": a determiner, an addressee, a name, a
    plural noun or an -ing word (a verb after "to" is bare, and one ending in "s" ends in "ss": "to
    discuss")."""
    low = after_to.low
    return (
        low in ADDRESSEES
        or low in DETERMINERS
        or low == "applause"
        or after_to.text[:1].isupper()
        or (low.endswith("s") and not low.endswith("ss") and len(low) > 3)
        or (low.endswith("ing") and len(low) > 5)  # "to rousing applause", "to standing ovations"
    )


def is_adverb(word: str) -> bool:
    """An "-ly" adverb ("repeatedly", "simply"), not "family", "rally" or the name "Schlafly"; or "perhaps"."""
    return word in UNLY_ADVERBS or (word.islower() and word.endswith("ly") and len(word) > 4 and word not in LY_NOUNS)


def modal_name(toks: list[Tok], k: int, i: int) -> bool:
    """``toks[k]`` is a name spelled like a modal right before a cue no modal takes ("Will described
    Trump as …", "May said"): a modal is followed by a bare verb, never one in -ed or -s."""
    past = toks[i].low.endswith(("ed", "s")) or toks[i].low in _IRREGULAR_PAST  # "May said", "Will wrote"
    return k == i - 1 and toks[k].text in ("Will", "May") and past


_IRREGULAR_PAST = frozenset("said told wrote thought spoke knew saw felt found".split())


# words that float between a subject and its cue: "which together vowed", "diplomats almost
# universally expressed", "the AP, which first reported" (not AUX: the cue detector reads AUX)
FLOATING = words("together almost both all each first")
DO_AUX = words("do does did")  # "it does say that", "they did say": an emphatic auxiliary before the cue
ADDRESSEES = words("reporters me us him her them supporters voters the a an his her their its")
DAYS = words("""monday tuesday wednesday thursday friday saturday sunday yesterday today tonight week month year
    night morning afternoon evening weekend""")
TIME_WORDS = DAYS | words("last this next on earlier later")  # "a WBUR poll last week", "said Wednesday,"
ADVERBIAL = DAYS | words("""on in at during after before last this earlier later recently via through when
    while as from with of""")  # "of": "said of the campaign"
# after a quotation and its cue these open no content either ('"…," Santos said over the phone', "said by
# phone", "said onstage"); as adverbials anywhere they lost (held-back 0.7129 → 0.7123)
AFTER_QUOTE = words("""about over by outside inside without onstage aboard twice late early just
    afterward afterwards shortly following amid""")
# labels a page puts before a colon, which are no source: "Update: …", "Editor's note: …"
PAGE_LABELS = words("""update updated correction editor editor's note watch photo photos video related read
    opinion analysis breaking exclusive live listen more latest advertisement sponsored""")
COLON_CUES = words("read reads reading")  # a cue only when a colon follows: "It read: ..."
NO_SOURCE = words("reportedly allegedly purportedly supposedly reputedly")  # a cue with no source
# "Clinton appeared to gain", "many supporters are expected to back her": a hedge before "to" is the
# author's inference, no source's (PolNeAR: no-source in 150 of 154 on train); "It seems that" too
HEDGES = words("seem seems seemed appear appears appeared")
HEDGE_ADVERBS = words("also widely still now not generally largely best perhaps")  # "is widely expected to"
INVERTIBLE = words("""said says say added adds wrote writes reported reports noted notes explained asked continued
    states stated claims claimed tweeted recalled insisted argued warned declared responded replied
    acknowledged conceded observed predicted complained quipped joked recounted emphasized stressed countered""")
PUNCT = frozenset(',;:()[]“”"—–―-.!?…<>|') | {"''"}  # '<', '>', '|': page debris ("Mostly True.\">Sanders")
CLOSE_Q = ("”", '"', "''")
TRIM = " \t\n.,:;—–―-"


@dataclass(frozen=True)
class Attribution:
    """One attribution found by the rules: the content ``[start, end)``, the speaker as written next
    to the cue and both their spans (PolNeAR's and Citron's triple); ``model_cue`` when the cue word
    came from the model rather than the lexicon; for a nested attribution the outer source is the
    speaker and ``inner`` the embedded one."""

    speaker: str
    cue: str
    start: int
    end: int
    speaker_span: tuple[int, int] | None = None
    cue_span: tuple[int, int] | None = None
    model_cue: bool = False
    inner: Mention | None = None  # the embedded source of a nested attribution ("X said ..., Y reported")

    @property
    def mention(self) -> Mention | None:
        if self.speaker_span is None:
            return None
        return Mention(text=self.speaker, start=self.speaker_span[0], end=self.speaker_span[1])


_FOOTNOTE = re.compile(r"\[\d{1,3}\]$")


_DANGLING = re.compile(r"[\s,;]+(?:and|but|or|though|although|while|whereas|because)$")  # not "doing so", "such as"


def trim_content(text: str, start: int, end: int) -> tuple[int, int]:
    """Gold-style content edges: no leading 'that', no final punctuation, no enclosing quotes."""
    for _ in range(4):
        while start < end and text[start] in TRIM:
            start += 1
        while end > start and text[end - 1] in TRIM:
            end -= 1
        footnote = _FOOTNOTE.search(text, start, end)
        if footnote is not None:  # '“…training.”[3]': a reference mark is no part of the content
            end = footnote.start()
            continue
        if re.match(r"that\s", text[start:end]):
            start += 5
            continue
        dangling = _DANGLING.search(text, start, end)  # "the plan failed, though" before the next frame's cue
        if dangling is not None:
            end = dangling.start()
            continue
        inner = text[start + 1 : end - 1]
        # a closing mark may be written as an opening one ('… her here,“ said Jim Clyburn')
        # and an opening one as a closing one ('clarifies:” The MEK … condition”')
        if end - start > 2 and text[start] in '“"”' and text[end - 1] in '”"“' and not re.search(r"[“”\"]", inner):
            start, end = start + 1, end - 1
            continue
        if (
            end - start > 4
            and text.startswith("''", start)
            and text.endswith("''", 0, end)
            and "''" not in text[start + 2 : end - 2]
        ):
            start, end = start + 2, end - 2  # ''A quotation,'' as some papers write it
            continue
        break
    return start, end


def continue_quote(text: str, regions: list[tuple[int, int]], pos: int) -> int:
    """End of the quotations that resume right after ``pos`` and fill the rest of their paragraph
    (one more paragraph at most), else ``pos``: "A," he said. "B." → through B."""
    end = pos
    for _ in range(3):
        k = end
        while k < len(text) and (text[k] in ".," or text[k].isspace()) and text.count("\n", pos, k + 1) <= 2:
            k += 1
        region = region_at(regions, k)
        if region is None or region[0] != k:
            break
        line_end = text.find("\n", region[1])
        rest = text[region[1] : len(text) if line_end < 0 else line_end]
        if re.search(r"[A-Za-z]", rest) and not _closes_sentence(text, region, rest):
            break
        end = region[1]
    return end


def _closes_sentence(text: str, region: tuple[int, int], rest: str) -> bool:
    """A quotation that ends a sentence of its own ('… and charities." It is unclear …') and is
    followed by a sentence with no cue, so no other frame claims it ('"Stop!" Trump shouted.')."""
    inner = text[region[0] : region[1]].rstrip("”\"' ")
    if not inner.endswith((".", "!", "?")):
        return False
    nxt = re.match(r"\s*([^.!?]*)", rest)
    following = nxt.group(1).lower() if nxt else ""
    # 'Asked what comes next, she said: "C"': a question and a cue that open the next quotation frame C, not this one
    introduces = re.search(r"\b([a-z]+)\s*:", following)
    if introduces is not None and introduces.group(1) in CUES:
        following = re.sub(r"^asked\b", "", following[: introduces.start(1)])
    words_ = re.findall(r"[a-z]+", following)
    return bool(rest.strip()[:1].isupper()) and not any(w in CUES or w == "according" for w in words_)
