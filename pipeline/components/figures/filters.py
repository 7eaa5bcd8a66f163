"""Plausibility: which matched numbers are not figures at all.

Decides, for a match of the figure expression, whether it is a year, a date, a clock time, a
duration, a frequency, a label or name ("Article 5", "C5 + 1", "KHABAR 24"), a phone number, a
list marker, a small spelled-out set ("the five states"), an attendance count ("1,500
delegates") or a number inside a quoted title. Reads the characters around the match, the
counted noun from the parse (:func:`.context.counted_noun_end`) and the ``quoted_names`` span
group of the quotes component; the word lists (months, time words, reference nouns, set words,
participants, attendees) come from units.jsonl.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from pipeline.extensions import QUOTED_NAMES_GROUP

from .context import YEAR, counted_noun_end, token_at_or_after
from .lexicon import Lexicon, UnitInfo
from .numbers import strip_format

#: "twice a year", "three times a month": how often, not how much
FREQUENCY = re.compile(r"\s+(?:a|an|per|every|each)\s+(?:year|month|week|day|decade)\b", re.I)
# "four meetings in (the past) five years": how far after a counted noun its period may end
_PERIOD_LOOKAHEAD = 5
_PERIOD_PREPOSITIONS = frozenset({"in", "over", "within", "during", "since", "per", "across"})


@dataclass(frozen=True)
class Surroundings:
    """The characters and words right around a match."""

    before: str  # up to 40 characters before the match
    after: str  # up to 30 characters after it
    pw: str  # the word before (letters first, "Article", "C5")
    nw: str  # the word after
    gap_before: str  # what separates the word before from the match ("?" when there is none)
    gap_after: str

    @classmethod
    def of(cls, m: re.Match[str], lex: Lexicon) -> Surroundings:
        """Return the surroundings of the match ``m``."""
        text = m.string
        before = text[max(0, m.start() - 40) : m.start()]
        after = text[m.end() : m.end() + 30]
        prev_word = re.search(r"([^\W\d_][\w.]*)\W*$", before)
        next_word = re.match(r"\W*([^\W\d_][\w.']*)", after)
        pw = prev_word.group(1) if prev_word else ""
        nw = next_word.group(1) if next_word else ""
        if nw.endswith(".") and nw.lower() not in lex.time_words:
            nw = nw[:-1]  # "10 years." ends a sentence; "p.m." keeps its dot
        return cls(
            before,
            after,
            pw,
            nw,
            before[prev_word.end(1) :] if prev_word else "?",
            after[: next_word.start(1)] if next_word else "?",
        )


def plausible(
    doc: Doc,
    m: re.Match[str],
    lex: Lexicon,
    v1: float,
    v2: float | None,
    info: UnitInfo | None,
    has_scale: bool,
    small_word_max: float,
) -> bool:
    """Return False for years, dates, clock times, durations, labels and list markers."""
    n1 = strip_format(m.group("n1")).strip()
    plain_year = re.fullmatch(YEAR, n1) is not None
    second_year = v2 is None or re.fullmatch(YEAR, strip_format(m.group("n2") or "").strip())
    if info is None and not has_scale and plain_year and second_year:
        return False  # a year or a year range is a period, not a figure
    around = Surroundings.of(m, lex)
    if info is not None and info.kind == "multiplier" and FREQUENCY.match(around.after):
        return False  # "three times a year" is how often, not how much
    if (info is None or info.kind not in ("money", "percent", "multiplier")) and _date_or_time(
        m, around, lex, has_scale
    ):
        return False
    if info is None and not has_scale and _label_or_marker(doc, m, around, lex):
        return False
    if info is None and not has_scale and _name_address_or_age(doc, m, around, lex, v1, v2):
        return False
    words_only = not m.group("n1")[:1].isdigit()
    if words_only and not has_scale and info is None:
        return not _small_set(doc, m, around, lex, v1, v2, small_word_max)
    return True


def _date_or_time(m: re.Match[str], around: Surroundings, lex: Lexicon, has_scale: bool) -> bool:
    """Return True for a date ("September 14"), a duration ("30 years") or a clock time."""
    # a number next to a month is a date: "September 14", "1 September"
    month_before = around.pw.lower() in lex.months and not around.gap_before.strip()
    month_after = around.nw.lower() in lex.months and not around.gap_after.strip()
    if (month_before or month_after) and not has_scale:
        return True
    if around.nw.lower() in lex.time_words and not has_scale:
        return True  # durations and clock times: "30 years", "10 a.m."
    return re.match(r"\s*[.:]\d{2}\b", m.string[m.end() : m.end() + 4]) is not None


def _label_or_marker(doc: Doc, m: re.Match[str], around: Surroundings, lex: Lexicon) -> bool:
    """Return True for a name or label ("C5 + 1", "Article 5", "KHABAR 24"), a phone number
    or a list marker, for a number with neither unit nor scale."""
    text, before, after, pw = m.string, around.before, around.after, around.pw
    if re.search(r"[+×]\s*$", before):
        return True  # a format's name: "C5 + 1", "5 + 1"
    # labels: "Article 5", "Resolution 2231", "Summit 2024", "Central Asia – 2040"
    gap = around.gap_before if around.gap_before != "?" else ""
    if (
        pw
        and gap.strip() in ("", "–", "—", "-", "№")
        and (
            pw.lower() in lex.reference_words
            or (
                pw[:1].isupper()
                and not pw.endswith("'s")
                # an all-capital word names even at a line start: "KHABAR 24 — News"
                and (not _sentence_start(before) or (len(pw) > 1 and pw.isupper()))
                and counted_noun_end(doc, m.end(), lex) is None
            )
        )
    ):
        return True
    # a running number in brackets after a number: "Bulletin No. 52 (431)"
    if re.search(r"\d\s*\($", before) and after[:1] == ")":
        return True
    # digit groups in a row are a phone, account or reference number: "+7 7172 74 56 12"
    if re.search(r"\d[\s\d]*$", before[-4:]) or re.match(r"\s?\d", after):
        return True
    # numbered list markers: "1." or "2)" at the start of a line
    line_start = text.rfind("\n", 0, m.start()) + 1
    if not text[line_start : m.start()].strip() and re.match(r"[.)]\s", after):
        return True
    # ... or after a sentence end when paragraphs were joined: "... alone. 3. The Heads"
    if before.rstrip()[-1:] in (".", ";", ":") and re.match(r"[.)]\s+[A-Z]", after):
        return True
    # ... or inside a running sentence: "proposals: 1) a council; 2) a centre" (a closing
    # parenthesis that no opening one on the line before it matches)
    if after[:1] != ")":
        return False
    line = text[line_start : m.start()]  # sliced only here: a one-line text may be long
    return line.count("(") <= line.count(")")


def _name_address_or_age(
    doc: Doc, m: re.Match[str], around: Surroundings, lex: Lexicon, v1: float, v2: float | None
) -> bool:
    """Return True for a number that is part of a name, an address, a code or an age.

    - a model name: a number between a name word and a singular proper noun ("Pixel 9 Pro",
      "iPhone 14 Pro", "Boeing 787 Dreamliner"; "Sign 12 Agreements" counts: plural);
    - a number before a label noun ("Stoxx 600 index", "the 10027 ZIP code"; ``label_noun``),
      after a stock index's name ("S&P 500", "sp 500"; ``index_name``) or a mixed-case name
      ("iPhone 11");
    - a street number: the number, one or two capitalised words, a street noun ("12 Elm Road";
      ``street``);
    - an age: after an age word ("aged 21 to 49"; ``age_word``) or in apposition between
      commas after a name, the sentence going on in lower case ("Jones, 58, said");
    - a score: two equal ends of a dash range ("ended 2-2").
    """
    after = around.after
    if v2 is not None and v1 == v2 and not (m.group("frm") or m.group("btw")):
        return True
    if around.pw.lower() in lex.age_words and not around.gap_before.strip():
        return True
    if lex.label_noun_re.match(after) or lex.street_re.match(after):
        return True
    if lex.index_name_re.search(around.before):
        return True  # "S&P 500", "sp 500", "Nikkei 225"
    pw = around.pw
    if v2 is None and around.gap_before == " " and pw[:1].islower() and pw[1:] != pw[1:].lower():
        return True  # a mixed-case name: "iPhone 11", "eBay 2"
    if v2 is None and around.gap_before == " " and any(c.isupper() for c in around.pw):
        nxt = token_at_or_after(doc, m.end())
        if (
            nxt is not None
            and nxt.idx == m.end() + 1
            and nxt.tag_ == "NNP"
            and nxt.text[:1].isupper()
            and nxt.text.isalpha()
        ):
            return True
    return (
        v2 is None
        and around.gap_before == ", "
        and around.pw[:1].isupper()
        and v1 == int(v1)
        and 0 < v1 < 120
        and re.match(r",\s+[a-z]", after) is not None
    )


def _small_set(
    doc: Doc,
    m: re.Match[str],
    around: Surroundings,
    lex: Lexicon,
    v1: float,
    v2: float | None,
    small_word_max: float,
) -> bool:
    """Return True for a bare spelled-out number that names a set, not a statistic."""
    if m.group("n1").strip().lower() in ("one", "a", "an") and v2 is None:
        return True  # "one example", "one of the", the pronoun "one"
    after_set_word = (
        bool(around.pw)
        and around.gap_before != "?"
        and not around.gap_before.strip()
        and around.pw.lower() in lex.set_words
    )
    if v1 <= small_word_max and (after_set_word or not _small_count(doc, m, lex)):
        # "the five states", "all six leaders": small numbers spelled out name a set
        # of participants, not a statistic (house styles spell out < 10)
        return True
    return re.match(r"\s+of\b", around.after) is not None  # "two of the leaders"


def _small_count(doc: Doc, m: re.Match[str], lex: Lexicon) -> bool:
    """Return True when a small spelled-out number is a statistic: "four meetings in five
    years", "three summits since 2018".

    A small number spelled out usually names a set ("adopted two declarations", "three
    rounds of talks"); it states a quantity when its counted noun is measured over a
    period, written right after it ("in/over/within/since/per ..."). It never counts the
    participants ("five leaders in two days"). The caller has already refused one after a
    set word: "the five states", "all six countries".
    """
    if m.group("n2") is not None:
        return False
    noun_end = counted_noun_end(doc, m.end(), lex)
    if noun_end is None:
        return False
    noun = token_at_or_after(doc, noun_end - 1)
    if noun is None or noun.lower_ in lex.participants:
        return False
    return _over_a_period(doc, noun.i + 1, lex)


def _over_a_period(doc: Doc, i: int, lex: Lexicon) -> bool:
    """Return True when the tokens from ``i`` say "in/over/since ... <time word or year>"."""
    preposition = False
    for t in doc[i : i + _PERIOD_LOOKAHEAD]:
        if t.is_punct:
            return False
        if t.lower_ in _PERIOD_PREPOSITIONS:
            preposition = True
        elif preposition and (t.lower_ in lex.time_words or re.fullmatch(YEAR, t.text) is not None):
            return True
        elif not preposition:
            return False
    return False


def attendance(doc: Doc, noun_end: int, lex: Lexicon) -> bool:
    """Return True when the counted noun ending at ``noun_end`` counts the attendance.

    "more than 1,500 delegates", "20 foreign leaders", "10 member states": the corpus
    guidelines do not count participants, whoever they are and however the number is
    written; the head noun (or its last two words, "member states") is in the ``attendee``
    lexicon of units.jsonl.
    """
    noun = token_at_or_after(doc, noun_end - 1)
    if noun is None:
        return False
    if noun.lower_ in lex.attendees:
        return True
    pair = f"{doc[noun.i - 1].lower_} {noun.lower_}" if noun.i > 0 else ""
    return pair in lex.attendees


def blocked_ranges(doc: Doc) -> list[tuple[int, int]]:
    """Return char ranges of quoted names/titles: numbers there are part of a name."""
    out = []
    for span in doc.spans.get(QUOTED_NAMES_GROUP, []):
        q = span._.summit_quote or {}
        out.append((q.get("start", span.start_char), q.get("end", span.end_char)))
    return out


def inside(start: int, end: int, ranges: list[tuple[int, int]]) -> bool:
    """Return True when ``start``..``end`` lies inside one of ``ranges``."""
    return any(s <= start and end <= e for s, e in ranges)


def _sentence_start(before: str) -> bool:
    """Return True when the text before a word ends a sentence (so its capital says nothing)."""
    stripped = before.rstrip()
    m = re.search(r"([^\W\d_][\w.]*)$", stripped)
    head = stripped[: m.start()] if m else stripped
    return not head.strip() or head.rstrip()[-1:] in ".!?\n"
