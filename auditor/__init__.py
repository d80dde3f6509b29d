"""auditor: source-reliability scoring and provenance auditing for news coverage."""

__version__ = "0.1.0"
