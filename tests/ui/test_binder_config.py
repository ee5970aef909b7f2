"""binder/ gives mybinder.org what it needs to launch the lessons, consistent with pyproject.

repo2docker reads ``binder/runtime.txt`` (Python version), ``binder/requirements.txt``
(``pip install -r``) and runs ``binder/postBuild``. These tests check that that route installs
every runtime dependency sourcecrit declares, at the versions ``make test`` tested, on a
Python the package supports, and that the package itself gets installed.
"""

from __future__ import annotations

import os
import re
from importlib import metadata
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name
from packaging.version import Version

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10 has no tomllib
    tomllib = pytest.importorskip("tomli")

REPO = Path(__file__).resolve().parents[2]
BINDER = REPO / "binder"
PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
# Binder serves JupyterLab, so the `lab` extra is part of what it must install.
BINDER_EXTRAS = ("lab",)


def declared_requirements() -> list[Requirement]:
    """Return pyproject's runtime dependencies plus the extras Binder needs."""
    project = PYPROJECT["project"]
    reqs = [Requirement(r) for r in project["dependencies"]]
    for extra in BINDER_EXTRAS:
        reqs += [Requirement(r) for r in project["optional-dependencies"][extra]]
    return reqs


def pins(path: Path) -> dict[str, Version]:
    """Return ``{canonical name: version}`` for the ``name==version`` lines of ``path``.

    Raises:
        AssertionError: naming the line, for a requirement that is not an exact pin.
    """
    found: dict[str, Version] = {}
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        req = Requirement(line)
        specs = list(req.specifier)
        assert len(specs) == 1 and specs[0].operator == "==", (
            f"{path.name} line {number}: {line!r} is not an exact pin (name==version)"
        )
        found[canonicalize_name(req.name)] = Version(specs[0].version)
    return found


@pytest.fixture(scope="module")
def binder_pins() -> dict[str, Version]:
    return pins(BINDER / "requirements.txt")


@pytest.fixture(scope="module")
def constraint_pins() -> dict[str, Version]:
    return pins(REPO / "requirements" / "constraints.txt")


@pytest.mark.parametrize("req", declared_requirements(), ids=str)
def test_binder_pins_each_declared_dependency(req, binder_pins, constraint_pins):
    name = canonicalize_name(req.name)
    assert name in binder_pins, f"binder/requirements.txt does not install {req.name}"
    pinned = binder_pins[name]
    assert req.specifier.contains(pinned, prereleases=True), (
        f"binder pins {req.name}=={pinned}, outside pyproject's {req}"
    )
    # Binder runs what the test suite ran: the same pin as requirements/constraints.txt.
    assert constraint_pins.get(name) == pinned, (
        f"binder pins {req.name}=={pinned}, constraints.txt has {constraint_pins.get(name)}"
    )


def test_binder_installs_nothing_undeclared(binder_pins):
    # A pin for a package sourcecrit no longer needs is a stale leftover.
    declared = {canonicalize_name(r.name) for r in declared_requirements()}
    assert set(binder_pins) - declared == set()


def runtime_python() -> Version:
    text = (BINDER / "runtime.txt").read_text(encoding="utf-8").strip()
    match = re.fullmatch(r"python-(\d+)\.(\d+)", text)
    assert match, f"binder/runtime.txt must read python-X.Y, not {text!r}"
    return Version(f"{match[1]}.{match[2]}")


def test_runtime_python_is_one_sourcecrit_supports():
    assert SpecifierSet(PYPROJECT["project"]["requires-python"]).contains(runtime_python())
    # The Python the project type-checks for is the one students get.
    assert str(runtime_python()) == PYPROJECT["tool"]["mypy"]["python_version"]


def test_runtime_python_can_install_every_pin(binder_pins):
    # Pins come from a lock made on one Python (pandas 3, for one, needs 3.11+); each pinned
    # release that is installed here says which Pythons it supports.
    python = runtime_python()
    checked, refused = 0, []
    for name, version in binder_pins.items():
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        if Version(dist.version) != version or not dist.metadata.get("Requires-Python"):
            continue
        checked += 1
        if not SpecifierSet(dist.metadata["Requires-Python"]).contains(python):
            refused.append(f"{name}=={version} needs Python {dist.metadata['Requires-Python']}")
    assert checked, "none of the pinned releases is installed here to read its metadata"
    assert refused == [], f"binder/runtime.txt says {python}"


def test_post_build_installs_the_package():
    post_build = BINDER / "postBuild"
    assert os.access(post_build, os.X_OK), "repo2docker only runs an executable postBuild"
    lines = post_build.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("#!"), "postBuild needs a shebang line"
    commands = [line.strip() for line in lines[1:] if line.strip() and not line.startswith("#")]
    assert any(line.startswith("set -e") for line in commands), "a failing step must fail"
    # repo2docker runs postBuild from the repository root, so `.` is this checkout.
    installs = [c for c in commands if re.search(r"\bpip install\b", c)]
    assert any(re.search(r"(^|\s)\.(\s|$)", c) for c in installs), commands


def binder_links() -> list[str]:
    """Return the mybinder.org launch links in README.md and binder/README.md."""
    links: list[str] = []
    for readme in (REPO / "README.md", BINDER / "README.md"):
        text = readme.read_text(encoding="utf-8")
        links += re.findall(r"https://mybinder\.org/v2/[^\s)\]]+", text)
    return links


def test_binder_launch_links_open_an_existing_notebook():
    links = binder_links()
    assert links, "binder/README.md gives the launch links"
    assert any(link.endswith("urlpath=lab/tree/START.ipynb") for link in links), links
    for link in links:
        urlpath = parse_qs(urlparse(link).query).get("urlpath", [""])[0]
        assert urlpath.startswith("lab/tree/"), f"{link} does not open JupyterLab on a file"
        target = REPO / urlpath.removeprefix("lab/tree/")
        assert target.is_file(), f"{link} points at {target.relative_to(REPO)}, which is missing"
