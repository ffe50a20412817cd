"""Management commands of the articles app: ingest."""
