"""App configuration for articles: outlets, source articles, ingestion and extraction."""

from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"
