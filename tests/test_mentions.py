"""common.mentions: the shared leader-mention lookups (bisect timeline)."""

from __future__ import annotations

import random

from pipeline.components.common.mentions import CharMention, MentionTimeline


def _mentions(seed: int) -> list[CharMention]:
    rng = random.Random(seed)
    out = []
    for _ in range(60):
        start = rng.randrange(0, 500)
        out.append(CharMention(start, start + rng.randrange(1, 30), rng.choice("abc"), "name"))
    return out


def test_overlapping_equals_a_full_scan() -> None:
    for seed in range(5):
        ms = _mentions(seed)
        timeline = MentionTimeline(ms)
        ordered = sorted(ms, key=lambda m: (m.start, m.end))
        for start in range(0, 540, 7):
            end = start + 5
            expected = [m for m in ordered if m.start < end and start < m.end]
            assert timeline.overlapping(start, end) == expected


def test_latest_before_equals_a_full_scan() -> None:
    for seed in range(5):
        ms = _mentions(seed)
        timeline = MentionTimeline(ms)
        ordered = sorted(ms, key=lambda m: (m.start, m.end))
        for before in range(0, 540, 11):
            for kb in (None, "a"):
                expected = next(
                    (
                        m
                        for m in reversed(ordered)
                        if m.end <= before and (kb is None or m.kb_id == kb)
                    ),
                    None,
                )
                assert timeline.latest_before(before, kb_id=kb) == expected
