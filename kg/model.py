"""Frozen dataclasses passed between pipeline stages (parse -> extract -> graph -> export)."""

from __future__ import annotations

from dataclasses import dataclass

# Entity types of ../shared/ENTITY_GUIDE.md; Benchmark is a Dataset used to evaluate.
ENTITY_TYPES: tuple[str, ...] = (
    "Model",
    "Dataset",
    "Benchmark",
    "Hardware",
    "Method",
    "Metric",
    "Software",
    "Organization",
)

# Paper -> entity roles. Every link is also a plain `mentions`.
ROLES: tuple[str, ...] = ("proposes", "uses", "evaluatesOn", "comparesWith", "runsOn", "mentions")
# Entity -> entity relations a report's text states (variantOf comes from names instead).
STATED_RELATIONS: tuple[str, ...] = ("fineTunedFrom", "distilledFrom", "basedOn", "trainedOn")


@dataclass(frozen=True, slots=True)
class Section:
    """One analysis section. `line` is the 1-based file line of the first character of `text`."""

    key: str  # fields, contribution, usage, innovations or results (see kg.parse.SECTION_NAMES)
    text: str
    line: int

    def line_of(self, offset: int) -> int:
        """File line of the character at `offset` in `text`."""
        return self.line + self.text.count("\n", 0, offset)


@dataclass(frozen=True, slots=True)
class PaperRecord:
    """One paper block as it appears in one report."""

    arxiv_id: str
    title: str
    url: str
    date: str | None  # ISO date of the report, YYYY-MM-DD
    source: str  # report path, relative to the reports folder, POSIX separators
    line: int  # line of the `## 📄` heading
    read_source: str | None = None
    sections: tuple[Section, ...] = ()
    failed: bool = False
    error: str | None = None

    def section(self, key: str) -> Section | None:
        for s in self.sections:
            if s.key == key:
                return s
        return None


@dataclass(frozen=True, slots=True)
class ParseIssue:
    """A problem met while reading reports: skipped file or malformed block."""

    source: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.source}:{self.line}: {self.message}"


@dataclass(frozen=True, slots=True)
class Report:
    """One parsed report file."""

    source: str
    date: str | None
    source_url: str | None
    papers: tuple[PaperRecord, ...]


@dataclass(frozen=True, slots=True)
class Corpus:
    """Everything read from a folder of reports."""

    reports: tuple[Report, ...]
    issues: tuple[ParseIssue, ...]
    files_seen: int


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a fact came from: report file, line, section key and the sentence itself."""

    source: str
    line: int
    section: str
    sentence: str


@dataclass(frozen=True, slots=True)
class Alias:
    text: str
    lang: str | None = None  # "zh" for Chinese labels, None otherwise


@dataclass(frozen=True, slots=True)
class EntityMention:
    """One entity as found in one paper: its name there, type, roles and evidence."""

    key: str  # kg.keys.entity_key(canonical name); identity across papers
    name: str  # canonical name (KB name if known, else English surface form as written)
    etype: str  # one of ENTITY_TYPES
    roles: tuple[str, ...] = ()  # specific roles (subset of ROLES without "mentions"), sorted
    aliases: tuple[Alias, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    family: str | None = None  # key of the family entity (Qwen2.5-VL-7B -> qwen2.5-vl)
    in_kb: bool = False
    guessed: bool = False  # no cue in this paper chose etype; the extractor's default did


@dataclass(frozen=True, slots=True)
class FieldMention:
    """One research field a paper is in (from 应用领域)."""

    key: str
    zh: str | None
    en: str | None
    parent: str | None = None  # key of the broader field written in the report (大类 - 子类)
    area: str | None = None  # key of the top-level area of the taxonomy
    evidence: Evidence | None = None


@dataclass(frozen=True, slots=True)
class Relation:
    """An entity-entity fact stated in the text (GeoAgent fineTunedFrom Qwen2.5-VL-7B)."""

    subject: str  # entity key
    predicate: str  # e.g. "fineTunedFrom", "basedOn", "variantOf"
    object: str  # entity key
    evidence: Evidence | None = None
    # Name and type for the object when no paper mentions it directly (a model family).
    object_name: str | None = None
    object_type: str | None = None


@dataclass(frozen=True, slots=True)
class PaperExtraction:
    """Everything the extractor found in one paper."""

    arxiv_id: str
    entities: tuple[EntityMention, ...] = ()
    fields: tuple[FieldMention, ...] = ()
    relations: tuple[Relation, ...] = ()


@dataclass(frozen=True, slots=True)
class Area:
    """A top-level research area of the field taxonomy."""

    key: str
    zh: str
    en: str


@dataclass(frozen=True, slots=True)
class BuildSummary:
    """What `kg build` did, printed at the end."""

    papers: int
    failed_papers: int
    entities_by_type: dict[str, int]
    fields: int
    links: int
    triples: int
    skipped: tuple[ParseIssue, ...]
    outputs: tuple[str, ...]
    seconds: float
    shacl_violations: int = 0
    html_note: str = ""
    report_files: int = 0  # files with a report suffix found under the folder
    reports_read: int = 0  # of those, the ones parsed as reports
    paper_blocks: int = 0  # paper blocks read, before merging repeated arXiv ids
