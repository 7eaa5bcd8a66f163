"""summit_leaders as a package of stages; see :mod:`.component` for what it finds and why.

The public names other code imports stay here: the factory (entry point
``pipeline.components.leaders:make_leaders``), the component class, the date helpers and the
knowledge-file schemas.
"""

from pipeline.resources.schemas import LexiconLine, Person

from .component import SummitLeaders, make_leaders
from .dates import find_text_date, find_text_dates
from .tables import fold

__all__ = [
    "LexiconLine",
    "Person",
    "SummitLeaders",
    "find_text_date",
    "find_text_dates",
    "fold",
    "make_leaders",
]
