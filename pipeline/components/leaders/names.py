"""Names: which token runs are base people's names, surnames, initialled names or misspellings.

Reads token texts (ORTH), capitals, the tokens around a match, PERSON entities (fuzzy links) and
POS (is a capitalised word before a surname another given name?). Decides nothing about who a
surname is: that is :mod:`.resolve`. Patronymics are skipped ("Vladimir Vladimirovich Putin"),
initials are found ("Sh. Mirziyoyev", "K.Tokayev"), and rapidfuzz links spellings the base lacks.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from rapidfuzz import fuzz, process
from spacy.attrs import ORTH
from spacy.tokens import Doc

from pipeline.components.common.text import is_capitalised, is_dash

from .kb import KnowledgeBase
from .tables import Entry, Hit, fold, scan
from .words import next_word, other_given_name, prev_word, written_as

# initials before a surname: "E.", "Sh.", "K.-J.", "Sh" + "."; glued: "K.Tokayev"
INITIALS = re.compile(r"^(?:[A-Z][a-z]?\.)(?:-?[A-Z][a-z]?\.)*$")
_INITIAL = re.compile(r"^[A-Z][a-z]?$")
_GLUED = re.compile(r"^((?:[A-Z][a-z]?\.-?){1,3})([A-Z][^\W\d_][\w'’-]+)$")
# letter pairs that transliterations swap ("Zheenbekov"/"Jeenbekov", "Rakhmon"/"Rahmon")
_TRANSLIT = (("dzh", "j"), ("zh", "j"), ("kh", "h"), ("q", "k"), ("w", "v"), ("x", "ks"))


def consonants(folded: str) -> str:
    """Return the consonant skeleton of a folded surname: transliteration pairs merged, vowels
    and "y" dropped, doubled letters collapsed ("japparov" and "japarov" -> "jprv").

    Misspellings and transliterations of one name differ in vowels and doubled letters; a
    different consonant makes another family ("Tokarev" is not "Tokayev")."""
    for a, b in _TRANSLIT:
        folded = folded.replace(a, b)
    out = [c for c in folded if c not in "aeiouy"]
    return "".join(c for i, c in enumerate(out) if i == 0 or c != out[i - 1])


class Names:
    """Name matching over a document's token keys, with the checks that make a hit a name."""

    def __init__(self, kb: KnowledgeBase, fuzzy_cutoff: float) -> None:
        self.kb = kb
        self.fuzzy_cutoff = fuzzy_cutoff

    def keys(self, doc: Doc) -> tuple[list[str], list[tuple[int, str]]]:
        """Return the token texts of ``doc`` and the (index, folded text) keys to match over:
        dash tokens and patronymics left out."""
        strings = doc.vocab.strings  # token texts without building Token objects
        words = [strings[h] for h in doc.to_array(ORTH).tolist()]
        keys = [
            (i, fold(w))
            for i, w in enumerate(words)
            if not is_dash(w)
            # "Hero-Arkadag Gurbanguly Berdimuhamedov": a base given name that happens to end
            # like a patronymic (-guly / -uly) is the name itself
            and (not self.is_patronymic(words, i) or self.given_name_first(words, i))
        ]
        return words, keys

    def hits(
        self, doc: Doc, words: Sequence[str], keys: list[tuple[int, str]]
    ) -> tuple[list[Hit], dict[int, str]]:
        """Return the name hits that pass :meth:`name_ok`, and the glued initials by token
        ("K.Tokayev" is one token: its surname part is matched, its initials kept apart)."""
        glued: dict[int, str] = {}
        keys = list(keys)
        for n, (i, _) in enumerate(keys):
            match = _GLUED.match(words[i]) if "." in words[i] else None
            if match:
                glued[i] = match.group(1)
                keys[n] = (i, fold(match.group(2)))
        hits = [h for h in scan(keys, self.kb.names) if self.name_ok(doc, h, glued)]
        hits.extend(self.misspelt_surnames(doc, words, hits))
        return sorted(hits, key=lambda h: h.start), glued

    def misspelt_surnames(self, doc: Doc, words: Sequence[str], hits: list[Hit]) -> list[Hit]:
        """Return surname hits for one-word spellings the base lacks ("Mirzoyoyev", "Japparov",
        "Berdimuhamedow"): a capitalised word within ``fuzzy_cutoff - 3`` (rapidfuzz ratio) of
        the surnames of exactly one family in the base, and with evidence that it is that
        person: a title or honorific right before it ("President Japparov"), a given name of
        that family before it ("Shavkat Mirzoyoyev"), or the same spelling used twice in the
        text. A feminine form ("Karimova" for "Karimov") is another person, and a word that
        is a country, role or other lexicon atom is never a surname.
        """
        kb = self.kb
        taken = {i for h in hits for i in range(h.start, h.end)}
        counts: dict[str, int] = {}
        for w in words:
            if len(w) >= 6 and w[:1].isupper():
                counts[w] = counts.get(w, 0) + 1
        out: list[Hit] = []
        cutoff = self.fuzzy_cutoff - 3  # "Tokarev" (86) is another family than "Tokayev"
        # only the capitalised words of six letters or more (those counted) can be surnames:
        # the token list is read once, and a Token is built for the few candidates only
        for i, text in enumerate(words):
            if i in taken or counts.get(text, 0) == 0:
                continue
            token = doc[i]
            if not token.is_alpha:
                continue
            if not is_capitalised(token) or text.isupper() or kb.atoms.word(text) is not None:
                continue
            key = fold(text)
            if key in kb.not_names or key in kb.honorifics or (key,) in kb.names.entries:
                continue  # a base spelling that :meth:`name_ok` turned down stays down
            before = prev_word(doc, token.i)
            hint = before is not None and (
                fold(before.text) in kb.honorifics or fold(before.text) in kb.given_words
            )
            if not hint and counts[text] < 2:
                continue  # no evidence possible: spare the fuzzy search
            close = process.extract(
                key, kb.fuzzy_surnames, scorer=fuzz.ratio, score_cutoff=cutoff, limit=None
            )
            # a misspelling keeps the first letters ("Sadykov" is not "Masadykov") and the
            # consonants ("Tokarev" is not "Tokayev")
            skeleton = consonants(key)
            close = [
                c for c in close if str(c[0])[:1] == key[:1] and consonants(str(c[0])) == skeleton
            ]
            families = {kb.fuzzy_surname_ids[c[2]] for c in close}
            if len(families) != 1:
                continue  # nothing close, or two families' surnames equally close
            (pids,) = families
            if any(key == str(c[0]) + "a" for c in close):
                continue  # "Karimova": a woman of another family, not "Karimov"
            titled = before is not None and fold(before.text) in kb.honorifics
            if titled and before is not None and fold(before.text) in kb.non_leader_titles:
                prime = prev_word(doc, before.i)  # "Foreign Minister Mirzoyev" is a minister
                titled = prime is not None and fold(prime.text) == "prime"
            given = before is not None and any(
                fold(before.text) in {fold(part) for g in kb.people[p].given for part in g.split()}
                for p in pids
            )
            repeated = counts[text] >= 2 and max(c[1] for c in close) >= self.fuzzy_cutoff
            if not (titled or given or repeated):
                continue
            start = before.i if given and before is not None else token.i
            kind = "name" if given else "surname"
            entries = [Entry(kind, p, (text,)) for p in sorted(pids)]
            hit = Hit(start, token.i + 1, entries, how="fuzzy")
            if self.name_ok(doc, hit, {}):  # "Mirzoyoyev University" is no person
                out.append(hit)
        return out

    def is_patronymic(self, words: Sequence[str], i: int) -> bool:
        """Return True for a patronymic between two capitalised names: "Vladimir Vladimirovich
        Putin", "Ilham Heydar oglu Aliyev" (both words of the two-word form)."""
        if not 0 < i < len(words) - 1:
            return False
        word, pwords = words[i], self.kb.patronymic_words
        if word in pwords:  # "oglu" after the father's name, before the surname
            return words[i - 1][:1].isupper() and words[i + 1][:1].isupper()
        if i + 2 < len(words) and words[i + 1] in pwords:  # the father's name
            return word[:1].isupper() and words[i - 1][:1].isupper() and words[i + 2][:1].isupper()
        return (
            word.endswith(self.kb.patronymic_ends)
            and self.kb.patronymic_re.match(word) is not None
            and words[i - 1][:1].isupper()
            and words[i + 1][:1].isupper()
        )

    def given_name_first(self, words: Sequence[str], i: int) -> bool:
        """Return True when ``words[i]`` is a base given name not preceded by another one: the
        first name itself ("Hero-Arkadag Gurbanguly Berdimuhamedov"), not a patronymic after a
        given name ("Ilham Heydar oglu Aliyev")."""
        if fold(words[i]) not in self.kb.given_words:
            return False
        j = i - 1
        while j >= 0 and is_dash(words[j]):
            j -= 1
        return j < 0 or fold(words[j]) not in self.kb.given_words

    def name_ok(self, doc: Doc, hit: Hit, glued: dict[int, str]) -> bool:
        """Return True when a name-table hit is written as a name of a person here: capitals as
        in the base, no institution after it ("Nazarbayev University"), and for a surname no
        other given name before it ("Jamshid Karimov")."""
        kb = self.kb
        tokens = [t for t in doc[hit.start : hit.end] if not is_dash(t.text)]
        if hit.start in glued:
            if hit.end - hit.start > 1 or any(e.kind != "surname" for e in hit.entries):
                return False  # only "K.Tokayev", not "K.Kassym-Jomart ..."
        elif not any(written_as(tokens, e.forms, kb.particles) for e in hit.entries):
            return False
        i = hit.end
        for _ in range(4):  # "Nazarbayev University", "Nursultan Nazarbayev International Airport"
            after = next_word(doc, i)
            if after is None or not is_capitalised(after):
                break
            if fold(after.text) in kb.org_heads:
                return False
            i = after.i + 1
        if all(e.kind == "surname" for e in hit.entries):
            before = prev_word(doc, hit.start)
            if (
                other_given_name(before, kb.honorifics)
                and before is not None
                and fold(before.text) not in kb.not_given_names  # "Tomorrow Tokayev will"
                and before.ent_type_ not in ("DATE", "TIME")  # "On Monday Tokayev left"
                and kb.atoms.word(before.text) is None
                and self.honoured(doc, hit.start) is None  # "Hero-Arkadag Berdimuhamedov"
                # a word at the end of the line before ("... of Central Asia\n\nMirziyoyev
                # proposes"): a name does not run across a line break
                and not any("\n" in t.text for t in doc[before.i + 1 : hit.start])
            ):
                return False  # another person's given name: "Jamshid Karimov"
        return True

    def honoured(self, doc: Doc, start: int) -> str | None:
        """Return the person whose title of honour ends right before token ``start``
        ("Hero-Arkadag Berdimuhamedov", "the Leader of the Nation Rahmon"), or None."""
        if not self.kb.person_honorifics:
            return None
        before: list[str] = []
        i = start - 1
        while i >= 0 and len(before) < 8:  # the longest honour in the base, in tokens
            if not is_dash(doc[i].text):
                before.append(fold(doc[i].text))
            i -= 1
        before.reverse()
        for key, pid in self.kb.person_honorifics:
            if tuple(before[-len(key) :]) == key:
                return pid
        return None

    def initials(self, doc: Doc, start: int, glued: dict[int, str]) -> tuple[int, str]:
        """Return (start, initials) of a surname written with initials ("E. Rahmon")."""
        honorifics = self.kb.honorifics
        if start in glued and fold(glued[start]) not in honorifics:
            return start, glued[start]
        before = doc[start - 1].text if start >= 1 else ""
        if INITIALS.match(before) and fold(before) not in honorifics:  # not "Mr.", "Dr."
            return start - 1, before
        if (
            start >= 2
            and before == "."
            and _INITIAL.match(doc[start - 2].text)
            and fold(doc[start - 2].text) not in honorifics
        ):
            return start - 2, doc[start - 2].text + "."
        return start, ""

    def has_initial(self, pid: str, initials: str) -> bool:
        """Return True when ``initials`` can abbreviate a given name of person ``pid``."""
        person = self.kb.people[pid]
        if person.family_first:
            return True
        first = fold(initials[:2].rstrip(".-"))
        givens = [*person.given, person.name]
        return any(fold(g).startswith(first) for g in givens)

    def fuzzy_spans(self, doc: Doc, taken: set[int]) -> list[tuple[int, int, str]]:
        """Return (start, end, person id) of PERSON entities spelt a little differently from
        every variant of a base name.

        Only multi-word entities that overlap no mention are tried, with a high cutoff, so a
        transliteration the base lacks ("Emomalii Rakhmonov") still links while other people
        do not.
        """
        out: list[tuple[int, int, str]] = []
        for ent in doc.ents:
            if ent.label_ != "PERSON" or len(ent) < 2 or any(t.i in taken for t in ent):
                continue
            start = ent.start
            while start < ent.end and not (is_capitalised(doc[start]) and doc[start].is_alpha):
                start += 1  # the statistical span may start with "the" or a title
            if start < ent.end and self.kb.atoms.word(doc[start].text):
                start += 1  # "Turkmenistan X Y"
            span = doc[start : ent.end]
            if len(span) < 2 or len(span.text) < 8:
                continue
            pid = self.fuzzy_person(span.text)
            if pid is not None:
                out.append((span.start, span.end, pid))
        return out

    def fuzzy_person(self, name: str) -> str | None:
        """Return the base person whose full name ``name`` misspells, or None.

        Besides the whole-string ratio, the first and the last words must each be close: "Aibek
        Japarov" is not "Akylbek Japarov", though the strings are.
        """
        folded = fold(name)
        if len(folded) < 8 or " " not in folded:
            return None
        close = process.extractOne(
            folded, self.kb.fuzzy_names, scorer=fuzz.ratio, score_cutoff=self.fuzzy_cutoff
        )
        if close is None:
            return None
        got, want = folded.split(), str(close[0]).split()
        if min(fuzz.ratio(got[0], want[0]), fuzz.ratio(got[-1], want[-1])) < self.fuzzy_cutoff - 5:
            return None
        return self.kb.fuzzy_ids[close[2]]

    def goes_on(self, doc: Doc, end: int) -> bool:
        """Return True when a capitalised proper noun continues the name after token ``end``."""
        nxt = next_word(doc, end)
        return (
            nxt is not None
            and nxt.i == end
            and nxt.is_alpha
            and is_capitalised(nxt)
            and nxt.pos_ == "PROPN"
            and fold(nxt.text) not in self.kb.honorifics
            and self.kb.atoms.word(nxt.text) is None
        )

    def in_other_office(self, doc: Doc, start: int, pid: str, day: dt.date) -> bool:
        """Return True for "Foreign Minister X" when X holds no leader office on ``day``."""
        before = prev_word(doc, start)
        if before is None or fold(before.text) not in self.kb.non_leader_titles:
            return False
        prime = prev_word(doc, before.i)
        if prime is not None and fold(prime.text) == "prime":
            return False  # "Prime Minister X"
        return not self.kb.in_office(pid, day)
