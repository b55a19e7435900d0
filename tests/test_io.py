"""Tests of kg.io: outputs are replaced whole or not at all."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kg.io import atomic_path, write_text


def test_io_write_replaces_whole_file(tmp_path: Path) -> None:
    target = tmp_path / "out" / "graph.ttl"
    write_text(target, "old\n")
    write_text(target, "new\n")
    assert target.read_text(encoding="utf-8") == "new\n"
    assert sorted(p.name for p in target.parent.iterdir()) == ["graph.ttl"]
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask


@pytest.mark.parametrize("directory", [False, True])
def test_io_failure_keeps_old_output_and_leaves_no_temp(tmp_path: Path, directory: bool) -> None:
    target = tmp_path / ("store" if directory else "graph.ttl")
    if directory:
        target.mkdir()
        (target / "data").write_text("old", encoding="utf-8")
    else:
        target.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_path(target, directory=directory) as tmp:
        (tmp / "data" if directory else tmp).write_text("half", encoding="utf-8")
        raise RuntimeError("crash mid-write")
    kept = target / "data" if directory else target
    assert kept.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]


def test_io_directory_swap(tmp_path: Path) -> None:
    target = tmp_path / "store"
    for content in ("one", "two"):
        with atomic_path(target, directory=True) as tmp:
            (tmp / "data").write_text(content, encoding="utf-8")
    assert (target / "data").read_text(encoding="utf-8") == "two"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["store"]
