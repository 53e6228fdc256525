"""What a figure counts: the keywords that make "six" a death toll or "2,400" a number of residents.

One table for extraction (which labels each number it finds) and the merge (which re-reads a
generic count such as "residents" near a more specific word: "six residents were killed" is a
death toll). Patterns match word starts, case-insensitively.
"""

from __future__ import annotations

import re

COUNTED: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, re.I))
    for name, pattern in (
        ("deaths", r"kill|dead|death|died|die|bod(?:y|ies)|martyr|fatalit|lives"),
        ("injured", r"injur|wound|hurt"),
        ("residents", r"resident|refugee|dissident|live[sd]? |inhabit|members"),
        ("hostages", r"hostage|abduct|kidnap|missing"),
        ("missiles", r"missile|rocket|shell|mortar|katyusha"),
        ("arrests", r"arrest|detain"),
        ("money", r"\$|dollar|euro|billion|million"),
    )
)
# An adjective right after the figure that makes it count something else: "60 unfired missiles"
# are not missiles fired, so they never dispute "100 shells".
NOT_USED = re.compile(r"\s*(unfired|unexploded|undetonated|unused|remaining|planned)\b", re.I)
# Counts that say what happened to people; a generic count next to one of these is that count.
SPECIFIC = tuple((name, pattern) for name, pattern in COUNTED if name in ("deaths", "injured", "hostages"))
