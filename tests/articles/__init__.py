"""Tests of article ingestion, quote extraction, the ingest API and the admin action."""
