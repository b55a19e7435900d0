"""Tests of kg.eval gold-file checking, the CLI errors, and the shipped gold annotations."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import UserError
from kg.eval import evaluate, load_gold
from kg.keys import entity_key
from kg.model import ENTITY_TYPES

PROJECT = Path(__file__).resolve().parent.parent
GOLD_DIR = PROJECT / "tests" / "gold"
REPORTS = PROJECT / "reports"

_OK_ENTITY = {"name": "GRPO", "type": "Method", "aliases": []}


def _paper(**changes) -> dict:
    paper = {"arxiv_id": "2602.00001", "entities": [dict(_OK_ENTITY)], "fields": []}
    paper.update(changes)
    return paper


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"papers": [\n  {"arxiv_id": "1",\n  }]}', r"bad\.json:3:\d+: not valid JSON"),
        ("[]", "expected an object with a 'papers' list"),
        ('{"guide": "x"}', "expected an object with a 'papers' list"),
        (json.dumps({"papers": [{"entities": []}]}), "paper #1: missing key 'arxiv_id'"),
        (json.dumps({"papers": [{"arxiv_id": "1"}]}), "paper #1: missing key 'entities'"),
        (
            json.dumps({"papers": [_paper(entities=[{"name": "GRPO"}])]}),
            "entity #1: missing or empty key 'type'",
        ),
        (
            json.dumps({"papers": [_paper(entities=[{"name": "X", "type": "Thing"}])]}),
            "unknown type 'Thing'",
        ),
        (
            json.dumps({"papers": [_paper(entities=[{**_OK_ENTITY, "alt_types": ["Foo"]}])]}),
            "unknown type 'Foo'",
        ),
        (
            json.dumps({"papers": [_paper(entities=[{**_OK_ENTITY, "aliases": "GRPO"}])]}),
            "'aliases' must be a list of strings",
        ),
        (
            json.dumps({"papers": [_paper(entities=[{**_OK_ENTITY, "optional": "yes"}])]}),
            "'optional' must be true or false",
        ),
        (json.dumps({"papers": [_paper(fields=[{"zh": None}])]}), "needs a 'zh' or 'en' string"),
        (json.dumps({"papers": [_paper(), _paper(arxiv_id="2602.00001v2")]}), "given twice"),
    ],
)
def test_eval_bad_gold_file_is_user_error(tmp_path, text, message):
    path = tmp_path / "bad.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(UserError, match=message) as info:
        load_gold(path)
    assert "bad.json" in str(info.value)


def test_eval_missing_gold_and_graph_are_user_errors(tmp_path):
    with pytest.raises(UserError, match="gold file not found"):
        load_gold(tmp_path / "nope.json")
    gold = tmp_path / "g.json"
    gold.write_text(json.dumps({"papers": [_paper()]}), encoding="utf-8")
    with pytest.raises(UserError, match="graph not found"):
        evaluate([gold], tmp_path / "graph.ttl")
    broken = tmp_path / "broken.ttl"
    broken.write_text("this is not turtle <<<", encoding="utf-8")
    with pytest.raises(UserError, match="cannot read the graph"):
        evaluate([gold], broken)


def test_eval_cli_reports_user_error_without_traceback(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "--gold", str(bad), "--graph", "x.ttl"])
    assert result.exit_code == 1
    assert "bad.json:1:" in result.output and "Traceback" not in result.output


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        ([], 2, "no gold file given"),
        (["a.json"], 1, "a.json"),  # a positional file is read like --gold a.json
    ],
)
def test_eval_cli_gold_files_as_options_or_arguments(tmp_path, args, code, message):
    result = CliRunner().invoke(app, ["eval", *args, "--graph", str(tmp_path / "g.ttl")])
    assert result.exit_code == code
    assert message in result.output and "Traceback" not in result.output


def _report_ids(folder: Path, source: str) -> list[str]:
    """arXiv ids of the analysed papers of a report, in file order."""
    text = (folder / source).read_text(encoding="utf-8")
    ids = []
    for block in re.split(r"^(?=## 📄 )", text, flags=re.M)[1:]:
        m = re.search(r"huggingface\.co/papers/(\S+)", block)
        if m and "AI 分析出错" not in block:
            ids.append(m.group(1))
    return ids


def _shipped_gold() -> list[tuple[str, int, Path]]:
    """Every gold file with the folder of its reports (the top-level ones annotate reports/)."""
    files = [(p.name, 12, REPORTS) for p in sorted(GOLD_DIR.glob("*.json"))]
    for sub in ("fresh", "fresh_heldout"):
        files += [
            (f"{sub}/{p.name}", 12, GOLD_DIR / sub) for p in sorted((GOLD_DIR / sub).glob("*.json"))
        ]
    return files


@pytest.mark.parametrize(("name", "minimum", "reports"), _shipped_gold())
def test_eval_shipped_gold_is_well_formed(name, minimum, reports):
    path = GOLD_DIR / name
    gold = load_gold(path)
    raw = json.loads(path.read_text(encoding="utf-8"))
    assert len(gold.papers) >= minimum
    # papers are consecutive analysed papers of their reports, in file order
    by_source: dict[str, list[str]] = {}
    for paper in raw["papers"]:
        by_source.setdefault(paper["source"], []).append(paper["arxiv_id"])
    for source, ids in by_source.items():
        report = _report_ids(reports, source)
        start = report.index(ids[0])
        assert ids == report[start : start + len(ids)], source
    for paper in gold.papers:
        assert paper.entities and paper.fields, paper.arxiv_id
        keys = [e.keys for e in paper.entities]
        for i, a in enumerate(keys):
            assert a, (paper.arxiv_id, paper.entities[i].name)
            for b in keys[i + 1 :]:
                assert not (a & b), (paper.arxiv_id, sorted(a & b))
        for e in paper.entities:
            assert e.type in ENTITY_TYPES and e.name == e.name.strip()
            assert entity_key(e.name) not in {entity_key(a) for a in e.aliases}
    # the file is written sorted with 2-space indent, so diffs stay readable
    expected = json.dumps(raw, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    assert path.read_text(encoding="utf-8") == expected


def test_eval_heldout_is_disjoint_from_dev():
    dev = {p.arxiv_id for p in load_gold(GOLD_DIR / "dev.json").papers}
    held = {p.arxiv_id for p in load_gold(GOLD_DIR / "heldout.json").papers}
    assert not dev & held


def test_eval_gold_scores_itself_perfectly(tmp_path):
    """A graph holding exactly the gold annotations scores 1.0 everywhere (scorer and gold agree)."""
    from rdflib import RDF, RDFS, SKOS, Graph, Literal, Namespace, URIRef

    kg = Namespace("https://w3id.org/paperkg/ontology#")
    gold_path = GOLD_DIR / "heldout.json"
    g = Graph()
    for paper in load_gold(gold_path).papers:
        node = URIRef(f"https://example.org/paper/{paper.arxiv_id}")
        g.add((node, RDF.type, kg.Paper))
        g.add((node, kg.arxivId, Literal(paper.arxiv_id)))
        for i, e in enumerate(paper.entities):
            ent = URIRef(f"https://example.org/entity/{paper.arxiv_id}/{i}")
            g.add((node, kg.mentions, ent))
            g.add((ent, RDF.type, kg[e.type]))
            g.add((ent, RDFS.label, Literal(e.name)))
            for alias in e.aliases:
                g.add((ent, SKOS.altLabel, Literal(alias)))
        for i, f in enumerate(paper.fields):
            field = URIRef(f"https://example.org/field/{paper.arxiv_id}/{i}")
            g.add((node, kg.inField, field))
            g.add((field, RDFS.label, Literal(f.label)))
    graph = tmp_path / "graph.ttl"
    g.serialize(graph, format="turtle")
    s = evaluate([gold_path], graph).files[0]
    assert s.untyped.f1 == s.typed.f1 == s.fields.f1 == 1.0
    assert s.misses == s.false_positives == s.type_errors == ()


@pytest.mark.parametrize(("second", "first"), [("heldout_2", "heldout"), ("check_2", "check")])
def test_eval_second_annotations_cover_the_same_papers(second: str, first: str) -> None:
    path = GOLD_DIR / "agreement" / f"{second}.json"
    again = load_gold(path)
    assert [p.arxiv_id for p in again.papers] == [
        p.arxiv_id for p in load_gold(GOLD_DIR / f"{first}.json").papers
    ]
    for paper in again.papers:
        keys = [e.keys for e in paper.entities]
        assert all(not (a & b) for i, a in enumerate(keys) for b in keys[i + 1 :]), paper.arxiv_id
        for e in paper.entities:
            assert entity_key(e.name) not in {entity_key(a) for a in e.aliases}
    raw = json.loads(path.read_text(encoding="utf-8"))
    assert path.read_text(encoding="utf-8") == (
        json.dumps(raw, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    )
