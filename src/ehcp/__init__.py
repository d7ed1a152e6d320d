"""Open EHCP: the EHC plan process, run on time and held to account."""

__version__ = "0.1.0"
