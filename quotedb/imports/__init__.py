"""Bulk imports and exports of quotes: Quotebank JSON lines in, curators' CSV in and out."""
