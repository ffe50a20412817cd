"""Settings come from the environment, and production settings pass Django's deploy checks."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

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


@pytest.mark.parametrize(
    ("env", "message"),
    [
        (
            {"DATABASE_URL": "mysqlx://quotes:hunter2@db.example/quotes"},
            "error: DATABASE_URL: cannot use a database URL with the scheme 'mysqlx'",
        ),
        (
            {"DATABASE_URL": "sqlite:///tmp/q.sqlite3", "DATABASE_REPLICA_URLS": "nonsense"},
            "error: DATABASE_REPLICA_URLS: cannot use a database URL with the scheme '(none)'",
        ),
        ({"DATABASE_CONN_MAX_AGE": "ten"}, "error: DATABASE_CONN_MAX_AGE must be a whole number"),
        ({"DATABASE_POOL_TIMEOUT": "soon"}, None),  # read only with DATABASE_POOL set
        (
            {
                "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/x",
                "DATABASE_POOL": "1",
                "DATABASE_POOL_TIMEOUT": "soon",
            },
            "error: DATABASE_POOL_TIMEOUT must be a number, not 'soon'.",
        ),
        (
            {
                "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/x",
                "DATABASE_PREPARE_THRESHOLD": "x",
            },
            "error: DATABASE_PREPARE_THRESHOLD must be a whole number or 'off', not 'x'.",
        ),
    ],
)
def test_a_bad_setting_stops_a_command_with_one_line_naming_it(env, message):
    result = run_manage("check", **env)
    if message is None:
        assert result.returncode == 0, result.stderr
        return
    assert result.returncode == 1
    assert result.stderr.strip().startswith(message), result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr
    assert "hunter2" not in result.stderr
