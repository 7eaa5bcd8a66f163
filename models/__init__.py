"""pydantic v2 models: the JSONL records (the contract with users) and the gold format."""

from models.gold import GoldBody, GoldDocument, GoldFigure, GoldLeader, GoldMention, GoldQuote
from models.records import (
    RECORD_TYPES,
    BodyMention,
    BodyRecord,
    DocumentRecord,
    ErrorRecord,
    FigureRecord,
    LeaderMention,
    LeaderRecord,
    QuoteRecord,
    RecordCounts,
)

__all__ = [
    "RECORD_TYPES",
    "BodyMention",
    "BodyRecord",
    "DocumentRecord",
    "ErrorRecord",
    "FigureRecord",
    "GoldBody",
    "GoldDocument",
    "GoldFigure",
    "GoldLeader",
    "GoldMention",
    "GoldQuote",
    "LeaderMention",
    "LeaderRecord",
    "QuoteRecord",
    "RecordCounts",
]
