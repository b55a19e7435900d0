"""Tests of kg.query.run_query: inputs (text, file, name), graph kinds, formats, user errors."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from rdf_fixtures import tiny_graph
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import UserError
from kg.query import list_queries, parse_params, run_query
from kg.rdf.export import to_rdf, write_rdf

METHODS = "SELECT ?label WHERE { ?e a kg:Method ; rdfs:label ?label } ORDER BY ?label"


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("rdf")
    write_rdf(to_rdf(tiny_graph()), d, ["ttl", "nt", "jsonld", "oxigraph"])
    return d


@pytest.mark.parametrize("graph", ["graph.ttl", "graph.nt", "graph.jsonld", "store"])
@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
def test_query_run_on_every_graph_kind(out: Path, graph: str, engine: str) -> None:
    text = run_query(METHODS, out / graph, fmt="csv", engine=engine)
    assert text == "label\r\nGRPO\r\n"


def test_query_run_table_is_aligned_with_wide_characters(out: Path) -> None:
    text = run_query(
        'SELECT ?zh ?n WHERE { ?f skos:prefLabel ?zh FILTER (LANG(?zh) = "zh") '
        "?f kg:supportCount ?n } ORDER BY ?zh",
        out / "graph.ttl",
    )
    lines = text.splitlines()
    assert lines[0].split() == ["zh", "n"]
    assert lines[-1] == "(4 rows)"
    # the count column starts at the same display column on every row
    from kg.query import _width

    starts = {_width(line[: line.rindex(" ") + 1]) for line in lines[2:-1]}
    assert len(starts) == 1


def test_query_run_json_is_sparql_results_json(out: Path) -> None:
    doc = json.loads(
        run_query(
            "SELECT ?p ?d WHERE { ?p kg:reportDate ?d } ORDER BY ?p ?d",
            out / "graph.ttl",
            fmt="json",
        )
    )
    assert doc["head"]["vars"] == ["p", "d"]
    first = doc["results"]["bindings"][0]
    assert first["p"]["type"] == "uri"
    assert first["d"] == {
        "type": "literal",
        "value": "2026-02-19",
        "datatype": "http://www.w3.org/2001/XMLSchema#date",
    }


def test_query_run_tsv_uses_rdf_term_syntax(out: Path) -> None:
    text = run_query(
        "SELECT ?e ?alt WHERE { ?e skos:altLabel ?alt } ORDER BY ?alt", out / "graph.ttl", fmt="tsv"
    )
    header, *rows = text.splitlines()
    assert header == "?e\t?alt"
    assert rows[1] == '<https://w3id.org/paperkg/id/method/grpo>\t"组相对策略优化"@zh'


def test_query_run_csv_quotes_commas(out: Path) -> None:
    text = run_query('SELECT ?x WHERE { BIND ("a, b" AS ?x) }', out / "graph.ttl", fmt="csv")
    assert list(csv.reader(io.StringIO(text))) == [["x"], ["a, b"]]


@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
def test_query_run_ask_and_construct(out: Path, engine: str) -> None:
    ask = "ASK { ?p kg:uses ?e }"
    assert run_query(ask, out / "graph.ttl", engine=engine) == "true\n"
    assert json.loads(run_query(ask, out / "graph.ttl", fmt="json", engine=engine))["boolean"]
    ttl = run_query(
        "CONSTRUCT { ?e rdfs:label ?l } WHERE { ?e a kg:Method ; rdfs:label ?l }",
        out / "graph.ttl",
        engine=engine,
    )
    assert 'method:grpo rdfs:label "GRPO"' in ttl


def test_query_run_named_query_file_and_params(out: Path, tmp_path: Path) -> None:
    by_name = run_query("papers-using-method", out / "graph.ttl", fmt="csv")
    assert "2602.15927" in by_name
    rq = tmp_path / "mine.rq"
    rq.write_text(
        '# Method labels.\n# @param m: a label\nSELECT ?l WHERE { VALUES ?m { "GRPO" } '
        "?e rdfs:label ?l FILTER (?l = ?m) }\n",
        encoding="utf-8",
    )
    assert run_query(str(rq), out / "graph.ttl", fmt="csv") == "l\r\nGRPO\r\n"
    assert run_query(str(rq), out / "graph.ttl", fmt="csv", params={"m": "SAW-Bench"}) == (
        "l\r\nSAW-Bench\r\n"
    )
    # a value with quotes and backslashes stays one literal (no SPARQL injection)
    tricky = 'x" } ?e ?p ?o { "'
    assert run_query(str(rq), out / "graph.ttl", fmt="csv", params={"m": tricky}) == "l\r\n"


@pytest.mark.parametrize(
    ("query", "graph", "kwargs", "message"),
    [
        (METHODS, "missing.ttl", {}, "graph not found"),
        ("SELECT ?x WHERE { ?x ", "graph.ttl", {}, "syntax error"),
        ("SELECT ?x WHERE { ?x ", "graph.ttl", {"engine": "rdflib"}, "syntax error"),
        ("no-such-query", "graph.ttl", {}, "unknown query name"),
        ("missing.rq", "graph.ttl", {}, "query file not found"),
        ("papers-using-method", "graph.ttl", {"params": {"nope": "1"}}, "no parameter nope"),
        (METHODS, "graph.ttl", {"params": {"m": "1"}}, "only applies to named queries"),
        (METHODS, "graph.ttl", {"fmt": "xml"}, "unknown format"),
        (METHODS, "graph.ttl", {"engine": "jena"}, "unknown engine"),
        ("INSERT DATA { <a:b> <a:c> <a:d> }", "graph.ttl", {}, "read-only"),
        ("PREFIX x: <a:> DELETE WHERE { ?s ?p ?o }", "store", {}, "read-only"),
    ],
)
def test_query_run_user_errors(
    out: Path, query: str, graph: str, kwargs: dict, message: str
) -> None:
    with pytest.raises(UserError, match=message):
        run_query(query, out / graph, **kwargs)


def test_query_run_unparsable_graph_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle .\n", encoding="utf-8")
    for engine in ("oxigraph", "rdflib"):
        with pytest.raises(UserError, match="cannot parse"):
            run_query(METHODS, bad, engine=engine)


def test_query_parse_params() -> None:
    assert parse_params(["method=PPO", "arxiv=", "x=a=b"]) == {
        "method": "PPO",
        "arxiv": "",
        "x": "a=b",
    }
    with pytest.raises(UserError, match="NAME=VALUE"):
        parse_params(["method"])


def test_query_cli_list_param_and_error(out: Path) -> None:
    runner = CliRunner()
    listed = runner.invoke(app, ["query", "--list"])
    assert listed.exit_code == 0
    assert all(name in listed.output for name in list_queries())
    ok = runner.invoke(
        app,
        [
            "query",
            "papers-using-method",
            "--graph",
            str(out / "store"),
            "--param",
            "method=group relative policy optimization",
            "--format",
            "csv",
        ],
    )
    assert ok.exit_code == 0, ok.output
    assert "2602.15927" in ok.output
    bad = runner.invoke(app, ["query", "SELECT ?x WHERE {", "--graph", str(out / "graph.ttl")])
    assert bad.exit_code == 1
    assert "syntax error" in bad.output
    assert "Traceback" not in bad.output
