"""summarizer: grounded, attributed claims from news articles, merged across documents."""

__version__ = "0.1.0"
