"""Speaker resolution: which leader (or named person) a quotation's speaker mention is.

Reads the speaker mention chosen by the attribution stage (a token range and its head), the
leader mentions of ``doc.spans["leaders"]`` with ``doc._.summit_leaders`` (canonical names and
offices), PERSON entities and the lexicon's pronouns, role and title words. Decides the record's
``speaker``, ``speaker_kb_id`` and the ``speaker_text/start/end`` mention: the leader whose span
covers the mention; for a pronoun the latest leader outside quotations
(:meth:`Speaker.pronoun_antecedent`); for a bare role ("the president") the latest fitting
leader; otherwise the person's name without titles, completed from an earlier mention.
A pronoun resolved to a leader also becomes a ``pronoun`` leader mention.
"""

from __future__ import annotations

import bisect
import re
from typing import Any

from spacy.tokens import Span, Token

from pipeline.components.common.mentions import reporting_subjects
from pipeline.extensions import LEADERS_GROUP

from .attribution import Attribution
from .docstate import LeaderMention, QuoteItem

#: which of a leader's mentions inside the speaker phrase names them best
NAME_PRIORITY = {"name": 0, "surname": 1, "role": 2, "pronoun": 3}


class Speaker(Attribution):
    """Resolve speaker mentions to canonical leaders or written names."""

    def resolve(self, q: QuoteItem) -> dict[str, Any]:
        """Return the speaker fields of the record for ``q``."""
        doc = self.doc
        out: dict[str, Any] = {
            "speaker": None,
            "speaker_kb_id": None,
            "speaker_text": None,
            "speaker_start": None,
            "speaker_end": None,
        }
        if q.speaker is None or q.speaker_head is None:
            return out
        s, e = q.speaker
        if e <= s or self.in_quote[q.speaker_head]:
            return out
        head = doc[q.speaker_head]
        span = doc[s:e]
        out.update(speaker_start=span.start_char, speaker_end=span.end_char, speaker_text=span.text)
        out["speaker"] = span.text
        people: dict[str, dict[str, Any]] = doc._.summit_leaders or {}
        found = self.leaders_over(head.idx, head.idx + len(head)) or [
            m for m in self.leaders_over(span.start_char, span.end_char) if not self.owns(m)
        ]
        if found:
            kb = found[0].kb_id
            same = sorted(
                (m for m in self.leaders_over(span.start_char, span.end_char) if m.kb_id == kb),
                key=lambda m: NAME_PRIORITY.get(m.label, 9),
            )
            best = same[0] if same else found[0]
            self._set_leader(out, kb, best, people)
            keep = ("split", "continuation", "in_words")
            if head.lower_ in self.lex.pronouns and q.attribution not in keep:
                self.set_speaker(q, q.speaker_head, q.speaker, "pronoun")
            return out
        if head.lower_ in self.lex.pronouns:
            self.resolve_pronoun(q, head, out, people)
            return out
        if head.lower_ in self.lex.other_pronouns or head.lower_ in self.lex.non_speakers:
            out["speaker"] = None
            return out
        if head.lower_ in self.lex.role_nouns and not any(
            t.is_title for t in span if t.i != head.i
        ):
            leader = self.fitting_leader(head, people)
            if leader is not None:
                self._set_leader(out, leader.kb_id, self.naming(leader, head.idx), people)
                return out
        if self.is_home_title(span):
            leader = self.home_leader(people, head.idx)
            if leader is not None:
                self._set_leader(out, leader.kb_id, self.naming(leader, head.idx), people)
                return out
        self.resolve_named(span, head, out)
        return out

    def is_home_title(self, span: Span) -> bool:
        """True for "the Head of State" (a ``home_title`` of the lexicon), articles aside."""
        words = " ".join(t.lower_ for t in span if t.lower_ not in ("the", "a"))
        return words in self.lex.home_titles

    def home_leader(self, people: dict[str, dict[str, Any]], before: int) -> LeaderMention | None:
        """The head of state the text is about: the first one it mentions (before ``before``).

        Agency and press-service copy calls its own president "the Head of State" after naming
        him first; a later guest named in between is not meant.
        """
        for m in self.leaders:
            if m.end > before:
                return None
            info = people.get(m.kb_id, {})
            if m.label != "pronoun" and not info.get("organisation"):
                office = (info.get("office") or "").lower()
                if not any(w in office for w in self.lex.home_title_excluded):
                    return m
        return None

    def owns(self, m: LeaderMention) -> bool:
        """True when leader mention ``m`` is a possessive owner ("the President's spokesman").

        The speaker is then the owned person, not the leader named inside the phrase.
        """
        after = self.tok_at(m.end - 1) + 1
        return after < len(self.doc) and self.doc[after].lower_ in ("'s", "’s", "'", "’")

    def resolve_named(self, span: Span, head: Token, out: dict[str, Any]) -> None:
        """Fill ``out`` for a speaker who is no leader: the name as written, completed.

        An unnamed source ("a senior official") is no speaker; "the minister" is the
        non-leader last quoted with that title.
        """
        name = self.name_in(span, head)
        if name is None and span[0].lower_ in self.lex.indefinites:
            # "a senior Gulf official": an unnamed source is no speaker
            out.update(speaker=None, speaker_text=None, speaker_start=None, speaker_end=None)
            return
        if name is not None:
            out.update(
                speaker_start=name.start_char, speaker_end=name.end_char, speaker_text=name.text
            )
            out["speaker"] = self.full_name(name)
            self.named.append(({t.lower_ for t in span}, out["speaker"]))
        elif head.lower_ in self.lex.title_words and span[0].lower_ == "the":
            # "The minister added": the non-leader last quoted with that title
            for words, who in reversed(self.named):
                if head.lower_ in words:
                    out["speaker"] = who
                    break

    def name_in(self, span: Span, head: Token) -> Span | None:
        """Return the person's name inside the speaker phrase, without titles."""
        ent = self.person_in(span, head)
        if ent is not None:
            s, e = ent.start, ent.end
        elif self.is_name_word(head):
            s, e = head.i, head.i + 1
        elif head.lower_ in self.lex.title_words:
            # "Minister of Foreign Affairs Murat Nurtleu": the name closes the title phrase.
            # The name follows the title; a country is not a person's name ("the Kazakh
            # leader", "the leader of Tajikistan").
            names = [
                t.i
                for t in span
                if t.i > head.i
                and self.is_name_word(t)
                and t.ent_type_ not in ("GPE", "NORP", "LOC")
            ]
            if not names:
                return None
            s, e = names[-1], names[-1] + 1
        else:
            return None
        owner = [t for t in range(s, e) if self.doc[t].lower_ in ("'s", "’s")]
        if owner:
            s = owner[-1] + 1  # "Mirziyoyev's adviser X": the owner is not the name
        while s < e and not self.is_name_word(self.doc[s]):
            s += 1  # "Ms Mammedova" → "Mammedova"
        s = self.name_start(s, span.start)  # the tagger often stops short of a first name
        return self.doc[s:e] if s < e else None

    def person_in(self, span: Span, head: Token) -> Span | None:
        """Return the PERSON entity inside the speaker phrase (the one with its head first)."""
        found = [
            p
            for p in self.people
            if p.start < span.end
            and span.start < p.end
            and not (p.end < len(self.doc) and self.doc[p.end].lower_ in ("'s", "’s"))
        ]  # an owner ("Mirziyoyev's adviser X") is not the speaker
        with_head = [p for p in found if p.start <= head.i < p.end]
        if with_head:
            return with_head[0]
        return found[0] if found else None

    def _set_leader(
        self, out: dict[str, Any], kb: str, m: LeaderMention, people: dict[str, dict[str, Any]]
    ) -> None:
        """Fill ``out`` with leader ``kb``: canonical name, and mention ``m`` as speaker text."""
        out["speaker_kb_id"] = kb
        out["speaker"] = people.get(kb, {}).get("name") or self.text[m.start : m.end]
        out.update(
            speaker_start=m.start, speaker_end=m.end, speaker_text=self.text[m.start : m.end]
        )

    def resolve_pronoun(
        self, q: QuoteItem, head: Token, out: dict[str, Any], people: dict[str, dict[str, Any]]
    ) -> None:
        """he/she/his → the leader (or person) of :meth:`pronoun_antecedent`."""
        leader, person = self.pronoun_antecedent(head.idx)
        if q.attribution not in ("split", "in_words", "continuation"):
            self.set_speaker(q, q.speaker_head, q.speaker, "pronoun")
        if leader is not None:
            self._set_leader(out, leader.kb_id, self.naming(leader, head.idx), people)
            if LEADERS_GROUP in self.doc.spans:
                span = self.doc[head.i : head.i + 1]
                self.new_leader_spans.append(
                    Span(self.doc, span.start, span.end, label="pronoun", kb_id=leader.kb_id)
                )
        elif person is not None:
            out["speaker"] = person.text
        else:
            out["speaker"] = None

    def pronoun_antecedent(self, before: int) -> tuple[LeaderMention | None, Span | None]:
        """The quotes pronoun rule: the latest leader mentioned outside quotations before ``before``.

        Returns ``(leader, None)`` when the latest non-pronoun leader mention that ends before
        character ``before`` and does not start inside a quotation is at least as recent as the
        latest such PERSON entity (a person starting at or before that mention's end); else
        ``(None, person)`` for that latest person (a non-leader speaker, kept as written), or
        ``(None, None)``. No sentence or paragraph limit, no gender or number check. The
        subject of a sentence-final reporting clause about another person ("…, his spokesman
        X said.": :func:`~pipeline.components.common.mentions.reporting_subjects`) is not the
        sentence's topic and is skipped, as a leader and as a person.
        """
        reporters = self.reporters

        def fits(m: LeaderMention) -> bool:
            tok = self.tok_at(m.start)
            return m.label != "pronoun" and not self.in_quote[tok] and tok not in reporters

        leader = self.leaders.latest_before(before, fits)
        person = None
        people = self.people
        k = bisect.bisect_left(self.people_starts, before) - 1
        while k >= 0:
            ent = people[k]
            reporting = any(t in reporters for t in range(ent.start, ent.end))
            if ent.end_char <= before and not self.in_quote[ent.start] and not reporting:
                person = ent
                break
            k -= 1
        if leader is not None and (person is None or person.start_char <= leader.end):
            return leader, None
        return None, person

    @property
    def reporters(self) -> set[int]:
        """Tokens of the subjects of sentence-final reporting clauses (computed once)."""
        if self._reporters is None:
            self._reporters = reporting_subjects(
                self.doc, self.index, self.cue_starts, self.person_like
            )
        return self._reporters

    @property
    def people_starts(self) -> list[int]:
        """Start characters of the PERSON entities, for bisection."""
        if self._people_starts is None:
            self._people_starts = [p.start_char for p in self.people]
        return self._people_starts

    def naming(self, leader: LeaderMention, before: int) -> LeaderMention:
        """Return the latest name or surname mention of ``leader``'s person before ``before``.

        A pronoun's or bare role's speaker mention is the nearest earlier naming span (as the
        gold does); the role mention itself when the text never names the person.
        """
        found = self.leaders.latest_before(
            before,
            lambda m: m.label in ("name", "surname") and not self.in_quote[self.tok_at(m.start)],
            kb_id=leader.kb_id,
        )
        return found or leader

    def fitting_leader(
        self, head: Token, people: dict[str, dict[str, Any]]
    ) -> LeaderMention | None:
        """Resolve "the president": the most recent leader whose office fits the role noun."""
        role = head.lower_

        def fits(m: LeaderMention) -> bool:
            office = (people.get(m.kb_id, {}).get("office") or "").lower()
            if role in office or role in self.lex.generic_roles or not office:
                return True
            # "the crown prince": the title the text itself gave this leader
            return role in self.said_words(m.kb_id)

        return self.leaders.latest_before(head.idx, fits)

    def said_words(self, kb_id: str) -> set[str]:
        """Return the lower-cased words of every mention of leader ``kb_id`` (cached)."""
        words = self._said.get(kb_id)
        if words is None:
            words = {
                w.lower()
                for x in self.leaders.by_kb.get(kb_id, [])
                for w in self.text[x.start : x.end].split()
            }
            self._said[kb_id] = words
        return words

    def full_name(self, name: Span) -> str:
        """Return the fullest earlier mention of the same person (Qin → Qin Gang).

        An earlier PERSON entity with the same word anywhere (family names come first in
        Chinese names), or an earlier run of capitalised words ending with it.
        """
        doc, last, best = self.doc, name[-1].text, name.text
        for other in self.people:
            if other.start >= name.start:
                break
            if any(t.text == last for t in other) and len(other.text) > len(best):
                best = other.text
        word = re.compile(rf"(?<!\w){re.escape(last)}(?!\w)")
        for match in word.finditer(self.text, 0, name.start_char):
            i = self.tok_at(match.start())
            if doc[i].idx != match.start() or doc[i].text != last:
                continue
            s = self.name_start(i, 0)
            candidate = doc[s : i + 1].text
            if len(candidate) > len(best) and len(candidate.split()) <= 4:
                best = candidate
        return best
