"""Issue 12, row "units": units glued to the number, hyphenated, or missing from units.jsonl.

Our names: SI symbols for prefixed units (mm, cm, km, mg, g, kg, GB, Hz, GHz, MW, hp), spelled
names where units.jsonl already spells them (metre, litre, tonne, cubic_metre, square_metre) and
for imperial units (mile, foot, inch, acre, gallon, square_foot); a bare "degrees" is an angle
(`degree`), only "degrees Celsius"/"°C" is `degree_celsius`.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.figures_issue12.helpers import Expect, check

CASES = [
    # already read today: the corpus' own units stay as they are
    pytest.param(
        "The new pipeline will carry 33 bcm of gas to the border.",
        [("33 bcm", 33e9, None, "cubic_metre")],
        id="bcm",
    ),
    pytest.param(
        "The plant will add 1,200 MW of capacity by 2030.",
        [("1,200 MW", 1200, None, "MW")],
        id="megawatts",
    ),
    pytest.param(
        "The corridor will be 4,500 kilometres long.",
        [("4,500 kilometres", 4500, None, "km")],
        id="kilometres",
    ),
    pytest.param(
        "Temperatures in the capital reached 38 degrees Celsius.",
        [("38 degrees Celsius", 38, None, "degree_celsius")],
        id="celsius",
    ),
    # glued to the number
    pytest.param(
        "Each delegate received a tablet with 512GB of storage.",
        [("512GB", 512, None, "GB")],
        id="glued-gigabytes",
    ),
    pytest.param(
        "The screens in the press centre refresh at 90Hz.",
        [("90Hz", 90, None, "Hz")],
        id="glued-hertz",
    ),
    pytest.param(
        "The protective coating on the pipes is only 2.2mm thick.",
        [("2.2mm", 2.2, None, "mm")],
        id="glued-millimetres",
    ),
    pytest.param(
        "Motorcades were limited to 60mph on the ring road.",
        [("60mph", 60, None, "mph")],
        id="glued-mph",
    ),
    pytest.param(
        "Clinics handed out tablets of 750mg to the flood victims.",
        [("750mg", 750, None, "mg")],
        id="glued-milligrams",
    ),
    pytest.param(
        "The new relay station runs on 2.4GHz and costs $3 million.",
        [("2.4GHz", 2.4, None, "GHz"), ("$3 million", 3e6, None, "USD")],
        id="glued-gigahertz",
    ),
    pytest.param(
        "The central bank lowered its rate to 1.45pc.",
        [("1.45pc", 1.45, None, "percent")],
        id="glued-pc",
    ),
    # hyphenated before the noun
    pytest.param(
        "The escort vehicles share a 3.0-liter engine.",
        [("3.0-liter", 3.0, None, "litre")],
        id="hyphen-liter",
    ),
    pytest.param(
        "Each armoured car has a 240-hp diesel engine.",
        [("240-hp", 240, None, "hp")],
        id="hyphen-hp",
    ),
    pytest.param(
        "Ministers unveiled a 5,000-tonne cargo ship for the new port.",
        [("5,000-tonne", 5000, None, "tonne")],
        id="hyphen-tonne",
    ),
    pytest.param(
        "The displays in the hall use a 6.7-inch panel.",
        [("6.7-inch", 6.7, None, "inch")],
        id="hyphen-inch",
    ),
    # units missing from units.jsonl
    pytest.param(
        "The border crossing lies nine miles from the summit hall.",
        [("nine miles", 9, None, "mile")],
        id="spelled-miles",
    ),
    pytest.param(
        "Floods destroyed 1,500 acres of wheat in the south.",
        [("1,500 acres", 1500, None, "acre")],
        id="acres",
    ),
    pytest.param(
        "The new reservoir holds 2.5 million gallons of water.",
        [("2.5 million gallons", 2.5e6, None, "gallon")],
        id="gallons",
    ),
    pytest.param(
        "The conference centre covers 12,000 square feet.",
        [("12,000 square feet", 12000, None, "square_foot")],
        id="square-feet",
    ),
    pytest.param(
        "The new undersea cable carries 400 Gbps between the two capitals.",
        [("400 Gbps", 400, None, "Gbps")],
        id="gigabits-per-second",
    ),
    pytest.param(
        "Sea levels in the delta may rise by 30 cm by 2050.",
        [("30 cm", 30, None, "cm")],
        id="centimetres",
    ),
    pytest.param(
        "The storage site will hold 500 GWh of batteries and 20 kilograms of samples.",
        [("500 GWh", 500, None, "GWh"), ("20 kilograms", 20, None, "kg")],
        id="gigawatt-hours-and-kilograms",
    ),
    pytest.param(
        "The new engines deliver 300 horsepower.",
        [("300 horsepower", 300, None, "hp")],
        id="horsepower",
    ),
    pytest.param(
        "The central bank raised its rate by 25 basis points.",
        [("25 basis points", 25, None, "basis_point")],
        id="basis-points",
    ),
    # a bare "degrees" is an angle unless the sentence speaks of temperature
    pytest.param(
        "The new runway slopes at an angle of 12 degrees.",
        [("12 degrees", 12, None, "degree")],
        id="bare-degrees-angle",
    ),
    pytest.param(
        "The leaders pledged to hold warming to 1.5 degrees this century.",
        [("1.5 degrees", 1.5, None, "degree_celsius")],
        id="bare-degrees-warming-cue",
    ),
    pytest.param(
        "Night temperatures in the mountains fell to 4 degrees.",
        [("4 degrees", 4, None, "degree_celsius")],
        id="bare-degrees-temperature-cue",
    ),
    # the animals are not horsepower; "m" after a number stays a scale
    pytest.param(
        "The farmers brought 300 horses to the border fair.",
        [("300 horses", 300, None, "count")],
        id="horses-are-counted",
    ),
    pytest.param(
        "The fund was raised to $5m last year.",
        [("$5m", 5e6, None, "USD")],
        id="glued-m-is-million",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_units(nlp: Language, text: str, expected: list[Expect]) -> None:
    """A number with a known unit, glued, hyphenated or spelled, is a figure in that unit."""
    check(nlp, text, expected)
