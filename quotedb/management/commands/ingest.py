"""`manage.py ingest PATH…`: store articles from .txt, .html and .jsonl files, propose quotes."""

from __future__ import annotations

import argparse
from pathlib import Path

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, transaction
from django.utils import timezone
from tqdm import tqdm

from articles.ingestion import ParseError, files_under, parse_file
from articles.models import Outlet
from articles.services import article_ingest_parsed
from quotedb.services import article_extract


class Command(BaseCommand):
    help = (
        "Ingest articles from files: .txt (title on the first line, dateline such as "
        '"TEHRAN, Mar. 25 (MNA) –" read for place, day and outlet, page furniture dropped), '
        ".html (main text and metadata through trafilatura) and .jsonl (the evaluation format, "
        "text stored exactly as given). Directories are searched for these files. The same "
        "article (URL, outlet and outlet id, or text) is updated, not duplicated. A bad file or "
        "line is reported and skipped; the command then exits with status 1."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("paths", nargs="+", type=Path, metavar="PATH")
        parser.add_argument(
            "--outlet",
            metavar="SLUG",
            help="Outlet of every article (otherwise found from the dateline, domain or "
            "publisher).",
        )
        parser.add_argument(
            "--extract",
            action=argparse.BooleanOptionalAction,
            default=True,
            help="Propose quotes with the attribution engine after storing each article "
            "(default: yes).",
        )
        parser.add_argument(
            "--year",
            type=int,
            help='Year of datelines that print none ("Mar. 25"). Without it: the latest such '
            "day on or before the file's modification date.",
        )

    def handle(
        self,
        *args,
        paths: list[Path],
        outlet: str | None,
        extract: bool,
        year: int | None,
        **options,
    ) -> None:
        fixed_outlet = None
        if outlet:
            fixed_outlet = Outlet.objects.filter(slug=outlet).first()
            if fixed_outlet is None:
                raise CommandError(f"--outlet: no outlet with the slug {outlet!r}.")
        files = files_under(paths)
        failures: list[tuple[str, str]] = []  # (file or line, why)
        stored = new = 0
        proposed = 0
        started = timezone.now()
        # Counts articles, so that one .jsonl file of many lines shows progress too; it draws
        # on the terminal's stderr only (tqdm hides it when that is not a terminal).
        many = len(files) > 1 or any(path.suffix.lower() == ".jsonl" for path in files)
        progress = tqdm(unit=" articles", disable=None if many else True, file=self.stderr._out)
        for path in files:
            for item in parse_file(path, year=year):
                progress.update()
                if isinstance(item, ParseError):
                    self._fail(progress, failures, many, item.source, item.message)
                    continue
                try:
                    with transaction.atomic():
                        article = article_ingest_parsed(parsed=item, outlet=fixed_outlet)
                        result = article_extract(article=article) if extract else None
                except ValidationError as error:
                    self._fail(progress, failures, many, item.source, _messages(error))
                    continue
                except (DatabaseError, PermissionDenied) as error:
                    self._fail(progress, failures, many, item.source, str(error).strip())
                    continue
                stored += 1
                new += article.created_at >= started
                if result is not None:
                    proposed += result.created
                if options["verbosity"] >= 2:
                    progress.write(
                        f"{item.source}: article #{article.pk} “{article.title}”"
                        + (f"; quotes: {result}" if result is not None else ""),
                        file=self.stdout._out,
                    )
        progress.close()
        summary = (
            f"{stored} article(s) stored ({new} new, {stored - new} updated) from "
            f"{len(files)} file(s)"
        )
        if extract:
            summary += f"; {proposed} quote(s) proposed"
        summary += f"; {len(failures)} failed." if failures else "."
        self.stdout.write(summary)
        if failures and not many:
            # One file, one article: the error line says what went wrong, once.
            (source, message), *_ = failures
            raise CommandError(f"{source}: {message}")
        if failures:
            names = ", ".join(source for source, _message in failures)
            raise CommandError(f"{len(failures)} file(s) or line(s) failed: {names}")

    def _fail(
        self,
        progress: tqdm,
        failures: list[tuple[str, str]],
        many: bool,
        source: str,
        message: str,
    ) -> None:
        failures.append((source, message))
        if many:
            # Each as it happens, through tqdm and to the raw stream (OutputWrapper would end
            # the bar's lines for it); a single file's error is the command's error line.
            progress.write(f"{source}: {message}", file=self.stderr._out)


def _messages(error: ValidationError) -> str:
    if hasattr(error, "message_dict"):
        return "; ".join(
            f"{field}: {' '.join(messages)}" for field, messages in error.message_dict.items()
        )
    return " ".join(error.messages)
