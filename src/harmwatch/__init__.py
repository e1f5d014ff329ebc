"""harmwatch: verifiable, source-attributed incident records from conflict reports."""

__version__ = "0.1.0"
