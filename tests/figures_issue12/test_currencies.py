"""Issue 12, row "currencies": prefixes, suffixes and glued codes of Asia-Pacific, Gulf and
major currencies, as ISO 4217 codes. A "$" with a country letter (A$, HK$, S$, C$, NZ$, $A,
$US) is that country's dollar, never USD; a bare "$" stays USD. Cents and sen are hundredths of
the currency of the sentence (19 cents -> 0.19 USD).
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.figures_issue12.helpers import Expect, check

CASES = [
    # already read today
    pytest.param(
        "The Emirates pledged AED 1.5 billion to the fund.",
        [("AED 1.5 billion", 1.5e9, None, "AED")],
        id="aed-code",
    ),
    pytest.param(
        "Seoul will invest ₩5 trillion in the corridor.",
        [("₩5 trillion", 5e12, None, "KRW")],
        id="won-sign",
    ),
    pytest.param(
        "The British side pledged £3.4m for the new school.",
        [("£3.4m", 3.4e6, None, "GBP")],
        id="pound-glued-m",
    ),
    # dollars of other countries
    pytest.param(
        "Canberra pledged A$3 billion for the regional grid.",
        [("A$3 billion", 3e9, None, "AUD")],
        id="a-dollar",
    ),
    pytest.param(
        "Hong Kong banks extended HK$2 billion in loans to the project.",
        [("HK$2 billion", 2e9, None, "HKD")],
        id="hk-dollar",
    ),
    pytest.param(
        "The bank's profit reached HK $4.1 billion in the first half.",
        [("HK $4.1 billion", 4.1e9, None, "HKD")],
        id="hk-dollar-spaced",
    ),
    pytest.param(
        "Singapore committed S$500 million to the port.",
        [("S$500 million", 5e8, None, "SGD")],
        id="s-dollar",
    ),
    pytest.param(
        "Ottawa offered C$1.2 billion for the northern railway.",
        [("C$1.2 billion", 1.2e9, None, "CAD")],
        id="c-dollar",
    ),
    pytest.param(
        "Wellington added NZ$300 million to the climate fund.",
        [("NZ$300 million", 3e8, None, "NZD")],
        id="nz-dollar",
    ),
    pytest.param(
        "The estate was valued at $A64 million, or $US41 million.",
        [("$A64 million", 64e6, None, "AUD"), ("$US41 million", 41e6, None, "USD")],
        id="dollar-letter-after",
    ),
    pytest.param(
        "The grant was 6.8 million Australian dollars.",
        [("6.8 million Australian dollars", 6.8e6, None, "AUD")],
        id="australian-dollars-word",
    ),
    # Asian and Gulf currencies
    pytest.param(
        "Shares of the state carrier closed at RM45.20 on Friday.",
        [("RM45.20", 45.2, None, "MYR")],
        id="ringgit-prefix",
    ),
    pytest.param(
        "Tokyo approved ¥120 million for the exchange programme.",
        [("¥120 million", 120e6, None, "JPY")],
        id="yen-sign",
    ),
    pytest.param(
        "New Delhi earmarked ₹500 crore for the border roads.",
        [("₹500 crore", 5e9, None, "INR")],
        id="rupee-crore",
    ),
    pytest.param(
        "Qatar will contribute QAR 2 billion to the venue.",
        [("QAR 2 billion", 2e9, None, "QAR")],
        id="qar-code",
    ),
    pytest.param(
        "Kuwait offered KWD 100 million in soft loans.",
        [("KWD 100 million", 100e6, None, "KWD")],
        id="kwd-code",
    ),
    pytest.param(
        "Orders reached 2.6 billion shekels in the quarter.",
        [("2.6 billion shekels", 2.6e9, None, "ILS")],
        id="shekels-word",
    ),
    pytest.param(
        "Savings above 4 million Danish crowns will carry a fee.",
        [("4 million Danish crowns", 4e6, None, "DKK")],
        id="danish-crowns-word",
    ),
    # codes glued to the number, symbols after it, short scale words
    pytest.param(
        "The embassy bought a villa for AUD2.5m.",
        [("AUD2.5m", 2.5e6, None, "AUD")],
        id="aud-glued",
    ),
    pytest.param(
        "The delegation chartered a ferry for USD7m.",
        [("USD7m", 7e6, None, "USD")],
        id="usd-glued",
    ),
    pytest.param(
        "The port authority earmarked EUR35m for the terminal.",
        [("EUR35m", 35e6, None, "EUR")],
        id="eur-glued",
    ),
    pytest.param(
        "New Delhi set aside INR2 trillion for the corridor.",
        [("INR2 trillion", 2e12, None, "INR")],
        id="inr-glued",
    ),
    pytest.param(
        "A new laptop for each delegate cost 950€.",
        [("950€", 950, None, "EUR")],
        id="euro-sign-after",
    ),
    pytest.param(
        "The consultancy contract is worth $5 mil.",
        [("$5 mil", 5e6, None, "USD")],
        id="mil",
    ),
    # hundredths of a currency
    pytest.param(
        "Crude futures rose 23 cents to $61.70.",
        [("23 cents", 0.23, None, "USD"), ("$61.70", 61.7, None, "USD")],
        id="cents",
    ),
    pytest.param(
        "In Kuala Lumpur the bank's shares rose 14 sen to RM12.40.",
        [("14 sen", 0.14, None, "MYR"), ("RM12.40", 12.4, None, "MYR")],
        id="sen",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_currencies(nlp: Language, text: str, expected: list[Expect]) -> None:
    """An amount is in the currency its sign, code or word names, never guessed."""
    check(nlp, text, expected)
