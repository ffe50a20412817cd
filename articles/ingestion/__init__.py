"""Turning article files and text (.txt, .html, .jsonl) into fields that article_ingest stores."""

from articles.ingestion.files import SUPPORTED_EXTENSIONS, files_under, parse_file
from articles.ingestion.html import parse_html
from articles.ingestion.jsonl import parse_jsonl_line
from articles.ingestion.plaintext import parse_text
from articles.ingestion.records import ParsedArticle, ParseError

__all__ = [
    "SUPPORTED_EXTENSIONS",
    "ParseError",
    "ParsedArticle",
    "files_under",
    "parse_file",
    "parse_html",
    "parse_jsonl_line",
    "parse_text",
]
