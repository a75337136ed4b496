"""Scrutiny: overview and scrutiny committee papers as a cited, structured record."""

__version__ = "0.1.0"
