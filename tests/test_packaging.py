"""The wheel carries every data file the package reads: package-data covers ontology/ and kg/."""

from __future__ import annotations

from pathlib import Path

import pytest

tomllib = pytest.importorskip("tomllib")

PROJECT = Path(__file__).resolve().parent.parent


def _setuptools() -> dict:
    return tomllib.loads((PROJECT / "pyproject.toml").read_text(encoding="utf-8"))["tool"][
        "setuptools"
    ]


@pytest.mark.parametrize(("package", "folder"), [("kg_ontology", "ontology")])
def test_packaging_every_ontology_file_is_package_data(package: str, folder: str) -> None:
    conf = _setuptools()
    assert conf["package-dir"][package] == folder
    assert package in conf["packages"]
    root = PROJECT / folder
    # setuptools expands package-data like Path.glob: `*.tsv` does not reach into `kb/`.
    shipped = {p for pat in conf["package-data"][package] for p in root.glob(pat)}
    missed = [str(p.relative_to(root)) for p in root.rglob("*") if p.is_file() and p not in shipped]
    assert not missed


def test_packaging_every_code_package_is_listed() -> None:
    listed = set(_setuptools()["packages"])
    found = {
        ".".join(p.parent.relative_to(PROJECT).parts) for p in (PROJECT / "kg").rglob("__init__.py")
    }
    assert found <= listed
