"""`manage.py import_quotebank FILE…`: load Quotebank JSON lines (.json, .json.bz2) as quotes."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from quotedb.imports.services import DEFAULT_BATCH_SIZE, DEFAULT_WORKERS, quotebank_import


class Command(BaseCommand):
    help = (
        "Import Quotebank quotations (JSON lines, optionally bz2-compressed) as proposed quotes. "
        "Safe to run again or to resume after a crash: every quotation ends up exactly once."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", type=Path, metavar="FILE")
        parser.add_argument(
            "--approve",
            action="store_true",
            help="Mark imported quotes approved instead of proposed.",
        )
        parser.add_argument(
            "--batch-size",
            type=int,
            default=DEFAULT_BATCH_SIZE,
            help=f"Quotations per transaction (default {DEFAULT_BATCH_SIZE}).",
        )
        parser.add_argument(
            "--workers",
            type=int,
            default=DEFAULT_WORKERS,
            help=(
                f"Batches loaded at once on PostgreSQL, each on its own connection "
                f"(default {DEFAULT_WORKERS}; SQLite always loads one at a time)."
            ),
        )
        parser.add_argument(
            "--no-progress", action="store_true", help="Do not show the progress bar."
        )

    def handle(
        self, *args, files: list[Path], approve: bool, batch_size: int, workers: int, **options
    ):
        for path in files:
            if not path.is_file():
                raise CommandError(f"{path}: no such file")
        if batch_size < 1:
            raise CommandError("--batch-size must be at least 1")
        if workers < 1:
            raise CommandError("--workers must be at least 1")
        show_progress = not options["no_progress"] and options["verbosity"] > 0
        total_bytes = sum(path.stat().st_size for path in files)
        with tqdm(
            total=total_bytes,
            unit="B",
            unit_scale=True,
            desc="Quotebank",
            disable=not show_progress,
            file=self.stderr._out,
        ) as bar:

            def report_problem(problem):
                bar.write(f"skipped {problem}", file=self.stderr._out)

            def report_batch(summary):
                bar.set_postfix(quotes=summary.records_read, new=summary.quotes_added)

            summary = quotebank_import(
                paths=files,
                approve=approve,
                batch_size=batch_size,
                on_problem=report_problem,
                on_progress=bar.update,
                on_batch=report_batch,
                workers=workers,
            )
        self.stdout.write(str(summary))
