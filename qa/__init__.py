"""Retrieval and answering over an index built by `index`. Never imports `cli`."""

__version__ = "0.1.0"
