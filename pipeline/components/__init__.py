"""One spaCy component per module: leaders, quotes, bodies, figures."""
