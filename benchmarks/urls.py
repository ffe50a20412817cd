"""The project's URLs plus /bench/quotes/, mounted only under benchmarks.settings."""

from django.urls import path

from benchmarks.views import quote_list
from quotedb.urls import urlpatterns as project_urlpatterns

urlpatterns = [path("bench/quotes/", quote_list, name="bench-quotes"), *project_urlpatterns]
