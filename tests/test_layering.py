"""The apps depend downward only (quotedb -> articles -> speakers), and the attribution engine
on nothing of the project's and nothing of Django's."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PACKAGES = {"quotedb", "articles", "speakers"}


def imported_packages(path: Path) -> set[str]:
    """Top-level names of the modules a file imports (relative imports count as its own)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
    return found


def sources(package: str, *, exclude: tuple[str, ...] = ()) -> list[Path]:
    return [
        path
        for path in sorted((ROOT / package).rglob("*.py"))
        if not any(part in exclude for part in path.relative_to(ROOT).parts)
    ]


@pytest.mark.parametrize(
    ("package", "forbidden"),
    [("speakers", {"articles", "quotedb"}), ("articles", {"quotedb"})],
)
def test_apps_import_only_the_apps_below_them(package, forbidden) -> None:
    # Migrations may use the project's vendor-conditional operations (quotedb.db).
    offending = {
        str(path.relative_to(ROOT)): sorted(imported_packages(path) & forbidden)
        for path in sources(package, exclude=("migrations",))
        if imported_packages(path) & forbidden
    }
    assert offending == {}


def test_the_attribution_engine_imports_neither_django_nor_the_project() -> None:
    offending = {
        str(path.relative_to(ROOT)): sorted(
            imported_packages(path) & (PROJECT_PACKAGES | {"django"})
        )
        for path in sources("articles/attribution")
        if imported_packages(path) & (PROJECT_PACKAGES | {"django"})
    }
    assert offending == {}
