"""The compiled engine (articles/attribution/native.py): a build from other sources never runs."""

import importlib.machinery
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from articles.attribution import extract, native

PACKAGE = Path(native.__file__).parent
PROBE = (
    "import articles.attribution as a, articles.attribution.native as n;"
    "print(n.status(), a.extract.__code__.co_filename if hasattr(a.extract, '__code__') "
    "else 'compiled', sep='|')"
)


def _copy_package(destination: Path) -> Path:
    """articles/attribution, sources and data only, under `destination`."""
    (destination / "articles").mkdir()
    (destination / "articles" / "__init__.py").touch()
    copy = destination / "articles" / "attribution"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("*.so", "*.pyd", "*.stamp"))
    return copy


def _probe(root: Path, **environment: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != native.INTERPRETED_VARIABLE}
    env.update(environment, PYTHONPATH=str(root))
    return subprocess.run(
        [sys.executable, "-c", PROBE], cwd=root, env=env, capture_output=True, text=True
    )


@pytest.fixture
def broken_build(tmp_path: Path) -> Path:
    """A copy of the package with an 'extension' that crashes the import if it is ever loaded."""
    copy = _copy_package(tmp_path)
    suffix = importlib.machinery.EXTENSION_SUFFIXES[0]
    (copy / f"engine{suffix}").write_bytes(b"not a shared library")
    return copy


def test_a_build_from_other_sources_is_never_imported(broken_build: Path) -> None:
    (broken_build / "native.stamp").write_text("digest of some older sources\n")
    result = _probe(broken_build.parent.parent)
    assert result.returncode == 0, result.stderr
    status, origin = result.stdout.strip().split("|")
    assert status == "stale"
    assert origin.endswith("engine.py")


def test_a_current_build_is_what_gets_imported(broken_build: Path) -> None:
    # The same broken file with a matching stamp is loaded, and fails: the guard above is
    # what kept it out.
    digest = native.source_digest()  # the copy's sources are this checkout's
    (broken_build / "native.stamp").write_text(digest + "\n")
    result = _probe(broken_build.parent.parent)
    assert result.returncode != 0
    assert "engine" in result.stderr


def test_the_interpreted_variable_loads_the_sources(broken_build: Path) -> None:
    (broken_build / "native.stamp").write_text(native.source_digest() + "\n")
    result = _probe(broken_build.parent.parent, **{native.INTERPRETED_VARIABLE: "1"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"disabled|{broken_build / 'engine.py'}"


def test_without_a_build_the_status_is_absent(tmp_path: Path) -> None:
    copy = _copy_package(tmp_path)
    result = _probe(tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"absent|{copy / 'engine.py'}"


def _statements(text: str) -> list[list]:
    return [
        [a.start, a.end, a.kind, a.speaker.canonical_name if a.speaker else None, a.confidence]
        for a in extract(text)
    ]


def test_the_compiled_and_interpreted_engines_agree() -> None:
    """Whichever this checkout runs, the other gives the same statements for the same text."""
    text = (
        'TEHRAN, Mar. 25 (MNA) – "We will respond," the SNSC spokesman Kayvan Khosravi said on '
        "Tuesday. He added that the talks would go on, according to Press TV."
    )
    env = {k: v for k, v in os.environ.items() if k != native.INTERPRETED_VARIABLE}
    if native.in_use():
        env[native.INTERPRETED_VARIABLE] = "1"
    code = (
        "import json, sys; from tests.attribution.test_native import _statements;"
        "print(json.dumps(_statements(sys.argv[1])))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, text],
        cwd=PACKAGE.parent.parent,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    here = _statements(text)
    assert json.loads(result.stdout) == here
    assert [s[3] for s in here] == ["Kayvan Khosravi", "Press TV", "Kayvan Khosravi"]
