"""export_quotes: approved quotes in any report format, chosen with the API's quote filters."""

import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import batched
from pathlib import Path
from typing import TextIO

from django.core.management.base import BaseCommand, CommandError
from django.http import QueryDict
from rest_framework.exceptions import ValidationError

from quotedb.models import QuoteList
from quotedb.reports import selectors
from quotedb.reports.renderers import RENDERERS_BY_FORMAT, error_text

# Quotes are read and written this many at a time, so an export of the whole database holds
# one batch in memory (a feed's written items wait in a spooled file for its header).
BATCH_SIZE = 2000

# Command-line option -> API filter parameter (the FilterSet validates the values).
FILTER_OPTIONS = {
    "speaker": "speaker",
    "speaker_name": "speaker_name",
    "topic": "topic",
    "said_after": "said_after",
    "said_before": "said_before",
    "kind": "kind",
    "outlet": "outlet",
    "language": "language",
    "q": "q",
    "ordering": "ordering",
}


class Command(BaseCommand):
    help = (
        "Write approved quotes as html, md, csv, jsonld, csl, rss or atom: every quote that "
        "matches the filters (the same as /api/v1/quotes/), or one curated list with --list."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--format", required=True, choices=sorted(RENDERERS_BY_FORMAT), help="Output format."
        )
        parser.add_argument(
            "--speaker", action="append", default=[], help="Speaker slug or id; repeatable."
        )
        parser.add_argument("--speaker-name", help="Part of any name or alias of the speaker.")
        parser.add_argument("--topic", help="Topic slug (subtopics included).")
        parser.add_argument("--said-after", help="Said on or after this date (YYYY-MM-DD).")
        parser.add_argument("--said-before", help="Said on or before this date (YYYY-MM-DD).")
        parser.add_argument("--kind", help="direct, indirect or mixed.")
        parser.add_argument("--outlet", help="Outlet slug or id.")
        parser.add_argument("--language", help="Language code, such as en.")
        parser.add_argument("--q", help="Full-text query.")
        parser.add_argument("--ordering", help="-said_on (default), said_on, -created, created.")
        parser.add_argument("--list", dest="list_slug", help="Slug of a curated list to export.")
        parser.add_argument("--output", "-o", help="Write to this file instead of standard output.")
        parser.add_argument(
            "--base-url",
            default="http://localhost:8000",
            help="Where QuoteDB is served, for the links in the output.",
        )

    def handle(self, *args, **options):
        renderer = RENDERERS_BY_FORMAT[options["format"]]()
        base = selectors.UrlBase(options["base_url"])
        if not options["base_url"].startswith(("http://", "https://")):
            raise CommandError("--base-url must start with http:// or https://.")
        params = QueryDict(mutable=True)
        for option, parameter in FILTER_OPTIONS.items():
            value = options.get(option)
            if isinstance(value, list):
                if value:
                    params.setlist(parameter, value)
            elif value not in (None, ""):
                params[parameter] = value
        if options["list_slug"]:
            if params:
                raise CommandError(
                    "--list cannot be combined with filters: a list is exported whole."
                )
            quote_list = QuoteList.objects.filter(slug=options["list_slug"]).first()
            if quote_list is None:
                raise CommandError(f"--list: no list has the slug {options['list_slug']!r}.")
            data = selectors.list_report(quote_list, request=base)
        else:
            try:
                quotes = selectors.public_quotes_matching(params)
            except ValidationError as error:
                raise CommandError(error_text(error.detail).replace("\n", "; ")) from None
            with self._output(options["output"]) as stream:
                written = self._write_batches(
                    renderer, quotes, base, stream, link=options["base_url"]
                )
            if not written:
                self.stderr.write("No approved quotes match.")
            return
        if not data["results"]:
            self.stderr.write("No approved quotes match.")
        data["link"] = options["base_url"]
        output = renderer.render(data, renderer_context={})
        output = output.decode("utf-8") if isinstance(output, bytes) else output
        with self._output(options["output"]) as stream:
            stream.write(output)

    def _write_batches(
        self, renderer, quotes, base: selectors.UrlBase, stream: TextIO, *, link: str
    ) -> int:
        """Write the quotes a batch at a time; return how many were written."""
        written = 0

        def batches() -> Iterator[list[dict]]:
            nonlocal written
            for batch in batched(quotes.iterator(chunk_size=BATCH_SIZE), BATCH_SIZE):
                written += len(batch)
                yield selectors.quote_data(batch, request=base)

        for text in renderer.stream_quotes(batches(), link=link):
            stream.write(text)
        return written

    @contextmanager
    def _output(self, path: str | None) -> Iterator[TextIO]:
        """Standard output, or a file that appears whole or not at all: the text goes to a
        temporary file beside it, renamed into place once everything is written."""
        if not path:
            self.stdout.ending = ""  # the text carries its own line ends
            try:
                yield self.stdout
            except BrokenPipeError:
                # The reader went away ("… | head"): stop quietly, as command-line tools do.
                _discard_standard_output()
                raise SystemExit(1) from None
            return
        target = Path(path)
        temporary = None
        try:
            with tempfile.NamedTemporaryFile(
                "w",
                encoding="utf-8",
                newline="",
                dir=target.parent,
                prefix=f".{target.name}.",
                delete=False,
            ) as handle:
                temporary = handle.name
                yield handle
            os.chmod(temporary, _file_mode(target))
            os.replace(temporary, target)
        except OSError as error:
            raise CommandError(f"--output: cannot write {path}: {error.strerror}.") from None
        finally:
            if temporary is not None and os.path.exists(temporary):
                os.unlink(temporary)


def _discard_standard_output() -> None:
    """Point standard output at /dev/null, so that flushing it at exit cannot fail again."""
    try:
        descriptor = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):
        return  # not a file (a test's buffer): nothing will be flushed to a closed pipe
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, descriptor)
    os.close(null)


def _file_mode(target: Path) -> int:
    """The permissions the output file should have: those of the file it replaces, or those a
    new file gets under the process's umask (a temporary file is created private)."""
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
