"""Parse Hugging Face Daily Papers report files into PaperRecords with sections and line numbers."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path

from kg.keys import arxiv_key
from kg.model import Corpus, PaperRecord, ParseIssue, Report, Section

REPORT_SUFFIXES = (".md", ".txt")

_HEADER = re.compile(r"^#\s*Hugging\s*Face\s+Daily\s+Papers\s+Report\s*$", re.I)
_DATE = re.compile(r"^\*\*\s*Date\s*\*\*\s*[:：]\s*(\S+)\s*$", re.I)
_SOURCE_URL = re.compile(r"^\*\*\s*Source\s+URL\s*\*\*\s*[:：]\s*(\S+)\s*$", re.I)
_URL_DATE = re.compile(r"/date/(\d{4}-\d{2}-\d{2})")
_RULE = re.compile(r"^={5,}\s*$")
_PAPER = re.compile(r"^##\s*📄\s*(.*?)\s*$")
_PAPER_PLAIN = re.compile(r"^##\s+(.*?)\s*$")
_LINK = re.compile(r"^[-*]\s*\*\*\s*链接\s*\*\*\s*[:：]\s*(\S+)\s*$")
_READ_SOURCE = re.compile(r"^[-*]\s*\*\*\s*阅读来源\s*\*\*\s*[:：]\s*(.*?)\s*$")
_PAPER_ID = re.compile(r"huggingface\.co/papers/([^/?#\s]+)")
_FAILED = re.compile(r"^\s*AI\s*分析出错\s*[:：]?\s*(.*)$")

# Section names as written, with the near-synonyms a report generator might use.
SECTION_NAMES: dict[str, str] = {
    "应用领域": "fields",
    "研究领域": "fields",
    "一句话核心贡献": "contribution",
    "核心贡献": "contribution",
    "使用指南": "usage",
    "使用方法": "usage",
    "主要创新点": "innovations",
    "创新点": "innovations",
    "实验效果": "results",
    "实验结果": "results",
}
_NAMES = "|".join(sorted(map(re.escape, SECTION_NAMES), key=len, reverse=True))
# `1. **应用领域**：`, `1.  **应用领域**`, `### 1. 应用领域`, `### 1. **应用领域**`, `## 1. 应用领域`,
# `**1. 应用领域**`, each with or without a colon and with optional inline text after it.
_SECTION = re.compile(
    rf"^\s*(?P<hash>#{{1,6}}\s*)?(?P<b1>\*\*)?\s*(?P<num>\d+\s*[.、)]\s*)?(?P<b2>\*\*)?\s*"
    rf"(?P<name>{_NAMES})\s*(?:\*\*)?\s*(?P<colon>[:：])?\s*(?:\*\*)?\s*(?P<rest>.*?)\s*$"
)


def _section_heading(line: str) -> tuple[str, str] | None:
    """(section key, inline text) if `line` is a section heading, else None."""
    m = _SECTION.match(line)
    if not m:
        return None
    marked = m.group("hash") or m.group("num") or m.group("b1") or m.group("b2")
    # Without a heading marker, a sentence that merely starts with 实验效果 is body text.
    if not marked:
        return None
    rest = m.group("rest")
    if rest and not m.group("colon"):
        return None
    return SECTION_NAMES[m.group("name")], rest


def decode(data: bytes, source: str) -> tuple[str | None, ParseIssue | None]:
    """Text of a report file (BOM and CRLF handled), or an issue saying why it cannot be read."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        return None, ParseIssue(
            source, line, f"not valid UTF-8 (byte 0x{data[e.start]:02x}); re-save it as UTF-8"
        )
    return text.replace("\r\n", "\n").replace("\r", "\n"), None


def report_files(folder: Path) -> list[Path]:
    """Report files under `folder`, recursively, in sorted order."""
    return sorted(
        p
        for p in folder.rglob("*")
        if p.suffix.lower() in REPORT_SUFFIXES and p.is_file() and not p.name.startswith(".")
    )


def _valid_date(text: str) -> str | None:
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        return None


def parse_text(text: str, source: str) -> tuple[Report | None, list[ParseIssue]]:
    """Parse one report's text. Returns (None, issues) when the text is not a report."""
    lines = text.split("\n")
    issues: list[ParseIssue] = []
    if not text.strip():
        return None, [ParseIssue(source, 1, "empty file")]

    has_header = False
    report_date: str | None = None
    source_url: str | None = None
    starts: list[tuple[int, str]] = []  # (0-based line index, title)
    after_rule = False
    for i, line in enumerate(lines):
        if m := _PAPER.match(line):
            starts.append((i, m.group(1)))
        elif after_rule and (m := _PAPER_PLAIN.match(line)) and not _section_heading(line):
            # A paper heading that lost its 📄 marker: accept it where a rule precedes it.
            starts.append((i, m.group(1)))
        elif not starts:
            if _HEADER.match(line):
                has_header = True
            elif m := _DATE.match(line):
                report_date = _valid_date(m.group(1))
                if report_date is None:
                    issues.append(
                        ParseIssue(
                            source, i + 1, f"bad report date {m.group(1)!r} (want YYYY-MM-DD)"
                        )
                    )
            elif m := _SOURCE_URL.match(line):
                source_url = m.group(1)
        if line.strip():
            after_rule = bool(_RULE.match(line))

    if not has_header and not starts:
        return None, [
            ParseIssue(
                source,
                1,
                "not a Daily Papers report: no '# Hugging Face Daily Papers Report' header "
                "and no '## 📄' paper blocks",
            )
        ]
    if report_date is None and source_url and (m := _URL_DATE.search(source_url)):
        report_date = _valid_date(m.group(1))
    if report_date is None:
        issues.append(ParseIssue(source, 1, "report has no valid **Date**; papers get no date"))
    if not starts:
        issues.append(ParseIssue(source, 1, "report has no '## 📄' paper blocks"))

    papers: list[PaperRecord] = []
    bounds = [s for s, _ in starts] + [len(lines)]
    for (start, title), end in zip(starts, bounds[1:], strict=True):
        paper, problem = _parse_block(lines, start, end, title, source, report_date)
        if problem:
            issues.append(problem)
        if paper:
            papers.append(paper)
    return Report(source, report_date, source_url, tuple(papers)), issues


def _parse_block(
    lines: list[str], start: int, end: int, title: str, source: str, report_date: str | None
) -> tuple[PaperRecord | None, ParseIssue | None]:
    url = read_source = error = None
    failed = False
    heads: list[tuple[int, str, str]] = []  # (line index, key, inline text)
    for i in range(start + 1, end):
        line = lines[i]
        if url is None and (m := _LINK.match(line.strip())):
            url = m.group(1)
        elif read_source is None and (m := _READ_SOURCE.match(line.strip())):
            read_source = m.group(1) or None
        elif not heads and (m := _FAILED.match(line)):
            failed, error = True, m.group(1).strip() or "analysis failed"
        elif h := _section_heading(line):
            heads.append((i, *h))
    if url is None:
        return None, ParseIssue(
            source, start + 1, "paper block has no '- **链接**: <url>' line; skipped"
        )
    m = _PAPER_ID.search(url)
    raw_id = m.group(1) if m else url.rstrip("/").rsplit("/", 1)[-1]
    arxiv_id = arxiv_key(raw_id)
    if not arxiv_id:
        return None, ParseIssue(
            source, start + 1, f"cannot read a paper id from link {url!r}; skipped"
        )
    title = title.strip() or arxiv_id

    sections = _sections(lines, heads, end)
    issue = None
    if not failed and not sections:
        failed, error = True, "no analysis sections found"
        issue = ParseIssue(
            source, start + 1, f"paper {arxiv_id}: no analysis sections; kept as failed"
        )
    return (
        PaperRecord(
            arxiv_id=arxiv_id,
            title=title,
            url=url,
            date=report_date,
            source=source,
            line=start + 1,
            read_source=read_source,
            sections=sections,
            failed=failed,
            error=error,
        ),
        issue,
    )


def _sections(lines: list[str], heads: list[tuple[int, str, str]], end: int) -> tuple[Section, ...]:
    out: dict[str, Section] = {}
    bounds = [h[0] for h in heads] + [end]
    for (i, key, inline), stop in zip(heads, bounds[1:], strict=True):
        body = lines[i + 1 : stop]
        # Trailing rules and blank lines belong to the block separator, not the section.
        while body and (not body[-1].strip() or _RULE.match(body[-1])):
            body.pop()
        first = i + 2
        if inline:
            text_lines, first = [inline, *body], i + 1
        else:
            while body and not body[0].strip():
                body.pop(0)
                first += 1
            text_lines = body
        text = "\n".join(text_lines).rstrip()
        # A repeated heading (rare) keeps the first section so line numbers stay exact.
        out.setdefault(key, Section(key, text, first))
    return tuple(out.values())


def parse_file(path: Path, root: Path) -> tuple[Report | None, list[ParseIssue]]:
    """Read and parse one report file; never raises for bad content."""
    source = path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix()
    try:
        data = path.read_bytes()
    except OSError as e:
        return None, [ParseIssue(source, 1, f"cannot read file: {e.strerror or e}")]
    text, problem = decode(data, source)
    if text is None:
        return None, [problem] if problem else []
    return parse_text(text, source)


def parse_folder(
    folder: Path, wrap: Callable[[list[Path]], Iterable[Path]] = lambda paths: paths
) -> Corpus:
    """Parse every report file of `folder`; `wrap` may decorate the file list (progress bar)."""
    paths = report_files(folder)
    reports: list[Report] = []
    issues: list[ParseIssue] = []
    for path in wrap(paths):
        report, found = parse_file(path, folder)
        issues.extend(found)
        if report is not None:
            reports.append(report)
    issues.extend(_conflicting_ids(reports))
    return Corpus(tuple(reports), tuple(issues), len(paths))


def _conflicting_ids(reports: list[Report]) -> list[ParseIssue]:
    """One arXiv id under two different titles: both blocks merge into one paper, which is
    right for a paper featured on two days but hides a mistyped id, so it is reported."""
    first: dict[str, PaperRecord] = {}
    issues = []
    for report in reports:
        for paper in report.papers:
            seen = first.setdefault(paper.arxiv_id, paper)
            if seen is not paper and _title_key(seen.title) != _title_key(paper.title):
                issues.append(
                    ParseIssue(
                        paper.source,
                        paper.line,
                        f"paper {paper.arxiv_id} has another title at {seen.source}:{seen.line}"
                        f" ({seen.title!r}); the two blocks are merged as one paper",
                    )
                )
    return issues


def _title_key(title: str) -> str:
    return re.sub(r"\W+", "", title).casefold()


def iter_papers(corpus: Corpus) -> Iterator[PaperRecord]:
    """All paper records of a corpus, in file order."""
    for report in corpus.reports:
        yield from report.papers
