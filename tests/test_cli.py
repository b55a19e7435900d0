"""Tests of the Typer CLI: help, user errors on stderr without tracebacks, --strict, summary."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app

runner = CliRunner()
REPORTS = Path(__file__).resolve().parent.parent / "reports"


def test_cli_help_lists_commands() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in ("build", "eval", "query", "serve"):
        assert command in result.output


def test_cli_python_dash_m() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "kg", "build", "--help"], capture_output=True, text=True
    )
    assert proc.returncode == 0
    assert "--reports" in proc.stdout and "--strict" in proc.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["build", "--reports", "no/such/folder"], "reports folder not found"),
        (["build", "--reports", "pyproject.toml"], "not a folder"),
        (["build", "--format", "xml"], "unknown --format xml"),
    ],
)
def test_cli_user_errors_are_one_line_on_stderr(
    tmp_path: Path, args: list[str], message: str
) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "kg", *args, "--out", str(tmp_path / "out")],
        capture_output=True,
        text=True,
        cwd=REPORTS.parent,
    )
    assert proc.returncode == 1
    assert message in proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout
    assert not (tmp_path / "out").exists()


def _mini_reports(folder: Path) -> None:
    folder.mkdir()
    text = (REPORTS / "000_fc14b9b62ff4d1f1.txt").read_text(encoding="utf-8")
    (folder / "day.md").write_text(text, encoding="utf-8")
    (folder / "notes.md").write_text("# my notes\n", encoding="utf-8")


def test_cli_build_summary_and_strict(tmp_path: Path) -> None:
    _mini_reports(tmp_path / "r")
    out = tmp_path / "out"
    args = ["build", "--reports", str(tmp_path / "r"), "--out", str(out), "--no-progress"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "papers: 13 (1 failed analyses" in result.output
    assert "notes.md:1: not a Daily Papers report" in result.output
    assert (out / "graph.ttl").stat().st_size > 0 and (out / "graph.html").stat().st_size > 0
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]
    strict = runner.invoke(app, [*args, "--strict"])
    assert strict.exit_code == 2
    assert "--strict" in strict.stderr


def test_cli_build_twice_gives_identical_files(tmp_path: Path) -> None:
    _mini_reports(tmp_path / "r")
    outs = []
    for name in ("a", "b"):
        out = tmp_path / name
        result = runner.invoke(
            app, ["build", "--reports", str(tmp_path / "r"), "--out", str(out), "--no-progress"]
        )
        assert result.exit_code == 0, result.output
        outs.append(out)
    for f in ("graph.ttl", "graph.html"):
        assert (outs[0] / f).read_bytes() == (outs[1] / f).read_bytes(), f
