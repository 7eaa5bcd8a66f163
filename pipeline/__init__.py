"""summit-extract: leaders, quotes, proposed bodies and figures from summit texts."""

__version__ = "0.1.0"
