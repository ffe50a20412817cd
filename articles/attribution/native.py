"""The engine compiled with mypyc: the same source, about half again as fast.

`python -m articles.attribution compile` (run by `make install`) turns the engine's modules into
C extensions beside their sources. Python prefers an extension to a source of the same name, so
an extension built from older source would quietly run the old engine. `guard()`, run when the
package is imported, prevents that: unless the stamp written at build time matches the sources
as they are now, every module of the package is loaded from its `.py` file. Set
`QUOTEDB_INTERPRETED=1` to load the sources even when the build is current.

Nothing here imports mypyc unless a build is asked for; without a build, or where a C compiler
is missing, the engine runs interpreted and gives the same results.
"""

from __future__ import annotations

import hashlib
import importlib.abc
import importlib.machinery
import importlib.util
import os
import shutil
import sys
import tempfile
from pathlib import Path

PACKAGE = __name__.rpartition(".")[0]
DIRECTORY = Path(__file__).parent
# The modules that run for every article; the command line, corpus reading and scoring stay
# interpreted.
MODULES = ("text", "lexicon", "cuemodel", "frames", "people", "speakers", "engine", "records")
GROUP = "engine_native"  # the name of the shared library the modules' extensions load
STAMP = DIRECTORY / "native.stamp"
INTERPRETED_VARIABLE = "QUOTEDB_INTERPRETED"


class BuildError(Exception):
    """The compiler could not be run or rejected the sources."""


def source_digest() -> str:
    """A digest of the compiled modules' sources, in a fixed order."""
    digest = hashlib.sha256()
    for name in MODULES:
        digest.update(name.encode() + b"\0" + (DIRECTORY / f"{name}.py").read_bytes() + b"\0")
    return digest.hexdigest()


def extension_files() -> list[Path]:
    """The compiled files in the package directory, whatever sources they were built from."""
    suffixes = tuple(importlib.machinery.EXTENSION_SUFFIXES)
    names = (*MODULES, f"{GROUP}__mypyc")
    return sorted(
        path
        for path in DIRECTORY.iterdir()
        if path.name.endswith(suffixes) and path.name.split(".", 1)[0] in names
    )


def status() -> str:
    """'current', 'stale' (built from other sources), 'absent' or 'disabled'."""
    if not extension_files():
        return "absent"
    try:
        current = STAMP.read_text().strip() == source_digest()
    except OSError:
        current = False
    if not current:
        return "stale"
    return "disabled" if os.environ.get(INTERPRETED_VARIABLE) else "current"


def in_use() -> bool:
    """Whether the engine's modules were loaded from their extensions."""
    module = sys.modules.get(f"{PACKAGE}.engine")
    return module is not None and not str(getattr(module, "__file__", "")).endswith(".py")


class _SourcesFirst(importlib.abc.MetaPathFinder):
    """Loads the package's compiled modules from their `.py` files."""

    def find_spec(self, fullname, path=None, target=None):
        package, _, name = fullname.rpartition(".")
        if package != PACKAGE or name not in MODULES:
            return None
        return importlib.util.spec_from_file_location(fullname, DIRECTORY / f"{name}.py")


def guard() -> None:
    """Never let an extension built from other sources (or a disabled one) be imported."""
    if status() in ("stale", "disabled") and not any(
        isinstance(finder, _SourcesFirst) for finder in sys.meta_path
    ):
        sys.meta_path.insert(0, _SourcesFirst())


def remove() -> None:
    """Delete the compiled files and the stamp."""
    for path in extension_files():
        path.unlink()
    STAMP.unlink(missing_ok=True)


def build(verbose: bool = False) -> None:
    """Compile the modules with mypyc in a scratch directory and put the extensions beside
    their sources, with a stamp of the sources they were built from."""
    try:
        from mypyc.build import mypycify
        from setuptools import setup  # type: ignore[import-untyped]
    except ImportError as error:
        raise BuildError(f"mypyc is not installed ({error.name})") from None
    digest = source_digest()
    root = DIRECTORY.parent.parent
    relative = DIRECTORY.relative_to(root)
    with tempfile.TemporaryDirectory(prefix="quotedb-native-") as scratch:
        # The package's sources are copied so that the build reads exactly what the stamp
        # describes, and so that setuptools never sees the project's own pyproject.toml.
        package_copy = Path(scratch) / relative
        package_copy.mkdir(parents=True)
        for source in DIRECTORY.glob("*.py"):
            shutil.copy2(source, package_copy / source.name)
        for parent in relative.parents[:-1]:  # "articles", not the scratch directory itself
            (Path(scratch) / parent / "__init__.py").touch()
        paths = [str(relative / f"{name}.py") for name in MODULES]
        previous = os.getcwd()
        os.chdir(scratch)
        try:
            extensions = mypycify(
                paths,
                opt_level="3",
                target_dir=str(Path(scratch) / "c"),
                group_name=f"{PACKAGE}.{GROUP}",
                verbose=verbose,
            )
            setup(
                name="quotedb-engine-native",
                packages=[],
                py_modules=[],
                ext_modules=extensions,
                script_args=["-q", "build_ext", "--inplace", "--build-temp", "objects"],
            )
        except SystemExit as error:  # mypy and setuptools report failures this way
            raise BuildError(f"the build failed (exit status {error.code})") from None
        except Exception as error:  # an internal error of mypyc or the compiler driver
            raise BuildError(f"the build failed: {error!r}") from None
        finally:
            os.chdir(previous)
        built = sorted(package_copy.glob("*.so")) + sorted(package_copy.glob("*.pyd"))
        if not built:
            raise BuildError("the build produced no extension modules")
        remove()
        for path in built:
            shutil.copy2(path, DIRECTORY / path.name)
    STAMP.write_text(digest + "\n")
