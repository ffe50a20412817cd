"""App configuration for speakers: people and organisations, their names and roles."""

from django.apps import AppConfig


class SpeakersConfig(AppConfig):
    name = "speakers"
