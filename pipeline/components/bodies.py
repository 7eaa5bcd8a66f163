"""summit_bodies: bodies (councils, centres, platforms, agreements, ...) proposed, established or
adopted in the text, with the cue, the proposers and the supporters.

One pass over the parsed Doc (no re-parsing; ~3% of the base model's time):

1. **Candidates.** A singular token whose lemma is a head in ``body_heads.jsonl`` opens a name
   ("joint investment funds" is a generic plural). Left edge: the title-case run before the head
   ("C5+1 Critical Minerals Dialogue", "Central Asia – EU ...") or, for a lower-case head, its
   modifiers minus evaluative words ("the first Samarkand international forum" -> "Samarkand
   international forum"). Right edge: a small left-to-right grammar over the complement
   (of/for/on/between phrases, title-case lists, gerunds after a preposition; for *documents* also
   a to-infinitive and a nested "in Central Asia"); it stops at clauses, participles, a seat
   ("Centre ... in Tashkent", "Centre on the Caspian coast") and "and the" (unless it joins two
   parties: "of China and the Countries of Central Asia"). Quoted names
   (``doc.spans["quoted_names"]``) after or before a head noun are the name ("platform “Central
   Asian Dialogue”", "a new «CIS Plus» format").
2. **Cue.** The parse is climbed from the head through objects, of/for/on phrases, conjuncts and
   cue/light/decision words of ``body_cues.jsonl``. A proposal cue anywhere on the path makes the
   status ``proposed``; an act only advocated ("the need to create", "the importance of the launch
   of") is a proposal too, while "agreed/decided to establish" is an establishment. Ordinary verbs
   and nouns, subjects, relative clauses, adjunct phrases and acts dated to an earlier year end the
   path, which keeps bodies that merely exist out. Fallbacks cover the parser's usual misses:
   "the adoption [at the summit] of X", ", proposed by X", "X, the creation of which was proposed
   by Y", dash gapping ("..., while the leader of Kazakhstan – an Action Plan ..."), "agreed to
   establish it" and "The centrepiece was the Treaty X. ... it was signed". A that-complement
   with an unnamed subject is a proposal's content ("proposed that experts draft X"); a modal
   (should/must) only argues for an act; acts dated before the text ("thirty years ago") are
   history. Lists: a name coordinated after a linked one shares its cue ("adopted A, as well as
   B and the C"); the items of a dashed/numbered list are proposals of its lead-in line ("The
   President put forward initiatives:" / "– to create X;"), and so are the items of an
   enumeration run inside a paragraph ("proposals: First, X. Second, Y.", "Firstly, ...",
   "1) X; 2) Y"). "supported the idea of X" is a proposal nobody here is named as making.
3. **Proposers.** The agent of the cue: subject, "by" agent, possessor ("the Turkmen side's
   proposal"), of-agent ("the initiative of the President"), "on the initiative of X" — resolved
   through ``doc.spans["leaders"]`` (canonical names; "he"/"she"; "we" in a quote = the speaker;
   "the chair" = the leader introduced as chair) or to countries (names, demonym + side,
   capitals of ``body_cues.jsonl``: "Tashkent proposed"; "her country's" = the country or leader
   named before). A country in its own leader's report or quote is that leader ("Xi renewed
   Beijing's proposal"); a subject on a verbless line above, joined by the parser, is skipped. A passive without an agent takes the proposer of the previous sentence of the same
   paragraph when that sentence reports a proposal; collective acts give ``[]``. Supporters come
   from clauses on the body or later statements ("These initiatives were supported by X", "Y
   welcomed all three", "Z backed the bank", "W endorsed the council on water"); in a transcript
   turn ("PUTIN: We support ...") "we" is the labelled leader.
4. **Merge.** A later mention joins the body of the same kind whose words it shares in order (a
   lower-case definite back-reference, "the minerals centre", in any order); its supporters join
   the body's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, model_validator
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from pipeline.extensions import BODIES_GROUP, LEADERS_GROUP, QUOTED_NAMES_GROUP, QUOTES_GROUP
from pipeline.resources import load_jsonl
from pipeline.resources.schemas import CountryEntry, LexiconLine

Status = Literal["proposed", "established", "adopted"]
_STATUS_RANK = {"proposed": 0, "adopted": 1, "established": 2}


class BodiesInputError(ValueError):
    """The Doc given to summit_bodies lacks the annotation it needs."""


class BodyHeadEntry(BaseModel):
    """One line of body_heads.jsonl."""

    model_config = ConfigDict(extra="forbid")
    role: Literal["head", "drop_modifier", "place"]
    term: str
    kind: str | None = None
    lowercase: bool = True
    document: bool = False
    plural: bool = False


class BodyCueEntry(BaseModel):
    """One line of body_cues.jsonl."""

    model_config = ConfigDict(extra="forbid")
    cue: str
    status: Literal[
        "proposed",
        "established",
        "adopted",
        "light",
        "commit",
        "advocate",
        "linking",
        "support",
        "agent_noun",
        "capital",
        "chair",
    ]
    country: str | None = None

    @model_validator(mode="after")
    def _capital_names_its_country(self) -> BodyCueEntry:
        """Return the entry; a capital line must name its country and only a capital line may."""
        if (self.status == "capital") != (self.country is not None):
            raise ValueError(
                f"cue {self.cue!r}: 'country' is required for status 'capital' and only there"
            )
        return self


# Dependency labels the path from a body up to its cue may follow (child -> head).
_UP_DEPS = frozenset(
    {
        "dobj",
        "pobj",
        "nsubjpass",
        "appos",
        "conj",
        "xcomp",
        "ccomp",
        "acl",
        "pcomp",
        "attr",
        "oprd",
        "dep",
        "advcl",
        "prep",
        "relcl",
        "compound",
        "nmod",
        "npadvmod",
        "dative",
    }
)
# Prepositions a path may climb through: "proposal for X", "creation of X", "agreement on X".
_PASS_PREPS = frozenset({"of", "for", "on", "about", "to", "into", "towards", "toward"})
# Prepositions that may follow the head inside a name.
_NAME_PREPS = frozenset({"of", "for", "on", "between", "among", "against", "to"})
# Prepositions allowed inside a nested complement when a proper name follows ("in Central Asia").
_NESTED_LOC_PREPS = frozenset({"in", "at", "within", "across", "with"})
_DETS = frozenset({"the", "a", "an"})
# reporting verbs whose complement clause may wrongly carry a coordinated proposal verb
_SAY_VERBS = frozenset({"say", "note", "state", "stress", "declare", "add", "tell", "remark"})
_YEAR_RE = re.compile(r"(19|20)\d\d")
_ORDINAL_RE = re.compile(r"\d+(st|nd|rd|th)")
_FIELD_NOUNS = frozenset({"field", "sphere", "area", "domain"})
_FIRST_PERSON = frozenset({"i", "we"})
_OFFICE_NOUNS = frozenset({"leader", "president", "head", "prime minister"})
_PLURAL_RE = re.compile(r"[a-z]{2,}(?<![su]s)(?<!is)s$")


@dataclass
class _Cue:
    status: str
    start: int  # token indices [start, end)
    end: int


@dataclass
class _Candidate:
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


class SummitBodies:
    """Find bodies proposed, established or adopted; write ``doc.spans["bodies"]``."""

    def __init__(
        self,
        nlp: Language,
        name: str,
        heads_file: str,
        cues_file: str,
        countries_file: str,
        max_name_tokens: int,
        carry_over: bool,
    ) -> None:
        self.name = name
        self.max_name_tokens = max_name_tokens
        self.carry_over = carry_over
        self.heads: dict[tuple[str, ...], BodyHeadEntry] = {}
        self.drop_modifiers: set[str] = set()
        self.place_nouns: set[str] = set()
        for entry in load_jsonl(heads_file, BodyHeadEntry):
            if entry.role == "drop_modifier":
                self.drop_modifiers.add(entry.term.lower())
            elif entry.role == "place":
                self.place_nouns.add(entry.term.lower())
            else:
                self.heads[tuple(entry.term.lower().split())] = entry
        self.max_head_len = max(len(k) for k in self.heads)
        self.head_last_words = {k[-1] for k in self.heads}
        self.cue_status: dict[str, str] = {}
        # lemma phrases, matched by hash (a token-pattern Matcher with IN sets is ~10x slower)
        self.cue_matcher = PhraseMatcher(nlp.vocab, attr="LEMMA")
        self.agent_nouns: set[str] = set()
        self.capital_of: dict[str, str] = {}
        self.chair_nouns: set[str] = set()
        for cue in load_jsonl(cues_file, BodyCueEntry):
            words = cue.cue.lower().split()
            if cue.status == "agent_noun":
                self.agent_nouns.add(cue.cue.lower())
                continue
            if cue.status == "capital" and cue.country:
                self.capital_of[cue.cue.lower()] = cue.country
                continue
            if cue.status == "chair":
                self.chair_nouns.add(cue.cue.lower())
                continue
            self.cue_status[cue.cue.lower()] = cue.status
            variants = [words, [words[0].capitalize(), *words[1:]]]
            self.cue_matcher.add(
                cue.cue.lower(), [Doc(nlp.vocab, words=v, lemmas=v) for v in variants]
            )
        self.country_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.country_of: dict[str, str] = {}
        self.demonym_of: dict[str, str] = {}
        for line in load_jsonl(countries_file, LexiconLine):
            country = line.root
            if not isinstance(country, CountryEntry):
                continue
            for form in [country.name, *country.forms]:
                self.country_of[form.lower()] = country.name
            for dem in country.demonyms:
                self.demonym_of[dem.lower()] = country.name
        forms = sorted(set(self.country_of) | set(self.demonym_of))
        self.country_matcher.add("COUNTRY", [nlp.make_doc(form) for form in forms])
        # a capital standing for its state ("Tashkent proposed"): only read as an agent
        self.capital_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.capital_matcher.add("CAPITAL", [nlp.make_doc(c) for c in sorted(self.capital_of)])

    # ------------------------------------------------------------------ pipeline entry
    def __call__(self, doc: Doc) -> Doc:
        """Return ``doc`` with ``doc.spans["bodies"]`` and ``span._.summit_body`` set."""
        if len(doc) == 0 or not any(not t.is_space for t in doc):
            doc.spans[BODIES_GROUP] = []
            return doc
        if not doc.has_annotation("DEP"):
            raise BodiesInputError(
                "summit_bodies needs a dependency parse: add it after a pipeline with a parser "
                "(e.g. build_nlp() or spacy.load('en_core_web_sm'))."
            )
        ctx = _DocContext(self, doc)
        candidates = ctx.candidates()
        for cand in candidates:
            ctx.link(cand)
        ctx.link_fallbacks(candidates)
        ctx.bullet_lists(candidates)
        ctx.coordinated_lists(candidates)
        ctx.resolve_pronoun_objects(candidates)
        ctx.support_statements(candidates)
        spans = ctx.merge(candidates)
        doc.spans[BODIES_GROUP] = spans
        return doc


class _DocContext:
    """Per-document indexes (token -> cue, leader, country) and the extraction steps."""

    def __init__(self, comp: SummitBodies, doc: Doc) -> None:
        self.c = comp
        self.doc = doc
        self.text = doc.text  # Doc.text joins every token: build it once
        self.cue_at: dict[int, _Cue] = {}
        for match_id, start, end in comp.cue_matcher(doc):
            key = doc.vocab.strings[match_id]
            cue = _Cue(comp.cue_status[key], start, end)
            for i in range(start, end):
                old = self.cue_at.get(i)
                if old is None or (old.end - old.start) < (end - start):
                    self.cue_at[i] = cue
        self.leader_at: dict[int, str] = {}
        people: dict[str, dict[str, Any]] = doc._.summit_leaders or {}
        self.leader_country = {
            info["name"]: info.get("country") for info in people.values() if info.get("name")
        }
        for span in doc.spans.get(LEADERS_GROUP, []):
            info = people.get(span.kb_id_)
            name = (info or {}).get("name") or span.kb_id_
            if not name:
                continue
            for i in range(span.start, span.end):
                self.leader_at[i] = name
        self.country_at: dict[int, str] = {}
        for _, start, end in comp.country_matcher(doc):
            text = doc[start:end].text.lower()
            country = comp.country_of.get(text) or comp.demonym_of.get(text)
            if country:
                for i in range(start, end):
                    self.country_at[i] = country
        self.capital_at: dict[int, str] = {}
        for _, start, end in comp.capital_matcher(doc):
            country = comp.capital_of.get(doc[start:end].text.lower())
            if country and _cap(doc[start]):
                for i in range(start, end):
                    self.capital_at[i] = country
        self.quote_speaker: dict[int, str] = {}
        self.quote_speaker_country: dict[int, str] = {}
        for span in doc.spans.get(QUOTES_GROUP, []):
            q = span._.summit_quote or {}
            kb = q.get("speaker_kb_id")
            speaker = (people.get(kb) or {}).get("name") if kb else None
            speaker = speaker or q.get("speaker")
            country = (people.get(kb) or {}).get("country") if kb else None
            if speaker:
                for i in range(span.start, span.end):
                    self.quote_speaker[i] = speaker
                    if country:
                        self.quote_speaker_country[i] = country
        self.label_speakers()
        self.sent_agents: dict[int, list[str]] = {}
        # sentence bounds per token, computed once (Token.sent re-scans the Doc on every call)
        self.ss: list[int] = [0] * len(doc)
        self.se: list[int] = [len(doc)] * len(doc)
        for sent in doc.sents:
            for i in range(sent.start, sent.end):
                self.ss[i], self.se[i] = sent.start, sent.end
        # first token of a quoted name -> end char of its closing mark
        self.quoted_at: dict[int, int] = {}
        for span in doc.spans.get(QUOTED_NAMES_GROUP, []):
            if span.end < len(doc) and doc[span.end].is_quote:
                close = doc[span.end]
                self.quoted_at[span.start] = close.idx + len(close)
        self.chair_leader = self.find_chair()

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
        for tok in self.doc:
            if tok.lower_ not in chair_nouns and tok.lemma_.lower() not in chair_nouns:
                continue
            by = tok.dep_ == "pobj" and tok.head.lower_ == "by"
            if tok.dep_ in ("nsubj", "nsubjpass") or by or tok.i in self.leader_at:
                continue  # "the chair proposed": a reference to the chair, not its introduction
            sent = range(self.ss[tok.i], self.se[tok.i])
            names = {self.leader_at[i] for i in sent if i in self.leader_at}
            if len(names) == 1:
                return names.pop()
        return None

    # ------------------------------------------------------------------ candidates
    def head_entry(self, tok: Token) -> tuple[BodyHeadEntry, int] | None:
        """Return the head entry ending at ``tok`` and the index of the head phrase's first token."""
        lemma = tok.lemma_.lower()
        if lemma not in self.c.head_last_words:
            return None
        for n in range(self.c.max_head_len, 0, -1):
            if tok.i - n + 1 < 0:
                continue
            words = [t.lemma_.lower() for t in self.doc[tok.i - n + 1 : tok.i]] + [lemma]
            entry = self.c.heads.get(tuple(words))
            if entry is not None:
                return entry, tok.i - n + 1
        return None

    def is_plural(self, tok: Token) -> bool:
        """Return True for plural nouns (tagger or an -s form whose lemma differs)."""
        if tok.tag_ in ("NNS", "NNPS"):
            return True
        low = tok.lower_
        return low != tok.lemma_.lower() and bool(_PLURAL_RE.search(low))

    def candidates(self) -> list[_Candidate]:
        """Return every body-name candidate of the document (not yet linked to a cue)."""
        doc = self.doc
        out: list[_Candidate] = []
        consumed: set[int] = set()
        quoted = list(doc.spans.get(QUOTED_NAMES_GROUP, []))
        quote_spans = list(doc.spans.get(QUOTES_GROUP, []))
        for span, is_name in [(s, True) for s in quoted] + [(s, False) for s in quote_spans]:
            cand = self.quoted_candidate(span, is_name, consumed)
            if cand is not None:
                out.append(cand)
        taken = {i for c in out for i in range(*self._char_tokens(c))}
        for tok in doc:
            if tok.i in consumed or tok.i in taken or not tok.is_alpha:
                continue
            found = self.head_entry(tok)
            if found is None:
                continue
            entry, first = found
            if self.is_plural(tok) and not entry.plural:
                continue
            nxt = tok.nbor(1) if tok.i + 1 < len(doc) else None
            if (
                nxt is not None
                and tok.dep_ == "compound"
                and tok.head.i > tok.i
                and nxt.pos_ in ("NOUN", "PROPN")
            ):
                continue  # "forum participants", "Summit Wire": the head is further right
            cand = self.name_candidate(tok, entry, first)
            if cand is not None:
                out.append(cand)
        # a head inside another name is part of it ("Declaration of the China–Central Asia Summit")
        return [
            c
            for c in out
            if not any(
                o is not c
                and o.start_char <= c.start_char
                and c.end_char <= o.end_char
                and (o.end_char - o.start_char) > (c.end_char - c.start_char)
                for o in out
            )
        ]

    def _char_tokens(self, cand: _Candidate) -> tuple[int, int]:
        span = self.doc.char_span(cand.start_char, cand.end_char, alignment_mode="expand")
        return (span.start, span.end) if span is not None else (0, 0)

    def quoted_candidate(self, span: Span, is_name: bool, consumed: set[int]) -> _Candidate | None:
        """Return a candidate for a quoted name after a head noun or ending in one, else None."""
        doc = self.doc
        q = span._.summit_quote or {}
        start, end = q.get("start", span.start_char), q.get("end", span.end_char)
        text = self.text[start:end]
        stripped = text.rstrip(" .,;:!?")
        lead = len(text) - len(text.lstrip())
        start, end = start + lead, start + len(stripped)
        if end <= start:
            return None
        # the token before the opening mark
        prev_i = span.start - 1
        while prev_i >= 0 and (doc[prev_i].is_quote or doc[prev_i].is_space):
            prev_i -= 1
        prev = doc[prev_i] if prev_i >= 0 else None
        inner_heads = [t for t in span if t.is_alpha and self.head_entry(t) is not None]
        if prev is not None and self.ss[prev.i] == self.ss[span.start] and self.head_entry(prev):
            entry, first = self.head_entry(prev)  # type: ignore[misc]
            if self.is_plural(prev):
                return None
            consumed.add(prev.i)
            kind = entry.kind or "body"
            if inner_heads:
                kind = self.head_entry(inner_heads[-1])[0].kind or kind  # type: ignore[index]
            if _cap(prev):
                # a title-case name followed by its quoted subtitle: one name, marks included
                start = doc[self.left_edge(prev, first, entry)].idx
                end = self.quoted_at.get(span.start, end)
            return self._make(prev.i, start, end, kind, quoted=True)
        if not is_name:
            return None
        after = span.end + 1  # the word after the closing mark: «CIS Plus» format
        if (
            span.end < len(doc)
            and doc[span.end].is_quote
            and after < len(doc)
            and self.ss[after] == self.ss[span.start]
            and doc[after].is_alpha
            and self.head_entry(doc[after]) is not None
            and not self.is_plural(doc[after])
        ):
            entry = self.head_entry(doc[after])[0]  # type: ignore[index]
            consumed.add(after)
            return self._make(after, start, end, entry.kind or "body", quoted=True)
        last = [t for t in span if t.is_alpha]
        if not last or self.head_entry(last[-1]) is None or self.is_plural(last[-1]):
            return None
        entry = self.head_entry(last[-1])[0]  # type: ignore[index]
        root = min(
            (t for t in span if not (span.start <= t.head.i < span.end) or t.head == t),
            key=lambda t: t.i,
            default=last[-1],
        )
        return self._make(root.i, start, end, entry.kind or "body", quoted=True)

    def _make(self, head: int, start: int, end: int, kind: str, quoted: bool = False) -> _Candidate:
        words = re.findall(r"\w+", self.text[start:end].lower())
        key = tuple(w for w in words if w not in _STOP and len(w) > 1)
        return _Candidate(head, start, end, kind, key, self.ss[head], quoted=quoted)

    def left_edge(self, head: Token, first: int, entry: BodyHeadEntry) -> int:
        """Return the index of the first token of the name whose head phrase starts at ``first``."""
        doc = self.doc
        sent_start = self.ss[head.i]
        title = _cap(head) or _cap(doc[first])
        i = first - 1
        left = first
        dash_at: int | None = None  # a spaced dash inside the run ("Central Asia – EU Council")
        while i >= sent_start:
            t = doc[i]
            if title and self.plural_possessive(i) and left == i + 1:
                i -= 1  # "Transit Ministers' Forum": a plural possessive inside a title
                continue
            if t.is_space or t.is_quote or t.lower_ in _DETS or t.tag_ in ("POS", "PRP$"):
                break
            if i in self.leader_at:
                break
            # tokens written together form one word ("C5+1", "Xi'an", "Five-Party")
            k = i
            while (
                k - 1 >= sent_start
                and doc[k - 1].whitespace_ == ""
                and not doc[k - 1].is_quote
                and not doc[k - 1].is_space  # a line break ends the word: "…;\n– Memorandum"
                and doc[k - 1].text not in (";", ",", ":")
            ):
                k -= 1
            word_ok = title or all(
                x.pos_ in ("ADJ", "NOUN", "PROPN", "PUNCT", "NUM") for x in doc[k : i + 1]
            )
            if k < i and (_cap(doc[k]) or not title) and doc[k].lower_ not in _DETS and word_ok:
                left, i = k, k - 1
                continue
            if t.lower_ in ("and", "plus", "&") and left == i + 1 and i - 1 >= sent_start:
                before = doc[i - 1]
                ok = _cap(before) if title else before.pos_ in ("ADJ", "NOUN", "PROPN")
                if ok:
                    i -= 1
                    continue
                break
            if title and t.text in ("–", "-", "—") and dash_at is None and left == i + 1:
                if i - 1 >= sent_start and _cap(doc[i - 1]):
                    dash_at = i
                    i -= 1
                    continue
                break
            if title:
                if not _cap(t):
                    break
            else:
                if t.pos_ not in ("ADJ", "NOUN", "PROPN", "VERB") or t.tag_ in (
                    "VBD",
                    "VBZ",
                    "VBP",
                ):
                    break
                if t.pos_ == "VERB" and t.dep_ not in ("amod", "compound"):
                    break
            left = i
            i -= 1
        gapped = left > 0 and (doc[left - 1].pos_ == "ADP" or left - 1 in self.leader_at)
        if dash_at is not None and left < dash_at and gapped:
            left = dash_at + 1  # "the leader of Kazakhstan – Action Plan": gapping, not a name
        # evaluative words and ordinals are not part of a name
        while left < first and (
            (doc[left].lower_ in self.c.drop_modifiers and not _cap(doc[left]))
            or doc[left].text in ("-", "–", "—", "and")
        ):
            left += 1
        return left

    def right_edge(self, head: Token, entry: BodyHeadEntry) -> int:
        """Return the index just past the last token of the name headed by ``head``."""
        doc = self.doc
        sent_end = self.se[head.i]
        title = _cap(head)
        j = head.i + 1
        last = head.i  # last token accepted as content
        depth = 0
        prev_kind = "head"  # kind of the previous accepted token
        limit = head.i + self.c.max_name_tokens
        while j < sent_end and j < limit:
            t = doc[j]
            low = t.lower_
            nxt = doc[j + 1] if j + 1 < sent_end else None
            if (
                title
                and low in ("next", "last", "this")
                and nxt is not None
                and nxt.lemma_.lower() in _TIME_NOUNS
            ):
                break  # "Forum on Green Industry next year": a time adjunct
            if title and self.plural_possessive(j) and nxt is not None and _cap(nxt):
                j, prev_kind = j + 1, "hyph"  # "Council of Foreign Ministers' Deputies"
                continue
            if t.is_space or t.is_quote:
                break
            if low == "to" and nxt is not None and (nxt.tag_ == "VB" or nxt.pos_ == "VERB"):
                if not (depth == 0 and entry.document and prev_kind == "head"):
                    break  # a purpose clause ("Council to coordinate ...")
                j, prev_kind, depth = j + 1, "to", depth + 1
                continue
            if low in _NAME_PREPS and t.pos_ in ("ADP", "PART"):
                if low == "to" and not (nxt is not None and (_cap(nxt) or depth > 0)):
                    break
                if title and nxt is not None and self.amount_at(nxt.i):
                    break  # "Fund of USD 2 billion": a size, not part of the name
                if low == "for" and title and depth == 0 and self.beneficiary_after(j, sent_end):
                    break  # "Platform for freight operators": who it serves, not its name
                if low == "on" and not entry.document and self.place_after(j, sent_end):
                    break  # a seat: "Logistics Centre on the Caspian coast"
                j, prev_kind, depth = j + 1, "prep", depth + 1
                continue
            if low == "at" and depth == 0 and j + 2 < sent_end and doc[j + 2].lower_ == "level":
                j, prev_kind, depth = j + 1, "prep", depth + 1
                continue
            if low in ("until", "till", "through") and nxt is not None and nxt.like_num:
                j, prev_kind, depth = j + 1, "prep", depth + 1
                continue
            if (
                low == "in"
                and depth > 0
                and j + 3 < sent_end
                and doc[j + 2].lemma_.lower() in _FIELD_NOUNS
                and doc[j + 3].lower_ == "of"
            ):
                j, prev_kind = j + 1, "prep"  # "cooperation in the field of education"
                continue
            if low in _NESTED_LOC_PREPS and depth > 0 and nxt is not None and entry.document:
                after = nxt if nxt.lower_ not in _DETS or j + 2 >= sent_end else doc[j + 2]
                ordinal = (  # "in the 21st Century", "in the Second World War"
                    (_ORDINAL_RE.fullmatch(after.text) is not None or after.text in _ORDINAL_WORDS)
                    and after.i + 1 < sent_end
                    and _cap(doc[after.i + 1])
                )
                if (after.pos_ == "PROPN" and not after.like_num) or ordinal:
                    j, prev_kind, depth = j + 1, "prep", depth + 1
                    continue
                break
            if low in _DETS:
                if prev_kind in ("prep", "verb"):
                    j, prev_kind = j + 1, "det"
                    continue
                break
            if low in ("and", "or") and prev_kind == "prep" and nxt is not None:
                # coordinated prepositions: "Security of and in the Use of ..."
                if nxt.lower_ in _NAME_PREPS or nxt.lower_ in _NESTED_LOC_PREPS:
                    j += 1
                    continue
                break
            if low in ("and", "or", "&", "plus") or (low == "," and title):
                if nxt is None or prev_kind not in ("content", "head", "verb"):
                    break
                if nxt.i in self.leader_at:
                    break  # "proposed a Council and Japarov announced ...": a new clause
                if low == "and" and self.title_conjunct(j, depth, title, sent_end):
                    j, prev_kind = j + 1, "prep"  # "of China and the Countries of Central Asia"
                    continue
                if low == ",":
                    # a list inside a complement ("System of Forecasting, Prevention, ...")
                    if not (
                        depth > 0
                        and _cap(nxt)
                        and _cap(doc[j - 1])
                        and nxt.lower_ not in _STOP
                        and nxt.i not in self.leader_at
                        and nxt.i not in self.country_at
                    ):
                        break
                elif nxt.lower_ in _DETS or nxt.pos_ not in ("ADJ", "NOUN", "PROPN", "VERB"):
                    break  # "... and the creation of": a new phrase
                elif (
                    nxt.pos_ == "VERB"
                    and not (doc[j - 1].tag_ == "VBG" and nxt.tag_ == "VBG")
                    and not (_cap(nxt) and title)
                ):
                    break  # "... and adopting": a coordinated verb phrase
                j, prev_kind = j + 1, "conj"
                continue
            if t.text in ("-", "–", "/") and t.whitespace_ == "" and doc[j - 1].whitespace_ == "":
                j, prev_kind = j + 1, "hyph"
                continue
            if t.pos_ in ("NOUN", "PROPN", "ADJ", "NUM", "VERB", "X") or (title and _cap(t)):
                if depth == 0 and prev_kind == "head":
                    if title and _YEAR_RE.fullmatch(t.text) and doc[j - 1].whitespace_:
                        last = j  # a horizon year is part of a title: "Vision 2035"
                    break  # "Summit in ..." handled above; a bare noun after the head is not ours
                prev = doc[j - 1]
                if t.pos_ == "VERB" and not _cap(t):
                    # gerunds after a preposition, the infinitive's verb, participial adjectives
                    verb_ok = (
                        (t.tag_ == "VBG" and prev_kind in ("prep", "hyph", "conj"))
                        or (t.tag_ == "VB" and prev_kind == "to")
                        or (t.dep_ == "amod" and prev_kind in ("det", "prep", "conj"))
                    )
                    if not verb_ok:
                        break
                if (
                    prev_kind == "content"
                    and _cap(prev)
                    and not _cap(t)
                    and _PLURAL_RE.search(prev.lower_)
                    and t.pos_ in ("NOUN", "PROPN")
                ):
                    break  # "Program of Liberalization Measures market ...": a new phrase
                if t.like_num and prev_kind == "prep" and doc[j - 1].lower_ in _NESTED_LOC_PREPS:
                    break
                j, prev_kind, last = j + 1, ("verb" if t.pos_ == "VERB" else "content"), j
                continue
            break
        return last + 1

    def amount_at(self, i: int) -> bool:
        """Return True when an amount starts at token ``i``: a currency sign or code, or a
        number with a scale word ("USD 2 billion", "$5 million", "3 billion")."""
        doc = self.doc
        t = doc[i]
        if t.is_currency or t.text in _CURRENCY_CODES:
            return True
        nxt = doc[i + 1] if i + 1 < len(doc) else None
        return t.like_num and nxt is not None and nxt.lower_ in _SCALE_WORDS

    def plural_possessive(self, i: int) -> bool:
        """Return True for a bare apostrophe closing a capitalised plural ("Ministers'"), not a
        quotation mark: written against the word, followed by a space and a capitalised word."""
        doc = self.doc
        t = doc[i]
        if t.text not in ("'", "’") or i == 0 or i + 1 >= len(doc):
            return False
        prev = doc[i - 1]
        return (
            prev.whitespace_ == ""
            and t.whitespace_ != ""
            and _cap(prev)
            and prev.text.endswith("s")
            and _cap(doc[i + 1])
        )

    def beneficiary_after(self, j: int, sent_end: int) -> bool:
        """Return True when the phrase after "for" at ``j`` is a lower-case plural of people
        or a count ("for freight operators", "for 10,000 young specialists"), not a title."""
        doc = self.doc
        k = j + 1
        plural = False
        while k < sent_end and doc[k].pos_ in ("DET", "NUM", "ADJ", "NOUN", "PROPN"):
            t = doc[k]
            if _cap(t) or _YEAR_RE.fullmatch(t.text):
                return False
            plural = plural or t.tag_ == "NNS"
            k += 1
        return plural and k > j + 1

    def place_after(self, j: int, sent_end: int) -> bool:
        """Return True when the phrase after the preposition at ``j`` is a lower-case place
        ("on the Caspian coast", "on the southern shore"): its noun is a place noun."""
        doc = self.doc
        k = j + 1
        while k < sent_end and (doc[k].lower_ in _DETS or doc[k].pos_ in ("ADJ", "PROPN")):
            k += 1
        return k < sent_end and doc[k].lemma_.lower() in self.c.place_nouns and not _cap(doc[k])

    def title_conjunct(self, j: int, depth: int, title: bool, sent_end: int) -> bool:
        """Return True when "and" at ``j`` joins two parties inside a title-case complement
        ("Platform of ... of China and the Countries of Central Asia"): a country, region or
        organisation before it, after it an article and a title-case phrase with no body head
        ending at a preposition or punctuation."""
        doc = self.doc
        if not (title and depth > 0 and j + 2 < sent_end and doc[j + 1].lower_ in _DETS):
            return False
        before = doc[j - 1]  # the first conjunct is a party (a country, a region, a bloc)
        if before.i not in self.country_at and before.ent_type_ not in ("GPE", "LOC", "ORG"):
            return False
        k = j + 2
        while k < sent_end and _cap(doc[k]) and doc[k].is_alpha:
            if self.head_entry(doc[k]) is not None or k in self.leader_at:
                return False
            k += 1
        if k == j + 2 or (j + 2) in self.country_at:
            return False
        return k >= sent_end or doc[k].is_punct or doc[k].lower_ in _NAME_PREPS

    def name_candidate(self, head: Token, entry: BodyHeadEntry, first: int) -> _Candidate | None:
        """Return the candidate headed by ``head`` or None when it is no name."""
        doc = self.doc
        left = self.left_edge(head, first, entry)
        right = self.right_edge(head, entry)
        while right - 1 > head.i and (doc[right - 1].is_punct or doc[right - 1].lower_ in _STOP):
            right -= 1
        title = _cap(head) or _cap(doc[first])
        if not title:
            has_mod = left < first
            has_comp = right > head.i + 1
            if not entry.lowercase or not (has_mod or has_comp):
                return None
            # "a joint investment platform" is generic; "a regional food security fund" and
            # "the Samarkand international forum" are named by their modifiers
            if not has_comp and first - left < 2 and not any(_cap(t) for t in doc[left:first]):
                return None
        end_char = doc[right - 1].idx + len(doc[right - 1])
        if title and right < len(doc) and doc[right].is_quote and right + 1 in self.quoted_at:
            end_char = self.quoted_at[right + 1]  # 'Concept ... “Central Asia – 2040”'
        return self._make(head.i, doc[left].idx, end_char, entry.kind or "body")

    # ------------------------------------------------------------------ cue linking
    def cue_for(self, tok: Token) -> _Cue | None:
        """Return the cue covering token ``tok``, if any."""
        return self.cue_at.get(tok.i)

    def climb(self, start: Token) -> tuple[list[tuple[Token, _Cue]], Token | None, Token | None]:
        """Return (cues on the path, the support token ending it, the first decision cue on it)."""
        cues: list[tuple[Token, _Cue]] = []
        commit: Token | None = None
        tok = start
        seen = {tok.i}
        support: Token | None = None
        peer_of: Token | None = None
        for _ in range(30):
            head = tok.head
            if head.i == tok.i or head.i in seen:
                break
            dep = tok.dep_
            if dep not in _UP_DEPS:
                break
            if dep == "prep" and tok.i not in self.cue_at:  # "call for", "come up with" pass
                if tok.lower_ not in _PASS_PREPS:
                    break
                if head.pos_ in ("VERB", "AUX"):
                    break  # "On the sidelines of the Forum, X proposed": an adjunct, not the theme
            if dep == "compound" and not tok.is_quote and tok.i > head.i:
                break
            if dep in ("advcl", "relcl") and not any(c.lower_ == "to" for c in tok.children):
                break
            seen.add(head.i)
            if dep in ("advcl", "xcomp", "relcl"):
                # "welcomed the initiative of X to hold Y": the infinitive belongs to the noun
                for obj in head.children:
                    noun_cue = self.cue_for(obj)
                    if (
                        obj.dep_ == "dobj"
                        and noun_cue is not None
                        and noun_cue.status == "proposed"
                    ):
                        cues.append((obj, noun_cue))
            cue = self.cue_for(head)
            if (
                cue is not None
                and cue.status == "commit"
                and head.pos_ == "NOUN"
                and tok.lower_ == "of"
            ):
                break  # "the decisions of the Bishkek Summit": the body made them
            if (
                cue is None
                and head.pos_ in ("NOUN", "PROPN")
                and dep not in ("appos", "dep", "conj")
                and self.head_entry(head) is None
            ):
                break  # "announced the results of the Forum": the act is about another noun
            if cue is not None and cue.status == "commit" and commit is None:
                commit = head
            if cue is not None and cue.status == "linking":
                # "the Uzbek President's initiatives included X": the subject is the cue
                for subj in head.children:
                    subj_cue = self.cue_for(subj)
                    if subj.dep_ == "nsubj" and subj_cue and subj_cue.status == "proposed":
                        cues.append((subj, subj_cue))
                break
            if cue is not None and cue.status == "support":
                support = head
                break
            own = self.cue_for(tok)
            if dep == "conj" and own is not None and own.status in _STATUS_RANK:
                peer_of = head  # "adopted A and proposed B": coordinated reports are peers
            if cue is not None and cue.status in _STATUS_RANK:
                if peer_of is not head:
                    cues.append((head, cue))
            elif (
                cue is None
                and head.pos_ in ("VERB", "AUX")
                and not (tok.dep_ == "conj" and not cues)
            ):
                # an ordinary verb ends the path ("discussed the Regional Center")
                tok = head
                break
            child, tok = tok, head
            subjects = [
                c
                for c in head.children
                if c.dep_ in ("nsubj", "nsubjpass", "csubj")
                and c.tag_ not in ("WDT", "WP")
                and c.lower_ != "it"
                and c.i != child.i  # "proposed that a Council be created"
            ]
            if head.pos_ in ("VERB", "AUX") and head.tag_ != "VBG" and subjects:
                if not cues and self.complement_of_unnamed(head, subjects):
                    continue  # "proposed that experts draft X": the proposal's content
                break  # a clause with its own subject is its own report
        return cues, support, commit

    def supported_idea(self, start: Token, support: Token) -> bool:
        """Return True when the name at ``start`` hangs, through "of", on a light proposal noun
        ("idea", "project") that is the object of ``support`` ("backed the idea of X")."""
        node = start
        for _ in range(4):
            head = node.head
            if head.i == node.i:
                return False
            if head.i == support.i:
                return False
            if node.dep_ == "pobj" and head.lower_ == "of":
                noun = head.head
                cue = self.cue_for(noun)
                return (
                    noun.pos_ == "NOUN"
                    and cue is not None
                    and cue.status == "light"
                    and noun.head.i == support.i
                    and noun.dep_ in ("dobj", "nsubjpass")
                    and not any(c.dep_ == "poss" for c in noun.children)
                )
            node = head
        return False

    def owned_idea(self, start: Token) -> tuple[Token, _Cue] | None:
        """Return a light noun with a named owner governing the name ("Tokayev's idea of X",
        "Uzbekistan's drafting of X") as a proposal cue; None otherwise ("the idea of X")."""
        tok = start
        for _ in range(2):
            if tok.dep_ != "pobj" or tok.head.lower_ not in ("of", "for", "on"):
                return None
            noun = tok.head.head
            cue = self.cue_for(noun)
            if noun.pos_ == "NOUN" and cue is not None and cue.status == "light":
                owners = [c for c in noun.children if c.dep_ == "poss"]
                if owners and self.resolve(owners[0]):
                    return noun, _Cue("proposed", noun.i, noun.i + 1)
                return None
            if cue is not None or noun.pos_ not in ("NOUN", "PROPN"):
                return None
            tok = noun
        return None

    def complement_of_unnamed(self, verb: Token, subjects: list[Token]) -> bool:
        """Return True for a that-complement clause whose subject names no leader or country
        ("proposed that experts draft ...", "that 2023 be declared ...")."""
        clause = verb
        if clause.dep_ == "conj" and clause.head.dep_ == "ccomp":
            clause = clause.head  # "proposed that A and that experts draft B"
        if clause.dep_ != "ccomp":
            return False
        return not any(
            s.pos_ == "PRON" or s.i in self.leader_at or self.resolve(s) for s in subjects
        )

    def dated_history(self, verb: Token, cue: _Cue) -> bool:
        """Return True when a cue is dated to an earlier year ("signed ... in 2017", "created last
        year", "thirty years ago ... put forward the idea"): history, not the act the text
        reports. A proposal counts only with "ago"/"last" or a year before the text's own."""
        if verb.pos_ not in ("VERB", "AUX"):
            return False
        year = (self.doc._.summit_doc_date or self.doc._.summit_date or "")[:4]
        if year and verb.dep_ == "conj":
            # a fronted "At that meeting" scopes over coordinated clauses too
            first = verb.head
            if any(c.dep_ == "prep" and self.back_to_earlier_year(c, year) for c in first.children):
                return True
        for child in verb.children:
            words = list(child.subtree)
            if child.dep_ in ("npadvmod", "advmod") and any(
                w.lower_ in ("ago", "last") for w in words
            ):
                return True  # "last year", "two years ago" (a proposal then is history too)
            if child.dep_ == "prep" and year and self.back_to_earlier_year(child, year):
                return True  # "... met in 2023. At that meeting X proposed Y": history
            if child.dep_ == "prep" and child.lower_ in ("in", "since"):
                # a proposal's year is usually its target date: only a known earlier year counts
                undated_ok = cue.status != "proposed"
                for w in words:
                    if _YEAR_RE.fullmatch(w.text) and ((not year and undated_ok) or w.text < year):
                        return True
        return False

    def back_to_earlier_year(self, prep: Token, year: str) -> bool:
        """Return True when ``prep`` points back with "that"/"those" to an event ("at that
        meeting", "at that time") and the sentence before names a year before ``year``."""
        if not any(
            o.dep_ == "pobj" and any(d.lower_ in ("that", "those") for d in o.children)
            for o in prep.children
        ):
            return False
        s = self.ss[prep.i]
        if s == 0:
            return False
        return any(
            _YEAR_RE.fullmatch(w.text) is not None and w.text < year
            for w in self.doc[self.ss[s - 1] : s]
        )

    def link(self, cand: _Candidate) -> None:
        """Attach cue, status, proposers and supporters to ``cand`` when a cue governs it."""
        doc = self.doc
        start = doc[cand.head]
        cues, support, commit = self.climb(start)
        if not cues:
            nominal = self.nominal_cue_before(self._char_tokens(cand)[0])
            if nominal is not None:
                cues = [nominal]
        if not cues:
            owned = self.owned_idea(start)
            if owned is not None:
                cues = [owned]
        if not cues and support is not None and self.supported_idea(start, support):
            # "supported the long-discussed idea of an X": a proposal nobody here is named as
            # making; the subject backs it
            span = doc[support.i : support.i + 1]
            cand.status, cand.linked = "proposed", True
            cand.cue, cand.cue_tokens = (span.start_char, span.end_char), (span.start, span.end)
            cand.proposers = []
            # "X proposed A and supported the idea of B": a coordinated verb shares X
            cand.supporters = self.supporters_of(cand, support) or self.agent_of(support) or []
            return
        if not cues and commit is not None:
            # "the leaders agreed to develop a Programme": a joint plan, proposed by all
            cue = self.cue_for(commit)
            if cue is not None:
                cues = [(commit, _Cue("proposed", cue.start, cue.end))]
        if not cues or any(self.dated_history(t, c) for t, c in cues):
            return
        self.apply(cand, cues, support)

    def apply(
        self, cand: _Candidate, cues: list[tuple[Token, _Cue]], support: Token | None
    ) -> None:
        """Set status, cue and agents on ``cand`` from the cues on its path (innermost first)."""
        proposal = [(t, c) for t, c in cues if c.status == "proposed"]
        if proposal:
            tok, cue = proposal[-1]
            status = "proposed"
        else:
            tok, cue = cues[0]
            status = cue.status
        if status != "proposed" and (tok.pos_ == "NOUN" or tok.tag_ in ("VB", "VBG")):
            earlier = self.dominating_proposal(tok)
            if earlier is not None:
                tok, cue = earlier
                status = "proposed"
        if status != "proposed" and (
            self.unrealised(tok, cue) or self.advocated(tok) or self.modal(tok)
        ):
            status = "proposed"  # "stressed the need to create X": advocated, not yet created
        cand.status = status
        cand.linked = True
        span = self.doc[cue.start : cue.end]
        cand.cue = (span.start_char, span.end_char)
        cand.cue_tokens = (cue.start, cue.end)
        agents = self.agent_of(tok)
        if agents and len(agents) == 1 and self.quote_speaker_country.get(tok.i) == agents[0]:
            agents = [self.quote_speaker[tok.i]]  # "Turkmenistan proposes ..." said its president
        elif agents and len(agents) == 1:
            reporter = self.reported_by_leader(tok, agents[0])
            if reporter is not None:
                agents = [reporter]  # "Xi announced that China would set up ..."
        if agents is None and status == "proposed":
            agents = self.according_to(tok)  # "According to X, a Council should be created"
        if agents is None and self.c.carry_over and status == "proposed":
            agents = self.carried_agents(tok)
        gapped = self.dash_agent(cand)
        if gapped is not None:
            agents = [gapped]  # "X proposed A, and the President of Uzbekistan – B"
        cand.proposers = agents or []
        cand.supporters = self.supporters_of(cand, support)

    def dash_agent(self, cand: _Candidate) -> str | None:
        """Return the leader or country right before a dash that opens the name (gapping:
        "..., while the leader of Kazakhstan – an Action Plan ..."), else None."""
        doc = self.doc
        i = self._char_tokens(cand)[0] - 1
        while i >= 0 and doc[i].lower_ in _DETS:
            i -= 1
        if i < 1 or doc[i].text not in ("–", "—", "-") or doc[i].whitespace_ == "":
            return None
        before = doc[i - 1]
        if before.i in self.leader_at:
            return self.leader_at[before.i]
        if before.i in self.country_at and before.tag_ != "JJ":
            return self.country_at[before.i]
        return None

    def advocated(self, tok: Token) -> bool:
        """Return True when an act is only advocated ("the importance of the early launch of X",
        "the need for the creation of X")."""
        node = tok
        for _ in range(4):
            if node.dep_ not in ("pobj", "prep", "dobj", "acl", "xcomp") or node.head.i == node.i:
                return False
            node = node.head
            cue = self.cue_for(node)
            if cue is not None and cue.status == "advocate":
                return True
        return False

    def according_to(self, tok: Token) -> list[str] | None:
        """Return whom "according to X" on a clause above cue ``tok`` names, or None."""
        for node in [tok, *tok.ancestors]:
            for child in node.children:
                if child.dep_ == "prep" and child.lower_ == "according":
                    for to in child.children:
                        objs = [o for o in to.children if o.dep_ == "pobj"]
                        if to.lower_ == "to" and objs:
                            return self.resolve(objs[0]) or None
        return None

    def modal(self, tok: Token) -> bool:
        """Return True when an act is only advocated by a modal ("a Council should be created",
        "they must establish"); "would" reports an announced act and does not count."""
        return tok.pos_ in ("VERB", "AUX") and any(
            c.dep_ == "aux" and c.lower_ in _ADVOCATING_MODALS for c in tok.children
        )

    def reported_by_leader(self, tok: Token, country: str) -> str | None:
        """Return the leader of ``country`` who is the agent of a clause above cue ``tok``
        ("Xi announced that China would set up ...", "Xi renewed Beijing's proposal",
        "Putin said Moscow supported the idea"), or None."""
        node = tok
        for _ in range(8):
            if node.head.i == node.i:
                return None
            node = node.head
            if node.pos_ not in ("VERB", "AUX"):
                continue
            names = self.agent_of(node) or []
            if len(names) == 1 and self.leader_country.get(names[0]) == country:
                return names[0]
        return None

    def as_reporters(self, tok: Token, names: list[str]) -> list[str]:
        """Return ``names`` with each country replaced by its leader reporting cue ``tok``."""
        out: list[str] = []
        for name in names:
            leader = self.reported_by_leader(tok, name) if name not in self.leader_country else None
            out.append(leader or name)
        return out

    def unrealised(self, tok: Token, cue: _Cue) -> bool:
        """Return True for a bare infinitive/gerund act that no decision above makes real.

        "agreed to establish", "decided to create" report an act; "the need to create",
        "it is necessary to create" advocate one.
        """
        tok = self.doc[cue.start]  # "set up": the verb; "decision to establish": a noun
        if tok.pos_ != "VERB" or self.c.cue_status.get(tok.lemma_.lower()) == "commit":
            return False
        if not (
            tok.tag_ == "VBG" or any(c.lower_ == "to" and c.dep_ == "aux" for c in tok.children)
        ):
            return False
        node = tok
        for _ in range(6):
            if node.dep_ not in (
                "xcomp",
                "ccomp",
                "acl",
                "conj",
                "dobj",
                "pobj",
                "prep",
                "advcl",
                "relcl",
                "pcomp",
            ):
                return True
            node = node.head
            up = self.cue_for(node)
            if up is not None and up.status in ("commit", "established", "adopted"):
                return False
        return True

    def dominating_proposal(self, tok: Token) -> tuple[Token, _Cue] | None:
        """Return an earlier proposal cue of the same clause that governs a nominal/non-finite cue.

        The parser often attaches "... and the creation of X" far from "initiated"; a proposal
        verb earlier in the sentence, with no finite clause of its own in between, governs it.
        """
        doc = self.doc
        for i in range(tok.i - 1, self.ss[tok.i] - 1, -1):
            t = doc[i]
            cue = self.cue_for(t)
            if cue is not None and cue.status == "proposed" and t.pos_ in ("VERB", "NOUN"):
                return doc[cue.start], cue
            if t.text in (";", ":") or t.lower_ in ("which", "who", "while", "whereas", "that"):
                return None
            if t.dep_ in ("nsubj", "nsubjpass") and t.head.i > t.i:
                return None  # "announced that Japan would launch X": a clause of its own
            if t.tag_ in ("VBD", "VBZ", "VBP", "MD") and t.dep_ not in ("aux", "auxpass"):
                return None
        return None

    def nominal_cue_before(self, first: int) -> tuple[Token, _Cue] | None:
        """Return a nominal cue before "of" + the name starting at token ``first`` ("the adoption
        at the summit of X", "the early launch of the Central Asia – EU Dialogue")."""
        doc = self.doc
        i = first - 1
        sent_start = self.ss[first]
        while i >= sent_start and doc[i].lower_ in _DETS:
            i -= 1
        if i < sent_start or doc[i].lower_ != "of":
            return None
        for j in range(i - 1, max(sent_start, i - 8) - 1, -1):
            t = doc[j]
            cue = self.cue_for(t)
            if cue is not None and t.pos_ == "NOUN" and cue.status in _STATUS_RANK:
                return t, cue
            if t.pos_ in ("VERB", "AUX", "PRON") or t.is_punct:
                return None
        return None

    def agent_of(self, tok: Token) -> list[str] | None:
        """Return the proposers named by the agent of cue ``tok``; None when no agent is expressed."""
        node: Token | None = tok
        via_conj = False
        for _ in range(12):
            if node is None:
                return None
            found = self.agent_here(node)
            if (
                found == []
                and via_conj
                and node.dep_ == "ccomp"
                and node.head.lemma_.lower() in _SAY_VERBS
                and not self.paragraph_between(node.i, node.head.i)
                and not any(  # "the leaders adopted X and decided ...": a collective act
                    c.dep_ == "nsubj" and (c.tag_ in ("NNS", "NNPS") or c.pos_ == "PRON")
                    for c in node.children
                )
            ):
                # "X said the summit was historic and proposed Y": the parser hangs the second
                # verb on the reported clause, whose subject names nobody; the reporter proposes
                node = node.head
                via_conj = False
                continue
            if found is not None:
                return found
            dep = node.dep_
            via_conj = dep == "conj"
            if dep in ("xcomp", "conj", "acl", "advcl", "pcomp", "ccomp") or (
                dep in ("dobj", "pobj", "prep") and node.pos_ != "VERB"
            ):
                if dep == "acl" and node.tag_ == "VBN":
                    return None  # ", proposed at ...": a participle without "by"
                node = node.head if node.head.i != node.i else None
                continue
            return None
        return None

    def agent_here(self, node: Token) -> list[str] | None:
        """Return the proposers expressed directly on ``node`` (subject, by-agent, possessor)."""
        for child in node.children:
            # "On the initiative of Kazakhstan, the leaders established X": the initiator
            if child.dep_ == "prep" and child.lower_ in ("on", "at", "upon"):
                for obj in child.children:
                    cue = self.cue_for(obj)
                    if obj.dep_ == "pobj" and cue is not None and cue.status == "proposed":
                        names = self.agent_here(obj)
                        if names:
                            return names
        for child in node.children:
            if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
                objs = [c for c in child.children if c.dep_ == "pobj"]
                if objs:
                    return self.resolve(objs[0])
        subjects: list[Token] = []
        for c in node.children:
            if c.dep_ not in ("nsubj", "csubj") or c.lower_ in ("which", "that", "who"):
                continue
            if self.paragraph_between(c.i, node.i):
                # a verbless line above mis-joined to this sentence: its appositive in this
                # paragraph ("– President X\n\nPresident X proposed ...") is the subject
                subjects.extend(
                    a
                    for a in c.children
                    if a.dep_ == "appos" and not self.paragraph_between(a.i, node.i)
                )
            else:
                subjects.append(c)
        if subjects:
            return self.resolve(min(subjects, key=lambda c: abs(c.i - node.i)))
        for child in node.children:
            if child.dep_ == "nsubjpass" and child.lower_ == "it":
                return None  # "it was proposed": no agent
        if node.pos_ == "NOUN":
            for child in node.children:
                if child.dep_ == "poss" and self.resolve(child):
                    return self.resolve(child)
                if child.dep_ == "acl" and child.tag_ == "VBN":  # "the proposal voiced by X"
                    names = self.agent_here(child)
                    if names:
                        return names
                if child.dep_ == "prep" and child.lower_ == "of":
                    objs = [c for c in child.children if c.dep_ == "pobj"]
                    if objs:
                        names = self.resolve(objs[0])
                        if names:
                            return names
        return None

    def paragraph_between(self, a: int, b: int) -> bool:
        """Return True when a paragraph break lies between tokens ``a`` and ``b``."""
        lo, hi = min(a, b), max(a, b)
        return "\n" in self.text[self.doc[lo].idx : self.doc[hi].idx]

    def resolve(self, tok: Token) -> list[str]:
        """Return the canonical leaders / countries a subject or agent phrase names ([] if none)."""
        out: list[str] = []
        if tok.lemma_.lower() in _OFFICE_NOUNS and self.is_plural(tok):
            # "the presidents of Kazakhstan and Uzbekistan": each country's leader
            for prep in tok.children:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    for obj in prep.children:
                        for c in [obj, *obj.conjuncts] if obj.dep_ == "pobj" else []:
                            if c.i in self.country_at:
                                leader = self.leader_of(self.country_at[c.i])
                                if leader not in out:
                                    out.append(leader)
            return out
        for t in [tok, *tok.conjuncts]:
            name = self.resolve_one(t)
            if name and name not in out:
                out.append(name)
        return out

    def resolve_one(self, t: Token) -> str | None:
        """Return the leader or country one conjunct names, or None."""
        if t.lower_ in _FIRST_PERSON and t.i in self.quote_speaker:
            return self.quote_speaker[t.i]
        if t.i in self.leader_at:
            return self.leader_at[t.i]
        if t.lower_ in ("he", "she") and t.pos_ == "PRON":
            return self.previous_leader(t)
        if self.bare_office(t):
            return self.previous_leader(t)  # "President X opened ... The President proposed"
        for c in t.subtree:
            # "the President of Uzbekistan Shavkat Mirziyoyev" parsed with the name below
            near = c.head == t or c.head.head == t or c.head.head.head == t
            if c.i in self.leader_at and c.dep_ in ("compound", "appos", "pobj", "nsubj") and near:
                return self.leader_at[c.i]
        if t.i in self.country_at and t.tag_ not in ("JJ",):
            return self.country_at[t.i]
        if t.i in self.capital_at:
            return self.capital_at[t.i]  # "Tashkent proposed": the capital stands for the state
        if (
            t.lower_ in self.c.chair_nouns
            and t.pos_ == "NOUN"
            and not any(c.dep_ == "prep" for c in t.children)  # "the Chair of the Mejlis"
        ):
            return self.chair_leader  # "the chair proposed": the leader introduced as chair
        if t.lemma_.lower() in self.c.agent_nouns or t.lower_ in self.c.agent_nouns:
            if any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in t.children):
                return self.own_country(t)  # "her country's proposal"
            for c in t.children:
                if c.i in self.country_at and c.dep_ in ("amod", "compound", "poss", "nmod"):
                    return self.country_at[c.i]
                if c.dep_ == "prep" and c.lower_ == "of":
                    for o in c.children:
                        if o.i in self.country_at:
                            return self.country_at[o.i]
        return None

    def bare_office(self, t: Token) -> bool:
        """Return True for "the President" / "the Head of State" / "the leader" naming no country
        or organisation (the leaders component leaves it unresolved): an anaphor like "he"."""
        if t.lemma_.lower() not in _BARE_OFFICES or self.is_plural(t) or t.i in self.leader_at:
            return False
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in t.children):
            return False
        for c in t.children:
            if c.dep_ in ("poss", "amod", "compound", "nmod") and c.lower_ not in _OFFICE_MODS:
                return False  # "the Kazakh president", "the bank president"
            if c.dep_ == "prep" and not (
                c.lower_ == "of" and any(o.lower_ in ("state", "government") for o in c.children)
            ):
                return False  # "the President of the Mejlis"
        return True

    def own_country(self, t: Token) -> str | None:
        """Return who "his/her country" (``t``) stands for: the leader last named in the sentence
        before it (a leader's country is the leader, as for "Turkmenistan proposes" in a quote),
        else the country last named there ("Speaking for Turkmenistan, Ms X conveyed her
        country's proposal"); None when the sentence names neither."""
        for i in range(t.i - 1, self.ss[t.i] - 1, -1):
            if i in self.leader_at:
                return self.leader_at[i]
            if i in self.country_at and self.doc[i].tag_ != "JJ":
                return self.country_at[i]
        return None

    def leader_of(self, country: str) -> str:
        """Return the one leader of ``country`` in this document, or the country itself."""
        names = [n for n, c in self.leader_country.items() if c == country]
        return names[0] if len(names) == 1 else country

    def previous_leader(self, t: Token) -> str | None:
        """Return the leader last mentioned before pronoun ``t`` within two sentences, or None."""
        floor = self.ss[t.i]
        for _ in range(2):
            if floor > 0:
                floor = self.ss[floor - 1]
        for i in range(t.i - 1, floor - 1, -1):
            if i in self.leader_at:
                return self.leader_at[i]
        return None

    def sentence_agents(self, sent: Span) -> list[str] | None:
        """Return the proposers of the first proposal cue in ``sent`` that has a named agent."""
        if sent.start in self.sent_agents:
            return self.sent_agents[sent.start]
        result: list[str] | None = None
        for tok in sent:
            cue = self.cue_at.get(tok.i)
            if cue is None or cue.status != "proposed" or tok.i != cue.start:
                continue
            agents = self.agent_of(tok)
            if agents:
                result = agents
                break
        self.sent_agents[sent.start] = result or []
        return result

    def carried_agents(self, tok: Token) -> list[str] | None:
        """Return the proposers of the previous sentence of the same paragraph, if it proposed."""
        start = self.ss[tok.i]
        if start == 0:
            return None
        prev_tok = self.doc[start - 1]
        if prev_tok.is_space and "\n" in prev_tok.text:
            return None  # a paragraph break
        prev = self.doc[self.ss[prev_tok.i] : self.se[prev_tok.i]]
        if any(t.is_space and "\n" in t.text for t in prev[:-1]):
            return None
        return self.sentence_agents(prev) or None

    def supporters_of(self, cand: _Candidate, support: Token | None) -> list[str]:
        """Return the supporters: a support clause on the body or its appositive, or a support
        verb above the proposal ("which found the support of X", "an idea that X backed",
        "X supported the proposal of Y to ...")."""
        doc = self.doc
        found: list[str] = []
        head = doc[cand.head]
        lo, hi = self._char_tokens(cand)
        for t in doc[hi : self.se[head.i]]:
            cue = self.cue_for(t)
            if cue is None or cue.status != "support":
                continue
            clause = t if t.dep_ in ("relcl", "acl") else t.head
            if clause.dep_ not in ("relcl", "acl"):
                continue
            anchor = clause.head
            in_name = lo <= anchor.i < hi
            light = self.cue_for(anchor)
            appositive = (
                hi <= anchor.i < t.i and light is not None and light.status in ("light", "proposed")
            )
            if in_name or appositive:
                # "which Mirziyoyev said Uzbekistan would support": the reporting leader
                found.extend(self.as_reporters(t, self.support_agents(t)))
                break
        if support is not None:
            found.extend(self.support_agents(support))
        out: list[str] = []
        for name in found:
            if name not in out and name not in cand.proposers:
                out.append(name)
        return out

    def support_agents(self, t: Token) -> list[str]:
        """Return who gives the support cue ``t`` (by-agent, of-phrase, or subject)."""
        for child in t.children:
            if child.dep_ in ("agent", "prep") and child.lower_ in ("of", "by"):
                objs = [c for c in child.children if c.dep_ == "pobj"]
                if objs:
                    out = list(self.resolve(objs[0]))
                    # "supported by X and by the Kyrgyz side": a coordinated by-phrase
                    for conj in child.children:
                        if conj.dep_ == "conj" and conj.lower_ == child.lower_:
                            for o in conj.children:
                                if o.dep_ == "pobj":
                                    out += [n for n in self.resolve(o) if n not in out]
                    return out
        subj = [c for c in t.children if c.dep_ == "nsubj" and c.tag_ not in ("WDT", "WP")]
        return self.resolve(subj[0]) if subj else []

    # ------------------------------------------------------------------ fallbacks
    def link_fallbacks(self, cands: list[_Candidate]) -> None:
        """Link named candidates the dependency path missed (participles, relatives, gapping)."""
        doc = self.doc
        by_sent: dict[int, list[_Candidate]] = {}
        for cand in cands:
            by_sent.setdefault(cand.sent_start, []).append(cand)
        for cand in cands:
            if cand.linked:
                continue
            head = doc[cand.head]
            named = cand.quoted or _cap(head)
            if not named:
                continue
            if self.participle_after(cand):
                continue
            if self.relative_after(cand):
                continue
            self.gapping(cand, by_sent[cand.sent_start])

    def _end_token(self, cand: _Candidate) -> int:
        return self._char_tokens(cand)[1]

    def participle_after(self, cand: _Candidate) -> bool:
        """Link ", proposed by X" after the name (only PPs between); return True when linked."""
        doc = self.doc
        sent_end = self.se[cand.head]
        j = self._end_token(cand)
        while j < sent_end and j < self._end_token(cand) + 15:
            t = doc[j]
            cue = self.cue_for(t)
            # VBD too: the tagger often reads a reduced relative as a past tense
            if t.tag_ in ("VBN", "VBD") and cue is not None and cue.status in _STATUS_RANK:
                has_agent = any(c.dep_ == "agent" for c in t.children)
                adjacent = doc[j - 1].text == "," or j == self._end_token(cand)
                # "the Fund, set up in 2023" is history; "the Declaration adopted at the summit"
                # and ", proposed by X" are reports
                dated = any(d.ent_type_ == "DATE" or d.like_num for d in t.subtree)
                if (
                    adjacent
                    and (has_agent or cue.status == "proposed" or not dated)
                    and not any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
                ):
                    self.apply(cand, [(t, cue)], None)
                    return True
                return False
            if t.pos_ in ("VERB", "AUX", "PRON", "SCONJ", "CCONJ") or t.is_quote:
                return False
            j += 1
        return False

    def relative_after(self, cand: _Candidate) -> bool:
        """Link "X, the creation of which was proposed by Y"; return True when linked."""
        doc = self.doc
        j = self._end_token(cand)
        sent_end = self.se[cand.head]
        for k in range(j, min(j + 6, sent_end)):
            t = doc[k]
            if t.lower_ in ("which", "whose") and t.tag_ in ("WDT", "WP$"):
                cues, support, _commit = self.climb(t)
                if cues:
                    self.apply(cand, cues, support)
                    return True
                return False
            if t.pos_ in ("VERB", "AUX"):
                return False
        return False

    def gapping(self, cand: _Candidate, same_sent: list[_Candidate]) -> None:
        """Link "..., while the leader of X – an Action Plan ..." to the sentence's earlier cue."""
        doc = self.doc
        head = doc[cand.head]
        if head.dep_ not in ("appos", "dep"):
            return
        anchor = head.head
        agents = self.resolve(anchor) if anchor.i < head.i else []
        if not agents:
            return
        earlier = [
            c for c in same_sent if c.linked and c.cue_tokens and c.cue_tokens[1] <= anchor.i
        ]
        if not earlier:
            return
        src = earlier[-1]
        cand.status, cand.cue, cand.cue_tokens = src.status, src.cue, src.cue_tokens
        cand.proposers, cand.linked = agents, True

    def bullet_lists(self, cands: list[_Candidate]) -> None:
        """Link the items of a dashed/bulleted/numbered list to the act of its lead-in line.

        "The President put forward a number of initiatives:" followed by "– to create X;",
        "– to elaborate Y." lines: each item's first body (and any body already linked in
        it) is a proposal of the lead-in's agent, with the lead-in's cue. Under "The following
        documents were signed:" an unlinked item's body is adopted, collectively.
        """
        doc = self.doc
        lead: tuple[_Cue, list[str]] | None = None
        items: list[tuple[int, int, tuple[_Cue, list[str]]]] = []
        prev_line: tuple[int, int] | None = None  # token range of the previous non-blank line
        prev_was_item = False
        i = 0
        n = len(doc)
        while i < n:
            if doc[i].is_space:
                i += 1
                continue
            start = i
            while i < n and not (doc[i].is_space and "\n" in doc[i].text):
                i += 1
            end = i  # [start, end): one line
            first = start  # the marker: "– ...", "• ...", "1) ...", "2. ..."
            if _NUMBERED.fullmatch(doc[start].text) and start + 1 < end:
                if doc[start + 1].text in (")", "."):
                    first = start + 1
                is_item = doc[first].text[-1] in ").:" and end - first > 1
            else:
                is_item = doc[start].text in _BULLETS and end - start > 1
            if is_item:
                if prev_line is not None and doc[prev_line[1] - 1].text == ":":
                    lead = self.lead_in(prev_line[0], prev_line[1])
                elif not prev_was_item:
                    lead = None
                if lead is not None:
                    items.append((first + 1, end, lead))
            prev_line, prev_was_item = (start, end), is_item
        items.extend(self.inline_enumerations())
        if not items:
            return
        ordered = sorted(cands, key=lambda c: c.start_char)
        for start, end, (cue, agents) in items:
            lo, hi = doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
            inside = [c for c in ordered if lo <= c.start_char and c.end_char <= hi]
            for k, cand in enumerate(inside):
                if k > 0 and not cand.linked:
                    continue
                first = self._char_tokens(cand)[0]
                if any(
                    t.tag_ in ("VBD", "VBZ", "VBP", "MD") and t.dep_ not in ("aux", "auxpass")
                    for t in doc[start:first]
                ):
                    break  # an item with its own finite clause reports something else
                if not cand.linked and not self.item_object(start, first):
                    continue  # "– the work of the Council of X": about another noun
                if cue.status != "proposed" and cand.linked:
                    continue  # "The leaders signed:": an item's own cue stands
                span = doc[cue.start : cue.end]
                cand.status, cand.linked = cue.status, True
                cand.cue, cand.cue_tokens = (span.start_char, span.end_char), (cue.start, cue.end)
                if not cand.proposers:
                    cand.proposers = list(agents)

    def enumeration_marker(self, i: int) -> tuple[int, int] | None:
        """Return (ordinal, first token after the marker) when an enumeration marker starts at
        token ``i`` ("First,", "Secondly,", "3)", "(2)") at the start of a sentence or after a
        colon/semicolon, else None."""
        doc = self.doc
        t = doc[i]
        rank = _ORDINAL_ADVERBS.get(t.lower_)
        if rank is not None:
            if i + 1 >= len(doc) or doc[i + 1].text != ",":
                return None
            after = i + 2
        elif t.text == "(" and i + 2 < len(doc) and doc[i + 2].text == ")":
            if not doc[i + 1].text.isdigit() or len(doc[i + 1].text) > 2:
                return None
            rank, after = int(doc[i + 1].text), i + 3
        elif t.text[:-1].isdigit() and t.text[-1] == ")" and len(t.text) <= 3:
            rank, after = int(t.text[:-1]), i + 1
        elif t.text.isdigit() and len(t.text) <= 2 and i + 1 < len(doc) and doc[i + 1].text == ")":
            rank, after = int(t.text), i + 2
        else:
            return None
        prev = doc[i - 1] if i > 0 else None
        opens = prev is None or prev.text in (":", ";", ".") or "\n" in prev.text or t.is_sent_start
        return (rank, after) if opens and after < len(doc) else None

    def inline_enumerations(self) -> list[tuple[int, int, tuple[_Cue, list[str]]]]:
        """Return the items of enumerations run inside a paragraph ("put forward several
        proposals: First, X. Second, Y." / "1) X; 2) Y") with the act of their lead-in: the
        clause before the first marker, or the sentence before it when the marker opens a
        sentence ("X put forward proposals. Firstly, ..."). A series ends at a paragraph break."""
        doc = self.doc
        markers: list[tuple[int, int, int]] = []  # (marker token, rank, first item token)
        for i in range(len(doc)):
            found = self.enumeration_marker(i)
            if found is not None:
                markers.append((i, found[0], found[1]))
        items: list[tuple[int, int, tuple[_Cue, list[str]]]] = []
        lead: tuple[_Cue, list[str]] | None = None
        expect = 0
        for k, (i, rank, after) in enumerate(markers):
            if rank == 1:
                s = self.ss[i]
                if s == i and s > 0 and not self.paragraph_between(s - 1, i):
                    lead = self.lead_in(self.ss[s - 1], s)  # "... proposals. Firstly, ..."
                else:
                    lead = self.lead_in(s, i) if s < i else None
                if lead is None:
                    # "Aliyev set out his ideas. Firstly, he proposed X. Secondly, Y.": the first
                    # item's own proposal leads the series
                    found_lead = self.lead_in(after, self.se[after])
                    lead = found_lead if found_lead and found_lead[0].status == "proposed" else None
                expect = 2
            elif rank != expect or lead is None:
                lead, expect = None, 0
                continue
            else:
                expect += 1
            if lead is None:
                continue
            end = self.se[after]
            if k + 1 < len(markers) and markers[k + 1][0] < end:
                end = markers[k + 1][0]
            while end > after and doc[end - 1].text in (";", ".", ","):
                end -= 1
            if end > after:
                items.append((after, end, lead))
            if k + 1 < len(markers) and self.paragraph_between(i, markers[k + 1][0]):
                lead, expect = None, 0
        return items

    def item_object(self, start: int, first: int) -> bool:
        """Return True when the name at token ``first`` is what its list item (from ``start``)
        is about: nothing but its verb, articles and adjuncts before it, or a cue noun + "of"
        ("– the creation of X")."""
        doc = self.doc
        i = first - 1
        while i >= start and (doc[i].lower_ in _DETS or doc[i].pos_ == "ADJ"):
            i -= 1
        if i < start or doc[i].pos_ != "ADP":
            return True
        return doc[i].lower_ == "of" and i - 1 >= start and (i - 1) in self.cue_at

    def lead_in(self, start: int, end: int) -> tuple[_Cue, list[str]] | None:
        """Return the lead-in cue of line [start, end) and its agents: the main verb's act when
        it reports one ("The following documents were signed:", no agents), else the first
        proposal cue ("The President put forward initiatives:"); None for a decision ("The
        leaders agreed:") or a line with neither."""
        for t in self.doc[start:end]:
            root = t.head.i == t.i or not (start <= t.head.i < end)
            cue = self.cue_at.get(t.i)
            if root and cue is not None and cue.status == "commit":
                return None  # "The leaders agreed:": each item's own verb decides
            if root and cue is not None and cue.status in ("established", "adopted"):
                return cue, []  # "The following documents were signed:": a collective act
        for t in self.doc[start:end]:
            cue = self.cue_at.get(t.i)
            if cue is not None and cue.status == "proposed" and t.i == cue.start:
                return cue, self.agent_of(t) or []
        return None

    def coordinated_lists(self, cands: list[_Candidate]) -> None:
        """Link a named body coordinated after a linked one ("adopted the Astana Statement on X,
        as well as the CICA Statement on Y and the Statement on Z"): same cue, status and
        proposers. Only conjunctions, commas and articles may stand between the two names."""
        doc = self.doc
        ordered = sorted(cands, key=lambda c: c.start_char)
        for k in range(1, len(ordered)):
            cand, prev = ordered[k], ordered[k - 1]
            if cand.linked or not prev.linked or prev.sent_start != cand.sent_start:
                continue
            head = doc[cand.head]
            if not (cand.quoted or _cap(head)) or head.dep_ in ("nsubj", "nsubjpass"):
                continue
            gap = doc[self._char_tokens(prev)[1] : self._char_tokens(cand)[0]]
            words = [t.lower_ for t in gap]
            if not any(w in (",", "and", "or") for w in words) or not all(
                w in _LIST_GLUE or w in _DETS for w in words
            ):
                continue
            cand.status, cand.cue, cand.cue_tokens = prev.status, prev.cue, prev.cue_tokens
            cand.proposers, cand.linked = list(prev.proposers), True

    def resolve_pronoun_objects(self, cands: list[_Candidate]) -> None:
        """Upgrade or link a body when a following clause establishes/adopts "it" ("The
        centrepiece was the Treaty on X. ... it was signed by ...")."""
        doc = self.doc
        pool = sorted(
            (c for c in cands if c.linked or c.quoted or _cap(doc[c.head])),
            key=lambda c: c.start_char,
        )
        if not pool:
            return
        for tok in doc:
            if tok.lower_ != "it" or tok.dep_ not in ("dobj", "nsubjpass"):
                continue
            cue = self.cue_for(tok.head)
            if cue is None or cue.status not in ("established", "adopted"):
                continue
            if self.dated_history(tok.head, cue):
                continue
            prior = [c for c in pool if c.end_char <= tok.idx]
            if not prior:
                continue
            target = prior[-1]
            near = {self.ss[tok.i], self._prev_sent_start(tok)}
            if target.linked:
                if self.ss[target.head] not in near:
                    continue
            else:
                # an unlinked name: the topic of one of the two sentences before, never the
                # subject of its own report ("The Council met on Monday. It was created ...")
                if doc[target.head].dep_ in ("nsubj", "nsubjpass"):
                    continue
                near.add(self.ss[self._prev_sent_start(tok) - 1] if min(near) > 0 else 0)
                if self.ss[target.head] not in near or self.paragraph_between(target.head, tok.i):
                    continue
            span = doc[cue.start : cue.end]
            if not target.linked:
                target.status, target.linked, target.proposers = cue.status, True, []
                target.cue_tokens = (cue.start, cue.end)
                target.cue = (span.start_char, span.end_char)
            elif _STATUS_RANK[cue.status] > _STATUS_RANK.get(target.status or "proposed", 0):
                target.status = cue.status
                target.cue = (span.start_char, span.end_char)

    def support_statements(self, cands: list[_Candidate]) -> None:
        """Add supporters from a later statement about the proposal.

        "These initiatives were supported by Kyrgyzstan" (the proposals of the sentence before)
        and "welcomed the Turkmen initiative on the forum" (the last forum proposed).
        """
        doc = self.doc
        proposed = sorted(
            (c for c in cands if c.linked and c.status == "proposed"), key=lambda c: c.start_char
        )
        if not any(c.linked for c in cands):
            return
        for t in doc:
            cue = self.cue_for(t)
            if cue is None:
                continue
            if cue.status == "adopted" and t.pos_ == "VERB":
                self.endorsed_proposal(t, cands)
                continue
            if cue.status != "support":
                continue
            if t.pos_ == "NOUN" and t.dep_ == "dobj" and t.head.pos_ == "VERB":
                # "expressed support for the initiative": the verb's subject, the for-object
                themes = [
                    o
                    for p in t.children
                    if p.dep_ == "prep" and p.lower_ == "for"
                    for o in p.children
                    if o.dep_ == "pobj"
                ]
                t = t.head
            elif t.pos_ == "VERB":
                themes = [c for c in t.children if c.dep_ in ("dobj", "nsubjpass")]
            else:
                continue
            theme_cue = self.cue_for(themes[0]) if themes else None
            # "Bishkek and Dushanbe supported it": the proposal just reported
            pronoun = bool(themes) and themes[0].lower_ == "it"
            count = self.counted_theme(themes[0]) if themes else None
            named = self.named_theme(themes[0], t, cands) if themes else None
            if (
                not pronoun
                and count is None
                and named is None
                and (theme_cue is None or theme_cue.status not in ("proposed", "light"))
            ):
                continue
            theme = themes[0]
            if any(c.dep_ == "acl" for c in theme.children):
                continue  # "the initiative of the Russian side to open ...": another proposal
            # "The initiative of Kyrgyzstan was supported": only that proposer's bodies
            owners = (
                (self.agent_here(theme) or [])
                if any(c.dep_ == "prep" and c.lower_ == "of" for c in theme.children)
                else []
            )
            agents = self.support_agents(t)
            node = t
            for _ in range(4):
                # "X suggested ... and welcomed ...", "Putin said Moscow supported the idea"
                if agents or node.dep_ not in ("conj", "ccomp", "xcomp"):
                    break
                node = node.head
                agents = self.support_agents(node)
            if not agents:
                continue
            agents = self.as_reporters(t, agents)
            targets: list[_Candidate] = []
            about = [
                o
                for p in [*theme.children, *t.children]  # the parser may hang "on X" on the verb
                if p.dep_ == "prep" and p.lower_ in ("on", "about", "of", "for")
                for o in p.children
                if o.dep_ == "pobj" and self.head_entry(o) is not None
            ]
            before = [
                c
                for c in proposed
                if c.end_char <= t.idx and (not owners or set(owners) & set(c.proposers))
            ]
            if named is not None:
                targets = [named]
            elif count is not None:
                # "welcomed all three": the last n proposals of this paragraph
                near = [c for c in before if not self.paragraph_between(c.head, t.i)]
                targets = near[-count:] if len(near) >= count else []
            elif about:
                found = self.head_entry(about[0])
                kind = found[0].kind if found else None
                targets = [c for c in before if c.kind == kind][-1:]
            elif pronoun:
                here = [c for c in before if c.sent_start == self.ss[t.i]]
                prev = [c for c in before if c.sent_start == self._prev_sent_start(t)]
                targets = (here or prev)[-1:]
            elif any(c.lower_ in ("this", "these", "the", "such") for c in theme.children):
                here = [c for c in before if c.sent_start == self.ss[t.i]]
                prev = [c for c in before if c.sent_start == self._prev_sent_start(t)]
                targets = here or prev
                if not targets and not self.is_plural(theme):
                    # "X proposed A. X added ... . Y backed the idea.": the paragraph's last one
                    para = [c for c in before if not self.paragraph_between(c.head, t.i)]
                    targets = para[-1:]
            for cand in targets:
                for name in agents:
                    if name not in cand.supporters and name not in cand.proposers:
                        cand.supporters.append(name)

    def endorsed_proposal(self, verb: Token, cands: list[_Candidate]) -> None:
        """Add a named subject of an adoption verb as supporter when its object names back a
        body someone else proposed ("Rahmon endorsed the dialogue on minerals"): one leader or
        country cannot adopt a joint body, so the endorsement is support."""
        objs = [c for c in verb.children if c.dep_ == "dobj"]
        subj = [c for c in verb.children if c.dep_ == "nsubj"]
        if not objs or not subj:
            return
        agents = self.resolve(subj[0])
        if len(agents) != 1:
            return
        body = self.named_theme(objs[0], verb, cands)
        if body is None or body.status != "proposed" or agents[0] in body.proposers:
            return
        if agents[0] not in body.supporters:
            body.supporters.append(agents[0])

    def counted_theme(self, theme: Token) -> int | None:
        """Return n for a theme counting the proposals just made ("all three", "both", "all
        three proposals"), else None."""
        if theme.lower_ == "both" and theme.pos_ in ("PRON", "DET", "NOUN"):
            return 2
        words = [w.lower_ for w in theme.subtree]
        if "all" not in words:
            return None
        for w in words:
            if w in _SMALL_NUMBERS:
                return _SMALL_NUMBERS[w]
            if w.isdigit() and 1 < int(w) < 10:
                return int(w)
        return None

    def named_theme(self, theme: Token, verb: Token, cands: list[_Candidate]) -> _Candidate | None:
        """Return the body a supported theme names back: a body-head noun with "the"/"this" or a
        leader's possessive ("backed the bank", "endorsed the dialogue on minerals", "backed
        Mirziyoyev's council") -> the last linked body of that kind before ``verb`` (of that
        leader, with a possessive), or None."""
        found = self.head_entry(theme)
        if found is None or _cap(theme) or self.is_plural(theme):
            return None
        owner = [c for c in theme.children if c.dep_ == "poss"]
        owners = self.resolve(owner[0]) if owner else []
        if owner and not owners:
            return None
        if not owner and not any(c.lower_ in ("the", "this", "that") for c in theme.children):
            return None
        kind = found[0].kind
        earlier = [
            c
            for c in cands
            if c.linked
            and c.kind == kind
            and c.end_char <= verb.idx
            and (not owners or set(owners) & set(c.proposers))
        ]
        return max(earlier, key=lambda c: c.start_char) if earlier else None

    def _prev_sent_start(self, tok: Token) -> int:
        s = self.ss[tok.i]
        return self.ss[s - 1] if s > 0 else s

    # ------------------------------------------------------------------ merging
    def merge(self, cands: list[_Candidate]) -> list[Span]:
        """Return one span per body, its dict holding every mention of it."""
        doc = self.doc
        records: list[dict[str, Any]] = []
        mains: list[_Candidate] = []
        for cand in sorted((c for c in cands if c.linked), key=lambda c: c.start_char):
            same = self.same_body(cand, mains, loose=self.back_reference(cand))
            if same is not None:
                rec = records[mains.index(same)]
                rec["mentions"].append([cand.start_char, cand.end_char])
                if _STATUS_RANK[cand.status or "proposed"] > _STATUS_RANK[rec["status"]]:
                    rec["status"] = cand.status
                if not rec["proposers"] and cand.proposers:
                    rec["proposers"] = list(cand.proposers)
                for name in cand.supporters:  # "the initiative on the X was supported by Y"
                    if name not in rec["supporters"] and name not in rec["proposers"]:
                        rec["supporters"].append(name)
                continue
            mains.append(cand)
            cue_span = cand.cue
            records.append(
                {
                    "start": cand.start_char,
                    "end": cand.end_char,
                    "kind": cand.kind,
                    "status": cand.status,
                    "proposers": list(cand.proposers),
                    "supporters": list(cand.supporters),
                    "cue": self.text[cue_span[0] : cue_span[1]] if cue_span else None,
                    "cue_start": cue_span[0] if cue_span else None,
                    "cue_end": cue_span[1] if cue_span else None,
                    "mentions": [[cand.start_char, cand.end_char]],
                }
            )
        for cand in cands:
            if cand.linked:
                continue
            same = self.same_body(cand, mains)
            if same is not None:
                rec = records[mains.index(same)]
                if [cand.start_char, cand.end_char] not in rec["mentions"]:
                    rec["mentions"].append([cand.start_char, cand.end_char])
        spans: list[Span] = []
        for rec in records:
            rec["mentions"].sort()
            span = doc.char_span(
                rec["start"], rec["end"], label=rec["kind"], alignment_mode="expand"
            )
            if span is None:
                continue
            span._.summit_body = rec
            spans.append(span)
        return spans

    def back_reference(self, cand: _Candidate) -> bool:
        """Return True for a lower-case definite name ("the proposal on the critical minerals
        centre"): a short way of referring back to a body named earlier in full."""
        text = self.text[cand.start_char : cand.end_char]
        first = self._char_tokens(cand)[0]
        return (
            not cand.quoted
            and text == text.lower()
            and first > 0
            and self.doc[first - 1].lower_ == "the"
        )

    @staticmethod
    def same_body(
        cand: _Candidate, mains: Iterable[_Candidate], loose: bool = False
    ) -> _Candidate | None:
        """Return the earlier body ``cand`` is a mention of, or None; ``loose``: the words of a
        back-reference may come in another order ("the minerals centre" for "Centre for
        Minerals")."""
        for main in mains:
            if main.kind != cand.kind or (main.start_char == cand.start_char):
                continue
            small, big = sorted((cand.key, main.key), key=len)
            if len(small) >= 2 and _subsequence(small, big):
                return main
            if loose and len(cand.key) >= 2 and set(cand.key) <= set(main.key):
                return main
        return None


# office nouns that, bare, refer back to the leader just named; modifiers they may keep
_BARE_OFFICES = frozenset({"president", "leader", "head", "premier"})
_OFFICE_MODS = frozenset({"prime"})
# modals under which an act is argued for, not reported
_ADVOCATING_MODALS = frozenset({"should", "must", "could", "might", "ought", "need"})
# list-item markers at the start of a line
_BULLETS = frozenset({"–", "-", "—", "•", "*", "·", "▪"})
_NUMBERED = re.compile(r"\d{1,2}[.)]?")
_ORDINAL_WORDS = frozenset({"First", "Second", "Third", "Fourth", "Fifth", "Sixth"})
_TIME_NOUNS = frozenset({"year", "month", "week", "spring", "summer", "autumn", "winter"})
_CURRENCY_CODES = frozenset({"USD", "EUR", "CNY", "RUB", "KZT", "UZS", "JPY", "KRW", "GBP"})
_SCALE_WORDS = frozenset({"million", "billion", "trillion", "thousand", "bn", "mln", "percent"})
_SMALL_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
# sentence-initial enumeration adverbs and their rank ("Secondly, a Centre for X.")
_ORDINAL_ADVERBS = {
    w: n
    for n, ws in enumerate(
        (
            ("first", "firstly"),
            ("second", "secondly"),
            ("third", "thirdly"),
            ("fourth", "fourthly"),
            ("fifth", "fifthly"),
            ("sixth", "sixthly"),
        ),
        start=1,
    )
    for w in ws
}
# words that may join two coordinated names ("A, as well as B and the C")
_LIST_GLUE = frozenset({",", "and", "or", "as", "well", "also", "along", "together", "with"})

# function words ignored when comparing two mentions of a body
_STOP = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "for",
        "on",
        "and",
        "or",
        "to",
        "in",
        "at",
        "by",
        "with",
        "between",
        "among",
        "within",
        "across",
        "against",
        "into",
        "as",
        "its",
        "their",
        "this",
        "that",
        "these",
        "those",
    ]
)


def _subsequence(small: tuple[str, ...], big: tuple[str, ...]) -> bool:
    """Return True when the words of ``small`` occur in ``big`` in the same order."""
    it = iter(big)
    return all(word in it for word in small)


def _cap(tok: Token) -> bool:
    """Return True for a capitalised word or an acronym ("Regional", "UN", "Xi'an")."""
    return tok.text[:1].isupper()


@Language.factory(
    "summit_bodies",
    assigns=["doc.spans", "span._.summit_body"],
    requires=["token.dep", "token.lemma", "token.pos"],
    default_config={
        "heads_file": "body_heads.jsonl",
        "cues_file": "body_cues.jsonl",
        "countries_file": "leader_roles.jsonl",
        "max_name_tokens": 40,
        "carry_over": True,
    },
)
def make_bodies(
    nlp: Language,
    name: str,
    heads_file: str,
    cues_file: str,
    countries_file: str,
    max_name_tokens: int,
    carry_over: bool,
) -> SummitBodies:
    """Return the summit_bodies component configured from its factory config."""
    return SummitBodies(
        nlp,
        name,
        heads_file=heads_file,
        cues_file=cues_file,
        countries_file=countries_file,
        max_name_tokens=max_name_tokens,
        carry_over=carry_over,
    )
