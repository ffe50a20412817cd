"""Settings come from the environment, and production settings pass Django's deploy checks."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "DATABASE_URL"}}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args, *(["--no-imports"] if args[0] == "shell" else [])],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_check_deploy_with_zero_warnings():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY="a-production-secret-" + "x" * 50,
        ALLOWED_HOSTS="quotes.example.org",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_debug_is_off_unless_set():
    code = "from django.conf import settings; print(settings.DEBUG)"
    result = run_manage("shell", "-c", code)
    assert result.stdout.strip() == "False"
    result = run_manage("shell", "-c", code, DEBUG="1")
    assert result.stdout.strip() == "True"


def test_database_url_selects_the_database():
    code = "from django.db import connection; print(connection.vendor)"
    assert run_manage("shell", "-c", code).stdout.strip() == "sqlite"
    result = run_manage(
        "shell", "-c", code, DATABASE_URL="postgres://postgres@127.0.0.1:5432/postgres"
    )
    assert result.stdout.strip() == "postgresql"


def test_postgres_connections_prepare_the_page_with_a_generic_plan_unless_turned_off():
    code = (
        "from django.conf import settings; o = settings.DATABASES['default']['OPTIONS']; "
        "print(o.get('prepare_threshold'), '|', o.get('options', ''))"
    )
    url = "postgres://postgres@127.0.0.1:5432/quotedb_unused"
    on = run_manage("shell", "-c", code, DATABASE_URL=url).stdout.strip()
    assert on == "5 | -c plan_cache_mode=force_generic_plan"
    off = run_manage("shell", "-c", code, DATABASE_URL=url, DATABASE_PREPARE_THRESHOLD="off")
    assert off.stdout.strip() == "None |"
    bad = run_manage("shell", "-c", code, DATABASE_URL=url, DATABASE_PREPARE_THRESHOLD="soon")
    assert bad.returncode != 0
    assert "DATABASE_PREPARE_THRESHOLD must be a whole number or 'off'" in bad.stderr


def test_new_postgres_connections_plan_prepared_statements_generically(postgres_only):
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW plan_cache_mode")
        assert cursor.fetchone()[0] == "force_generic_plan"
