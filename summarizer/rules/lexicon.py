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
from summarizer.text.words import SUBJECT_PRONOUNS, word_set

words = word_set  # the cue vocabularies below are written with it


SPEECH = words("""say says said saying tell tells told telling stated stating add adds added adding claimed
    claiming accuse accuses accused accusing announced announces announcing reported reporting argue argues argued
    arguing warn warns warned warning deny denies denied denying noted noting wrote writes writing explained
    explains explaining insist insists insisted insisting suggested suggests suggesting acknowledged acknowledges
    acknowledging admitted admits admitting asserted asserts declared declares contended contends countered
    responded replied predicted predicts promised promises pledged vowed alleged alleges maintained maintains
    emphasized stressed revealed confirmed recalled tweeted estimated concluded complained
    complains conceded concedes urged urges asked asks""")
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


OBJECT_VERBS = words("tell tells told telling warned warn warns asked asks urged urges promised accused accuses")
AUX = words("""has have had is are was were been being will would could should can may might also then later again still
    repeatedly previously recently often once further publicly privately just""")
PASSIVE = words("is are was were be been being get gets got")
# Verbs that take the cue after them, between it and its subject ("began calling for", "continued to insist").
CATENATIVE = words("began begin begins started start starts continued continue continues tried try tries sought")
VERBISH = words("is are was were be been being has have had would will can could should do does did not")
STOP_BACK = words("""that and but or because while when as if after before since although though so where than
    whether then who which whom what how why to of for with by in on at from about""")
DETERMINERS = words("the a an his her their its this these those our my your")
# "officials familiar with the system", "a person close to the campaign": the phrase goes on
QUALIFIERS = words("familiar close known briefed")
DASHES = ("-", "—", "–", "--")  # an appositive between dashes: "X - who said A - said B"
# what a source can be written in ("a report in the Des Moines Register", "an interview in The Atlantic")
DOCUMENTS = words("report reports article story interview editorial op-ed column study poll survey analysis piece")
# what a finding verb's subject can be: a document or a measure ("Polls show …", "The average shows …")
MEASURES = DOCUMENTS | words("""polls polling surveys studies analyses data numbers figures results records research
    count tally average paper investigation review audit inquiry""")
QUANTIFIERS = words("one two three four five several some many most few both all")  # "said several observers"
# plural nouns for people a place or a body qualifies ("voters in Iowa", "officials from Ohio")
PEOPLE_NOUNS = words("""voters residents officials members supporters leaders workers people students analysts experts
    economists lawmakers legislators republicans democrats delegates activists critics""")
ADDRESSEES = words("reporters me us him her them supporters voters the a an his her their its")
DAYS = words("""monday tuesday wednesday thursday friday saturday sunday yesterday today tonight week month year
    night morning afternoon evening weekend""")
ADVERBIAL = DAYS | words("""on in at during after before last this earlier later recently via through when
    while as from with of""")  # "of": "said of the campaign"
# labels a page puts before a colon, which are no source: "Update: …", "Editor's note: …"
PAGE_LABELS = words("""update updated correction editor editor's note watch photo photos video related read
    opinion analysis breaking exclusive live listen more latest advertisement sponsored""")
COLON_CUES = words("read reads reading")  # a cue only when a colon follows: "It read: ..."
NO_SOURCE = words("reportedly allegedly purportedly supposedly reputedly")  # a cue with no source
# "Clinton appeared to gain", "many supporters are expected to back her": a hedge before "to" is the
# author's inference, no source's (PolNeAR: no-source in 150 of 154 on train); "It seems that" too
HEDGES = words("seem seems seemed appear appears appeared")
HEDGE_ADVERBS = words("also widely still now not generally largely best perhaps")  # "is widely expected to"
INVERTIBLE = words("said says say added adds wrote writes reported reports noted notes explained asked continued")
PUNCT = frozenset(',;:()[]“”"—–―-.!?…') | {"''"}
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


def trim_content(text: str, start: int, end: int) -> tuple[int, int]:
    """Gold-style content edges: no leading 'that', no final punctuation, no enclosing quotes."""
    for _ in range(4):
        while start < end and text[start] in TRIM:
            start += 1
        while end > start and text[end - 1] in TRIM:
            end -= 1
        if re.match(r"that\s", text[start:end]):
            start += 5
            continue
        inner = text[start + 1 : end - 1]
        if end - start > 2 and text[start] in '“"' and text[end - 1] in '”"' and not re.search(r"[“”\"]", inner):
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


def skip_parenthetical(toks: list[Tok], b: int) -> int:
    """``b`` moved before a short parenthetical that ends right before it ("(D-Mo.)"), else ``b``; not
    before a relative pronoun ("the Organization (MEK) which opposes …" modifies a noun of its
    sentence, it is no speaker's frame)."""
    if b > 0 and toks[b - 1].text == ")" and not (b < len(toks) and toks[b].low in ("which", "who", "that")):
        opened = next((k for k in range(b - 2, max(-1, b - 8), -1) if toks[k].text == "("), -1)
        return opened if opened > 0 else b
    return b


def back_phrase(toks: list[Tok], b: int) -> tuple[int, int] | None:
    """The phrase ending before token ``b``: back to punctuation or a clause word, at most 7 tokens;
    a closing parenthetical right before ``b`` ("Zoe Lofgren (D-Calif.)") is skipped."""
    b = skip_parenthetical(toks, b)
    a = b
    while a > 0 and toks[a - 1].text not in PUNCT:
        t = toks[a - 1]
        between_names = (
            t.low in ("and", "of")
            and a >= 2
            and toks[a - 2].text[:1].isupper()
            and a < b
            and toks[a].text[:1].isupper()
        )  # "Trump and Pence", "Secretary of State"
        qualified = t.low in ("with", "to", "as", "on") and a >= 2 and toks[a - 2].low in QUALIFIERS
        # "most of them said", "many of the voters say": a quantifier's "of" stays in the phrase
        counted = t.low == "of" and a >= 2 and toks[a - 2].low in QUANTIFIERS | {"none", "each"} and a < b
        # "exit polls in New Hampshire and Iowa", "the Organization for Economic Cooperation and Development":
        # a noun, then a preposition and a name, is one phrase
        placed = (
            t.low in ("in", "for", "from")
            and a >= 2
            and a < b
            and toks[a].text[:1].isupper()
            and (toks[a - 2].low in MEASURES | PEOPLE_NOUNS or toks[a - 2].text[:1].isupper())
            and toks[a - 2].low not in STOP_BACK
        )
        if t.low in CUES or (t.low in STOP_BACK and not between_names and not qualified and not counted and not placed):
            break
        a -= 1
    if a == b:
        return None
    if b - a > 7:  # too long for a subject: keep its trailing capitalized run
        c = b
        while c > a and (toks[c - 1].text[:1].isupper() or toks[c - 1].low == "of"):
            c -= 1
        if c == b:
            return None
        a = c
    if any(t.low in VERBISH for t in toks[a:b]):
        return None
    return a, b


def named_before_appositive(toks: list[Tok], comma: int) -> tuple[int, int] | None:
    """The name before the first comma that opens an appositive ending at ``comma``: the appositive
    may hold commas of its own ("a junior from Las Vegas, Nevada", "21, a junior"), so the name is
    the capitalised phrase before the earliest comma followed by a role, an age or a determiner."""
    for k in range(max(0, comma - 30), comma):
        if toks[k].text != "," or k == 0:
            continue
        opener = toks[k + 1]
        opens = opener.low in DETERMINERS or opener.text[:1].isdigit() or opener.text[:1].islower()
        if not opens and opener.text[:1].isupper() and k + 2 < comma:  # "Twitter’s director of …": a role
            role = toks[k + 2 : min(comma, k + 4)]
            role = role[: next((n for n, t in enumerate(role) if t.text in PUNCT), len(role))]  # "Clinton, without"
            opens = any(t.text[:1].islower() and t.low not in ("and", "or") for t in role)
        if not opens or opener.low in ("and", "or", "but", "who", "which"):
            continue
        span = back_phrase(toks, k)
        if span is not None and toks[span[1] - 1].text[:1].isupper() and toks[span[0]].text[:1].isupper():
            return span
        return None
    return None


# words a speaker phrase neither opens nor closes with: "At", "Instead", "Given Obama's", "Thursday evening"
EDGE_JUNK = (
    STOP_BACK
    | DAYS
    | words("""just instead yet given despite during even only first last besides
    meanwhile fact enough evening morning afternoon night earlier later recently
    himself herself themselves itself""")
)


# what opens a sentence before its subject and a comma
INTRODUCERS = EDGE_JUNK | words(
    "here there now today tonight yesterday however still also indeed moreover furthermore again so thus finally"
)


def clean_span(toks: list[Tok], span: tuple[int, int] | None) -> tuple[int, int] | None:
    """``span`` without junk at its edges (a leading preposition or adverb, a trailing time word);
    None when nothing is left."""
    if span is None:
        return None
    a, b = span
    while a < b and (toks[a].low in EDGE_JUNK or toks[a].text in PUNCT or toks[a].text in "'‘’"):
        a += 1
    while b > a and (toks[b - 1].low in EDGE_JUNK or toks[b - 1].text in PUNCT or toks[b - 1].text in "'‘’"):
        b -= 1
    if b - a == 1 and toks[a].low.endswith("ing") and not _named_ing(toks, a, b):
        return None  # "Facing", "Having": a participle, no speaker
    return (a, b) if a < b else None


def _named_ing(toks: list[Tok], a: int, b: int) -> bool:
    """A capitalised "-ing" word that names someone: mid-sentence, or right before a verb ("Schilling
    added:"), where a participle ("Speaking in Harlem, …") never stands."""
    if not toks[a].text[:1].isupper():
        return False
    return a > 0 or (b < len(toks) and (toks[b].low in CUES or toks[b].low in AUX))


def subject_phrase(toks: list[Tok], i: int) -> tuple[int, int] | None:
    """Subject phrase of the cue at ``i`` (``_subject_phrase``) with junk edges cleaned off."""
    return clean_span(toks, _subject_phrase(toks, i))


def _subject_phrase(toks: list[Tok], i: int) -> tuple[int, int] | None:
    """Subject phrase of the cue at ``i``; "X, the nominee, said" and "X, who ..., said" give X."""
    b = i
    while b > 0 and (
        toks[b - 1].low in AUX
        or toks[b - 1].low in CATENATIVE  # "the community immediately began calling for"
        or (toks[b - 1].low == "to" and b > 1 and toks[b - 2].low in CATENATIVE)  # "continued to insist"
        or (toks[b - 1].low.endswith("ly") and len(toks[b - 1].low) > 4)
    ):
        b -= 1
    b = skip_parenthetical(toks, b)  # "Sen. Claire McCaskill (D-Mo.) said": the party is no subject
    c = b
    while c > 0 and toks[c - 1].low in DAYS:  # "Thursday evening"
        c -= 1
    if c < b and c > 0 and toks[c - 1].low in ("on", "last", "this", "earlier", "later"):
        b = c - 1  # "Sanders on Tuesday said", "Spicer on Thursday evening said"
    if b > 1 and toks[b - 1].text in DASHES:  # "Donald Trump - who previously said … - said": before the first dash
        opened = next((k for k in range(b - 2, max(0, b - 40), -1) if toks[k].text in DASHES), None)
        if opened is not None:
            return back_phrase(toks, opened)
    if b > 0 and toks[b - 1].low in ("who", "which"):
        b -= 1
        if b > 0 and toks[b - 1].text in (",", *DASHES):  # "Reid, who endorsed Clinton": the relative's antecedent
            return back_phrase(toks, b - 1)
        comma = next((k for k in range(b - 1, max(-1, b - 9), -1) if toks[k].text == ","), -1)
        if comma > 0 and toks[b - 1].text != ",":  # "X, former mayor of New York who said": X
            c = comma
            while c > 0 and (toks[c - 1].text[:1].isupper() or toks[c - 1].low in ("of", "al", "de")):
                c -= 1
            return (c, comma) if c < comma and toks[c].text[:1].isupper() else None
    if b > 0 and toks[b - 1].text == ",":  # an appositive or relative clause sits between subject and verb
        named = named_before_appositive(toks, b - 1)
        if named is not None:  # "Dean Ruiz, a salesman from Sumter, South Carolina, said": Dean Ruiz
            return named
        c0 = max((k for k in range(b - 1) if toks[k].text == ","), default=-1)
        titled = next((k for k in range(c0 + 1, b - 1) if toks[k].low in ("entitled", "titled")), -1)
        if titled > 0:  # "The new report entitled Long Title Here, explained": the report
            return back_phrase(toks, titled)
        seg = toks[c0 + 1 : b - 1] if c0 >= 0 else []
        if seg and (
            seg[0].low in DETERMINERS or seg[0].low in ("who", "which") or seg[0].text.islower() or len(seg) <= 3
        ):
            return back_phrase(toks, c0)
        return None
    span = back_phrase(toks, b)
    if span is not None and toks[i].low.endswith("ing"):  # "the campaign issued a statement saying": the campaign
        verb = next(
            (
                k
                for k in range(span[0] + 1, span[1] - 1)
                if toks[k].text.islower() and toks[k].low.endswith("ed") and toks[k + 1].low in DETERMINERS
            ),
            None,
        )
        if verb is not None:
            return span[0], verb
    return span


def opening_subject(toks: list[Tok]) -> tuple[int, int] | None:
    """The subject that opens a sentence: a pronoun, or its capitalized run ("He went further and
    said", "Mayor Ana Ruiz arrived and said"), after an introductory phrase and its comma ("Earlier
    Wednesday, Schilling appeared ... and defended")."""
    if not toks:
        return None
    if toks[0].low in INTRODUCERS or (toks[0].low.endswith("ing") and toks[0].text[:1].isupper()):
        # "In late June, the American Bar Association ... and deemed", "Here in Columbia, Sanders ...,
        # saying", "Speaking in Harlem, Clinton ...": the subject comes after the comma
        comma = next((k for k in range(1, min(len(toks), 12)) if toks[k].text == ","), None)
        inner = opening_subject(toks[comma + 1 :]) if comma is not None else None
        return (inner[0] + comma + 1, inner[1] + comma + 1) if inner and comma is not None else None
    if toks[0].low in SUBJECT_PRONOUNS:
        return 0, 1
    if toks[0].low in DETERMINERS | QUANTIFIERS | {"other", "another"}:
        # "The nurse later sued, claiming ...", "Many unnaturalized adoptees try ..., telling": a short noun phrase
        b = 1
        while (
            b < len(toks)
            and b <= 4
            and toks[b].text not in PUNCT
            and toks[b].low not in AUX | VERBISH | STOP_BACK | CATENATIVE
            and not (b >= 2 and toks[b].low.endswith("ed"))  # "Other former officers chafed": the verb ends it
        ):
            b += 1
        return (0, b) if 1 < b <= 4 and not toks[b - 1].low.endswith("ed") else None
    b = 0
    while b < len(toks) and (toks[b].text[:1].isupper() or (b and toks[b].low in ("of", "al"))):
        b += 1
    return (0, b) if 0 < b <= 6 else None


def speaker_after(toks: list[Tok], i: int, *, lowercase: bool = False) -> tuple[int, int] | None:
    """``said X``: the phrase after the cue up to punctuation or a clause word; ``lowercase`` also
    takes a phrase that opens in lowercase ("according to two diplomats", "according to polls")."""
    a = b = i + 1
    while (
        b < len(toks)
        and b - a < 12
        and toks[b].text not in PUNCT
        and (
            toks[b].low not in STOP_BACK
            or (
                toks[b].low in ("of", "by", "from", "for", "at")
                and b + 1 < len(toks)
                and (toks[b + 1].text[:1].isupper() or toks[b + 1].low == "the")
            )
            or (  # "the most recent average of national polls", "one person with knowledge of the talks"
                (toks[b].low == "of" and toks[b - 1].low in MEASURES | DOCUMENTS)
                or (toks[b].low == "with" and b + 1 < len(toks) and toks[b + 1].low in ("knowledge", "direct"))
            )
            or (  # "officials familiar with the system", "audio provided to The Times", "an account she gave to"
                toks[b].low in ("with", "to")
                and (toks[b - 1].low in QUALIFIERS or toks[b - 1].low.endswith("ed") or toks[b - 1].low == "gave")
                and b + 1 < len(toks)
                and (toks[b + 1].text[:1].isupper() or toks[b + 1].low == "the")
            )
            or (  # "according to a report in the Des Moines Register" (not "two diplomats in Geneva")
                toks[b].low == "in"
                and toks[b - 1].low in DOCUMENTS
                and b + 2 < len(toks)
                and (toks[b + 1].text[:1].isupper() or (toks[b + 1].low == "the" and toks[b + 2].text[:1].isupper()))
            )
        )
    ):
        b += 1
    opens = toks[a].text[:1].isupper() or toks[a].low in DETERMINERS | QUANTIFIERS if b > a else False
    if b == a or toks[a].low in DAYS or not (opens or (lowercase and toks[a].text[:1].isalnum())):
        return None
    return a, b


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
    words_ = re.findall(r"[a-z]+", nxt.group(1).lower()) if nxt else []
    return bool(rest.strip()[:1].isupper()) and not any(w in CUES or w == "according" for w in words_)
