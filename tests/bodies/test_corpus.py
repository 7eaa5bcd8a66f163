"""The corpus gold scored through pipeline.evaluate, with floors that guard against regressions."""

from __future__ import annotations

from spacy.language import Language
from spacy.scorer import PRFScore

from models.gold import GoldDocument
from pipeline.evaluate import Accuracy, Predictions, score_document
from pipeline.export import doc_records
from tests.conftest import CORPUS_GOLD, CORPUS_RAW, SEED_ID


def _score(nlp: Language, doc_ids: list[str]) -> tuple[PRFScore, Accuracy, Accuracy]:
    """Return the bodies score and the proposer and status accuracies over ``doc_ids``, as
    ``summit evaluate`` computes them (``pipeline.evaluate.score_document``)."""
    score, proposers, status = PRFScore(), Accuracy(), Accuracy()
    for doc_id in doc_ids:
        gold = GoldDocument.model_validate_json((CORPUS_GOLD / f"{doc_id}.json").read_text("utf-8"))
        text = (CORPUS_RAW / f"{doc_id}.txt").read_text(encoding="utf-8")
        records = doc_records(doc_id, text, [(nlp(text), 0)])
        pred = Predictions(folder=CORPUS_RAW, bodies={doc_id: records.bodies})
        result = score_document(gold, pred, text)
        score += result.scores["bodies"]
        proposers += result.attributes["bodies.proposers"]
        status += result.attributes["bodies.status"]
    return score, proposers, status


def _floors(nlp: Language, pattern: str, f1: float, attrs: float, min_gold: int = 0) -> None:
    """Assert the bodies F1 and attribute accuracies of the gold documents matching ``pattern``."""
    ids = [p.stem for p in sorted(CORPUS_GOLD.glob(pattern))]
    score, proposers, status = _score(nlp, ids)
    assert score.tp + score.fn >= min_gold
    assert score.fscore >= f1
    assert (proposers.value or 0) >= attrs
    assert (status.value or 0) >= attrs


def test_seed_article_meets_the_acceptance_floors(nlp: Language) -> None:
    score, proposers, status = _score(nlp, [SEED_ID])
    assert score.tp + score.fn == 25
    assert score.fscore >= 0.9
    assert (proposers.value or 0) >= 0.85
    assert (status.value or 0) >= 0.85


def test_corpus_gold_floor(nlp: Language) -> None:
    _floors(nlp, "*.json", f1=0.98, attrs=0.97)


def test_independently_written_documents_floor(nlp: Language) -> None:
    """The documents written by annotators who never saw the pipeline (1xx, 2xx)."""
    _floors(nlp, "[12]*.json", f1=0.97, attrs=0.97, min_gold=60)


def test_second_independent_sets_floor(nlp: Language) -> None:
    """The later independently written documents (4xx, 5xx): enumerations, participle
    proposals, supported ideas, past proposals."""
    _floors(nlp, "[45]*.json", f1=0.97, attrs=0.97, min_gold=70)
