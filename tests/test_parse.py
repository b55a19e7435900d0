"""Tests of kg.parse: heading variants, failed analyses, bad input, line numbers."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.parse import parse_file, parse_folder, parse_text

HEADER = "# Hugging Face Daily Papers Report\n**Date**: 2026-02-19\n**Source URL**: https://huggingface.co/papers/date/2026-02-19\n\n"
RULE = "=" * 60 + "\n\n"
NAMES = ["应用领域", "一句话核心贡献", "使用指南", "主要创新点", "实验效果"]
KEYS = ["fields", "contribution", "usage", "innovations", "results"]


def block(arxiv: str = "2602.15927", title: str = "A Paper", body: str | None = None) -> str:
    if body is None:
        body = sections("{n}. **{name}**：\n   text of {name}\n\n")
    return (
        f"## 📄 {title}\n\n- **链接**: https://huggingface.co/papers/{arxiv}\n"
        f"- **阅读来源**: HTML\n\n{body}\n" + RULE
    )


def sections(fmt: str) -> str:
    return "".join(fmt.format(n=i + 1, name=name) for i, name in enumerate(NAMES))


@pytest.mark.parametrize(
    "fmt",
    [
        "{n}. **{name}**：\n   text of {name}\n\n",
        "{n}.  **{name}**\n   text of {name}\n\n",
        "### {n}. {name}\ntext of {name}\n\n",
        "### {n}. **{name}**\ntext of {name}\n\n",
        "## {n}. {name}\ntext of {name}\n\n",
        "**{n}. {name}**\ntext of {name}\n\n",
        "{n}. **{name}**:\ntext of {name}\n\n",
        "{n}. **{name}**：text of {name}\n\n",
        "### {n}. {name}：\ntext of {name}\n\n",
    ],
)
def test_parse_every_heading_variant(fmt: str) -> None:
    report, issues = parse_text(HEADER + RULE + block(body=sections(fmt)), "r.md")
    assert issues == []
    assert report is not None and len(report.papers) == 1
    paper = report.papers[0]
    assert [s.key for s in paper.sections] == KEYS
    for s, name in zip(paper.sections, NAMES, strict=True):
        assert s.text.strip() == f"text of {name}"
    assert not paper.failed


def test_parse_title_line_before_sections_is_ignored() -> None:
    body = "# A Paper 研究报告\n\n" + sections("### {n}. {name}\ntext of {name}\n\n")
    report, _ = parse_text(HEADER + RULE + block(body=body), "r.md")
    paper = report.papers[0]
    assert [s.key for s in paper.sections] == KEYS
    assert "研究报告" not in paper.sections[0].text


def test_parse_section_lines_point_into_the_file() -> None:
    text = HEADER + RULE + block(body=sections("{n}. **{name}**：\n   first {name}\n   second\n\n"))
    report, _ = parse_text(text, "r.md")
    lines = text.split("\n")
    for s in report.papers[0].sections:
        assert lines[s.line - 1].strip() == s.text.split("\n")[0].strip()
        offset = s.text.index("second")
        assert "second" in lines[s.line_of(offset) - 1]


def test_parse_paper_fields() -> None:
    report, _ = parse_text(HEADER + RULE + block("2602.16682v2", "Learning Things"), "d/r.md")
    paper = report.papers[0]
    assert paper.arxiv_id == "2602.16682"
    assert paper.title == "Learning Things"
    assert paper.url == "https://huggingface.co/papers/2602.16682v2"
    assert paper.date == "2026-02-19"
    assert paper.source == "d/r.md"
    assert paper.line == 7
    assert paper.read_source == "HTML"


def test_parse_failed_analysis_is_kept_as_failed_paper() -> None:
    body = "AI 分析出错: 503 UNAVAILABLE. {'error': {'code': 503}}\n"
    report, issues = parse_text(HEADER + RULE + block(body=body) + block("2602.00001"), "r.md")
    failed, ok = report.papers
    assert failed.failed and failed.error.startswith("503 UNAVAILABLE")
    assert failed.sections == ()
    assert failed.title == "A Paper" and failed.arxiv_id == "2602.15927"
    assert not ok.failed
    assert issues == []


def test_parse_section_marker_is_not_a_paper() -> None:
    body = sections("## {n}. {name}\ntext of {name}\n\n")
    report, _ = parse_text(HEADER + RULE + block(body=body) + block("2602.00002", "B"), "r.md")
    assert [p.arxiv_id for p in report.papers] == ["2602.15927", "2602.00002"]


def test_parse_block_without_link_is_skipped_with_line() -> None:
    bad = "## 📄 Broken paper\n\nno link here\n\n" + RULE
    text = HEADER + RULE + bad + block("2602.00003")
    report, issues = parse_text(text, "r.md")
    assert [p.arxiv_id for p in report.papers] == ["2602.00003"]
    assert len(issues) == 1
    assert issues[0].line == text.split("\n").index("## 📄 Broken paper") + 1
    assert "链接" in issues[0].message
    assert str(issues[0]).startswith("r.md:")


def test_parse_block_without_sections_is_kept_failed_with_issue() -> None:
    report, issues = parse_text(HEADER + RULE + block(body="just words\n"), "r.md")
    assert report.papers[0].failed
    assert len(issues) == 1 and "no analysis sections" in issues[0].message


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty file"),
        (b"   \n\n", "empty file"),
        (b"# Shopping list\n- milk\n", "not a Daily Papers report"),
        (b"# Hugging Face Daily Papers Report\n\xff\xfe bad bytes\n", "not valid UTF-8"),
    ],
)
def test_parse_bad_files_give_issue_not_crash(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "x.md"
    path.write_bytes(content)
    report, issues = parse_file(path, tmp_path)
    assert report is None
    assert len(issues) == 1 and message in issues[0].message
    assert issues[0].source == "x.md"


def test_parse_non_utf8_reports_line(tmp_path: Path) -> None:
    (tmp_path / "x.md").write_bytes(b"# Hugging Face Daily Papers Report\nok\n\xff\n")
    _, issues = parse_file(tmp_path / "x.md", tmp_path)
    assert issues[0].line == 3


@pytest.mark.parametrize("transform", ["bom", "crlf", "cr", "bom+crlf"])
def test_parse_bom_and_line_endings(tmp_path: Path, transform: str) -> None:
    text = HEADER + RULE + block()
    if "crlf" in transform:
        text = text.replace("\n", "\r\n")
    elif transform == "cr":
        text = text.replace("\n", "\r")
    data = text.encode("utf-8")
    if "bom" in transform:
        data = b"\xef\xbb\xbf" + data
    (tmp_path / "r.md").write_bytes(data)
    report, issues = parse_file(tmp_path / "r.md", tmp_path)
    assert issues == []
    assert report.date == "2026-02-19"
    assert [s.key for s in report.papers[0].sections] == KEYS


def test_parse_huge_file_is_linear(tmp_path: Path) -> None:
    n = 3000
    text = HEADER + RULE + "".join(block(f"2601.{i:05d}", f"Paper {i}") for i in range(n))
    (tmp_path / "big.md").write_text(text, encoding="utf-8")
    report, issues = parse_file(tmp_path / "big.md", tmp_path)
    assert issues == [] and len(report.papers) == n


def test_parse_folder_recursive_sorted_and_filtered(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text(HEADER + RULE + block("2602.00002"), encoding="utf-8")
    (tmp_path / "1.md").write_text(HEADER + RULE + block("2602.00001"), encoding="utf-8")
    (tmp_path / "notes.json").write_text("{}", encoding="utf-8")
    (tmp_path / "readme.md").write_text("# hello\n", encoding="utf-8")
    corpus = parse_folder(tmp_path)
    assert [r.source for r in corpus.reports] == ["1.md", "b/2.txt"]
    assert corpus.files_seen == 3
    assert [i.source for i in corpus.issues] == ["readme.md"]


def test_parse_bad_date_is_reported_and_url_date_used() -> None:
    text = HEADER.replace("2026-02-19\n**Source", "19/02/2026\n**Source") + RULE + block()
    report, issues = parse_text(text, "r.md")
    assert report.date == "2026-02-19"
    assert any("bad report date" in i.message and i.line == 2 for i in issues)


def test_parse_bundled_reports_all_papers() -> None:
    corpus = parse_folder(Path(__file__).parent.parent / "reports")
    papers = [p for r in corpus.reports for p in r.papers]
    assert corpus.issues == ()
    assert len(papers) == 100
    assert sum(p.failed for p in papers) == 1
    assert all(len(p.sections) == 5 for p in papers if not p.failed)


@pytest.mark.parametrize(("second_title", "issues"), [("A Paper", 0), ("Another Paper", 1)])
def test_parse_same_id_under_another_title_is_reported(
    tmp_path: Path, second_title: str, issues: int
) -> None:
    (tmp_path / "1.md").write_text(HEADER + RULE + block("2602.00001", "A Paper"), "utf-8")
    (tmp_path / "2.md").write_text(HEADER + RULE + block("2602.00001", second_title), "utf-8")
    found = parse_folder(tmp_path).issues
    assert len(found) == issues
    if issues:
        assert found[0].source == "2.md" and "1.md:" in found[0].message
