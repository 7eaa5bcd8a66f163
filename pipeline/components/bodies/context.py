"""Per-document indexes of the bodies component, and the candidate record the stages fill.

Reads from the Doc: the cue matches of ``body_cues.jsonl`` (token -> cue), the leaders' span
group and ``doc._.summit_leaders`` (through :class:`MentionIndex`), country names, demonyms and
capitals, the quotes' speakers (and transcript turns "PUTIN: ..."), the quoted names, sentence
bounds (through :class:`DocIndex`). Decides one thing: who the text introduces as chair.

The stage modules extend :class:`DocContext` in the order the stages need each other
(candidates -> agents -> support -> status -> fallbacks -> lists -> merge); the class the
component runs is the last of that chain.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.attrs import LEMMA, LOWER, ORTH
from spacy.tokens import Doc, Token

from models.records import BodyRule
from pipeline.components.common.docindex import DocIndex
from pipeline.components.common.mentions import MentionIndex
from pipeline.components.common.text import DASHES, is_capitalised
from pipeline.extensions import QUOTED_NAMES_GROUP, QUOTES_GROUP

from .lexicon import BodyHeadEntry, BodyLexicon

#: articles: a name never starts with one, a complement may contain one
DETS = frozenset({"the", "a", "an"})
YEAR_RE = re.compile(r"(19|20)\d\d")
#: a year range written as one token ("2026–2028", "2025-27", with any dash incl. U+2212 minus):
#: inside a name it dates a programme or strategy ("the 2024–2029 anti-drug strategy")
YEAR_RANGE_RE = re.compile(r"(19|20)\d\d[" + "".join(sorted(DASHES)) + r"](19|20)?\d\d")
#: an -s plural the tagger may miss ("Ministers", not "Congress", "basis", "bus")
PLURAL_RE = re.compile(r"[a-z]{2,}(?<![su]s)(?<!is)s$")
#: rank of the statuses: a later mention may only raise a body's status
STATUS_RANK = {"proposed": 0, "adopted": 1, "established": 2}


@dataclass
class Cue:
    """A cue match: its kind (``body_cues.jsonl``) and token range ``[start, end)``."""

    status: str
    start: int
    end: int


@dataclass
class Candidate:
    """A body name found in the text, filled in by the stages."""

    head: int  # token the dependency path starts from
    start_char: int
    end_char: int
    kind: str
    key: tuple[str, ...]
    sent_start: int
    quoted: bool = False
    status: str | None = None
    cue: tuple[int, int] | None = None  # char offsets
    cue_tokens: tuple[int, int] | None = None
    proposers: list[str] = field(default_factory=list)
    supporters: list[str] = field(default_factory=list)
    linked: bool = False
    #: attribute -> the rule that last decided it (see :meth:`DocContext.decide`)
    rules: dict[str, BodyRule] = field(
        default_factory=lambda: {"status": "none", "proposers": "none", "supporters": "none"}
    )


class DocContext:
    """Per-document indexes (token -> cue, leader, country, quote speaker) of one Doc."""

    def __init__(
        self, lexicon: BodyLexicon, doc: Doc, max_name_tokens: int, carry_over: bool
    ) -> None:
        self.c = lexicon
        self.doc = doc
        self.max_name_tokens = max_name_tokens
        self.carry_over = carry_over
        self.index = DocIndex(doc)
        self.text = self.index.text  # Doc.text joins every token: build it once
        # sentence bounds per token, computed once (Token.sent re-scans the Doc on every call)
        self.ss = self.index.sent_start
        self.se = self.index.sent_end
        # per token: text, lower-cased text and lower-cased lemma, read once from the Doc's
        # arrays (Token.lower_ / lemma_ build a Token and look a string up on every call, and
        # the stages ask them of every token)
        strings = doc.vocab.strings
        rows = doc.to_array([ORTH, LOWER, LEMMA]).tolist() if len(doc) else []
        self.words: list[str] = [strings[r[0]] for r in rows]
        self.lowers: list[str] = [strings[r[1]] for r in rows]
        self.lemmas: list[str] = [strings[r[2]].lower() for r in rows]
        self.mentions = MentionIndex(doc, self.index)
        self.leader_at = self.mentions.leader_at
        self.leader_country = self.mentions.leader_country
        self.cue_at = self._cue_index()
        #: tokens covered by a support cue, in order (Support.supporters_of bisects it)
        self.support_cues = sorted(i for i, c in self.cue_at.items() if c.status == "support")
        self.country_at: dict[int, str] = {}
        for _, start, end in lexicon.country_matcher(doc):
            if doc[start:end].text.islower():
                continue  # "let us set up": country names are capitalised, "us" is no "US"
            text = doc[start:end].text.lower()
            country = lexicon.country_of.get(text) or lexicon.demonym_of.get(text)
            if country:
                for i in range(start, end):
                    self.country_at[i] = country
        self.capital_at: dict[int, str] = {}
        for _, start, end in lexicon.capital_matcher(doc):
            country = lexicon.capital_of.get(doc[start:end].text.lower())
            if country and is_capitalised(doc[start]):
                for i in range(start, end):
                    self.capital_at[i] = country
        self.quote_speaker: dict[int, str] = {}
        self.quote_speaker_country: dict[int, str] = {}
        self._index_quotes()
        self.label_speakers()
        self.sent_agents: dict[int, list[str]] = {}
        #: (verb, cue is a proposal) -> whether the act is dated history (Status.dated_history)
        self.dated_cache: dict[tuple[int, bool], bool] = {}
        #: token -> its agent-naming subjects (Status.clause_subjects)
        self.subjects_cache: dict[int, list[Token]] = {}
        #: token -> the proposers expressed on it (Agents.agent_here)
        self.agents_cache: dict[int, list[str] | None] = {}
        # first token of a quoted name -> end char of its closing mark
        self.quoted_at: dict[int, int] = {}
        for span in doc.spans.get(QUOTED_NAMES_GROUP, []):
            if span.end < len(doc) and doc[span.end].is_quote:
                close = doc[span.end]
                self.quoted_at[span.start] = close.idx + len(close)
        self.chair_leader = self.find_chair()

    def decide(
        self,
        cand: Candidate,
        rule: BodyRule,
        *,
        status: str | None = None,
        cue: tuple[int, int] | None = None,
        proposers: list[str] | None = None,
        supporters: list[str] | None = None,
    ) -> None:
        """Set the given attributes of ``cand`` and record ``rule`` as what decided each.

        The one place a body's status (with its cue, a token range), proposers and supporters
        are written: every stage calls it, so the record's ``attribution`` names the rule that
        wrote each attribute last. A status decision links the candidate.
        """
        if status is not None:
            cand.status, cand.linked = status, True
            cand.rules["status"] = rule
        if cue is not None:
            span = self.doc[cue[0] : cue[1]]
            cand.cue, cand.cue_tokens = (span.start_char, span.end_char), cue
        if proposers is not None:
            cand.proposers = list(proposers)
            cand.rules["proposers"] = rule
        if supporters is not None:
            cand.supporters = list(supporters)
            cand.rules["supporters"] = rule

    def _cue_index(self) -> dict[int, Cue]:
        """Return token -> the longest cue match covering it."""
        doc = self.doc
        cue_at: dict[int, Cue] = {}
        for match_id, start, end in self.c.cue_matcher(doc):
            key = doc.vocab.strings[match_id]
            cue = Cue(self.c.cue_status[key], start, end)
            for i in range(start, end):
                old = cue_at.get(i)
                if old is None or (old.end - old.start) < (end - start):
                    cue_at[i] = cue
        return cue_at

    def _index_quotes(self) -> None:
        """Fill token -> speaker (and the speaker's country) for every quote of the Doc."""
        for span in self.doc.spans.get(QUOTES_GROUP, []):
            q = span._.summit_quote or {}
            kb = q.get("speaker_kb_id")
            person = self.mentions.person(kb)
            speaker = person.get("name") or q.get("speaker")
            country = person.get("country")
            if speaker:
                for i in range(span.start, span.end):
                    self.quote_speaker[i] = speaker
                    if country:
                        self.quote_speaker_country[i] = country

    def label_speakers(self) -> None:
        """Treat a transcript turn ("PUTIN: We support ...", a line opening with an upper-case
        leader mention and a colon) like a quote of that leader, so "we"/"I" in it is the
        leader."""
        doc = self.doc
        for i, name in list(self.leader_at.items()):
            t = doc[i]
            if not (t.is_upper and len(t.text) > 1) or i + 1 >= len(doc) or doc[i + 1].text != ":":
                continue
            if i > 0 and not (doc[i - 1].is_space and "\n" in doc[i - 1].text):
                continue
            k = i + 2
            while k < len(doc) and not (doc[k].is_space and "\n" in doc[k].text):
                self.quote_speaker.setdefault(k, name)
                k += 1

    def find_chair(self) -> str | None:
        """Return the leader the text introduces as chair ("Chair: President X", "X chaired the
        meeting"): the one leader of the first sentence with a chair word that is not itself an
        agent there; None when there is none."""
        chair_nouns = self.c.chair_nouns
        if not chair_nouns or not self.leader_at:
            return None
        for i, lower in enumerate(self.lowers):
            if lower not in chair_nouns and self.lemmas[i] not in chair_nouns:
                continue
            tok = self.doc[i]
            by = tok.dep_ == "pobj" and tok.head.lower_ == "by"
            if tok.dep_ in ("nsubj", "nsubjpass") or by or tok.i in self.leader_at:
                continue  # "the chair proposed": a reference to the chair, not its introduction
            sent = range(self.ss[tok.i], self.se[tok.i])
            names = {self.leader_at[i] for i in sent if i in self.leader_at}
            if len(names) == 1:
                return names.pop()
        return None

    def cue_for(self, tok: Token) -> Cue | None:
        """Return the cue covering token ``tok``, if any."""
        return self.cue_at.get(tok.i)

    def head_entry(self, tok: Token) -> tuple[BodyHeadEntry, int] | None:
        """Return the head entry ending at ``tok`` and the index of the head phrase's first token."""
        lemma = self.lemmas[tok.i]
        if lemma not in self.c.head_last_words:
            return None
        for n in range(self.c.max_head_len, 0, -1):
            if tok.i - n + 1 < 0:
                continue
            words = self.lemmas[tok.i - n + 1 : tok.i + 1]
            entry = self.c.heads.get(tuple(words))
            if entry is not None:
                return entry, tok.i - n + 1
        return None

    def is_plural(self, tok: Token) -> bool:
        """Return True for plural nouns (tagger or an -s form whose lemma differs)."""
        if tok.tag_ in ("NNS", "NNPS"):
            return True
        low = tok.lower_
        return low != tok.lemma_.lower() and bool(PLURAL_RE.search(low))

    def _char_tokens(self, cand: Candidate) -> tuple[int, int]:
        """Return the token range ``[start, end)`` of ``cand``'s characters ((0, 0) if none)."""
        span = self.doc.char_span(cand.start_char, cand.end_char, alignment_mode="expand")
        return (span.start, span.end) if span is not None else (0, 0)

    def _end_token(self, cand: Candidate) -> int:
        """Return the index just past ``cand``'s last token."""
        return self._char_tokens(cand)[1]

    def _prev_sent_start(self, tok: Token) -> int:
        """Return the first token of the sentence before ``tok``'s (its own at the start)."""
        s = self.ss[tok.i]
        return self.ss[s - 1] if s > 0 else s
