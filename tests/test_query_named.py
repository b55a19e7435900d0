"""Tests of the named queries in kg/queries/: real results on the bundled reports, and
pyoxigraph and rdflib giving the same answers."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from rdf_fixtures import synthetic_graph
from rdflib import Literal, URIRef

from kg.query import Dataset, QueryResult, bind_params, list_queries, named_query, open_dataset
from kg.rdf.export import to_rdf, write_rdf

MIN_NAMED_QUERIES = 12


def _col(result: QueryResult, var: str) -> list:
    i = result.variables.index(var)
    return [row[i] for row in result.rows]


def _ints(result: QueryResult, var: str) -> list[int]:
    return [int(v) for v in _col(result, var)]


def _descending(values: list[int]) -> bool:
    return all(a >= b for a, b in zip(values, values[1:], strict=False))


def _check_using_method(r: QueryResult) -> None:
    assert {str(v).casefold() for v in _col(r, "methodLabel")} == {"grpo"}


def _check_top_base_models(r: QueryResult) -> None:
    assert _descending(_ints(r, "papers")) and min(_ints(r, "papers")) >= 1


def _check_benchmarks_per_field(r: QueryResult) -> None:
    assert all(v is not None for v in _col(r, "field"))
    assert min(_ints(r, "papers")) >= 1


def _check_hardware(r: QueryResult) -> None:
    papers, runs = _ints(r, "papers"), _ints(r, "runsOn")
    assert _descending(papers)
    assert all(0 <= n <= p for n, p in zip(runs, papers, strict=True))


def _check_evaluating_on(r: QueryResult) -> None:
    assert all(str(v).casefold() == "vbench" for v in _col(r, "benchmarkLabel"))


def _check_family(r: QueryResult) -> None:
    assert set(map(str, _col(r, "relation"))) <= {
        "variantOf",
        "fineTunedFrom",
        "basedOn",
        "distilledFrom",
    }
    assert all(
        str(m) != str(f) for m, f in zip(_col(r, "model"), _col(r, "familyLabel"), strict=True)
    )


def _check_shared(r: QueryResult) -> None:
    assert min(_ints(r, "papersA")) >= 1 and min(_ints(r, "papersB")) >= 1


def _check_proposing(r: QueryResult) -> None:
    assert set(map(str, _col(r, "type"))) <= {"Benchmark", "Dataset"}


def _check_evidence(r: QueryResult) -> None:
    assert all(str(s).strip() for s in _col(r, "sentence"))
    assert min(_ints(r, "line")) >= 1
    assert all(str(f).endswith((".txt", ".md")) for f in _col(r, "file"))


def _check_relation_evidence(r: QueryResult) -> None:
    _check_evidence(r)
    assert set(map(str, _col(r, "relation"))) <= {
        "relatedTo",
        "fineTunedFrom",
        "basedOn",
        "distilledFrom",
        "trainedOn",
    }


def _check_dates(r: QueryResult) -> None:
    dates = [str(d) for d in _col(r, "date")]
    assert dates == sorted(dates) and len(set(dates)) == len(dates)
    assert all(isinstance(d, Literal) and d.datatype.endswith("#date") for d in _col(r, "date"))


def _check_cooccurring(r: QueryResult) -> None:
    assert _descending(_ints(r, "papers")) and min(_ints(r, "papers")) >= 2
    assert all(
        a is not None and b is not None
        for a, b in zip(_col(r, "entityA"), _col(r, "entityB"), strict=True)
    )


def _check_field_labels(r: QueryResult) -> None:
    en, zh = _col(r, "en"), _col(r, "zh")
    assert any(e is not None and z is not None for e, z in zip(en, zh, strict=True))
    assert all(e is None or e.language == "en" for e in en)
    assert all(z is None or z.language == "zh" for z in zh)
    assert _descending(_ints(r, "papers"))


def _check_by_type(r: QueryResult) -> None:
    assert _descending(_ints(r, "entities"))
    assert all(
        k <= n for k, n in zip(_ints(r, "inKnowledgeBase"), _ints(r, "entities"), strict=True)
    )


def _check_top_entities(r: QueryResult) -> None:
    assert _descending(_ints(r, "papers"))
    assert "Field" not in set(map(str, _col(r, "type")))


def _check_profile(r: QueryResult) -> None:
    assert len(set(map(str, _col(r, "arxivId")))) == 1
    assert "mentions" in set(map(str, _col(r, "link")))


CHECKS: dict[str, Callable[[QueryResult], None]] = {
    "papers-using-method": _check_using_method,
    "top-base-models": _check_top_base_models,
    "benchmarks-per-field": _check_benchmarks_per_field,
    "hardware-usage": _check_hardware,
    "papers-evaluating-on": _check_evaluating_on,
    "model-family": _check_family,
    "fields-shared-entities": _check_shared,
    "papers-proposing-benchmark": _check_proposing,
    "link-evidence": _check_evidence,
    "relation-evidence": _check_relation_evidence,
    "papers-per-date": _check_dates,
    "cooccurring-entities": _check_cooccurring,
    "field-labels": _check_field_labels,
    "entities-by-type": _check_by_type,
    "top-entities": _check_top_entities,
    "paper-profile": _check_profile,
}


def test_query_named_queries_are_documented_and_checked() -> None:
    names = list_queries()
    assert len(names) >= MIN_NAMED_QUERIES
    assert sorted(CHECKS) == names, "every named query needs a check in CHECKS"
    for name in names:
        q = named_query(name)
        assert q.text.startswith("# ") and len(q.description) > 20, name
        for p in q.params:
            assert p.help, f"{name}: parameter {p.name} has no help"


@pytest.fixture(scope="module")
def synthetic_ttl(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("synthetic")
    write_rdf(to_rdf(synthetic_graph(40)), out, ["ttl"])
    return out / "graph.ttl"


@pytest.fixture(scope="module")
def engines(synthetic_ttl: Path) -> dict[str, Dataset]:
    return {e: open_dataset(synthetic_ttl, e) for e in ("oxigraph", "rdflib")}


@pytest.mark.parametrize("name", sorted(CHECKS))
def test_query_engines_agree_on_synthetic_graph(engines: dict[str, Dataset], name: str) -> None:
    text = named_query(name).text
    ox, rl = engines["oxigraph"].query(text, name), engines["rdflib"].query(text, name)
    assert ox.variables == rl.variables
    assert ox.rows == rl.rows  # every named query has a total ORDER BY
    assert ox.rows, f"{name}: no rows on the synthetic graph"
    CHECKS[name](ox)


def _bundled_params(ds: Dataset, name: str) -> dict[str, str]:
    """Parameters that exist in the bundled graph for the queries about two fields."""
    if name != "fields-shared-entities":
        return {}
    top = ds.query(
        """SELECT ?label (COUNT(DISTINCT ?p) AS ?n) WHERE {
             ?p kg:inField ?f . ?f skos:prefLabel ?label FILTER (LANG(?label) = "en") }
           GROUP BY ?label ORDER BY DESC(?n) ?label LIMIT 2"""
    )
    a, b = (str(row[0]) for row in top.rows)
    return {"field_a": a, "field_b": b}


@pytest.fixture(scope="module")
def bundled(built) -> dict[str, Dataset]:  # noqa: ANN001 - fixture
    ttl = built.out_dir / "graph.ttl"
    return {
        "oxigraph": open_dataset(built.out_dir / "store", "oxigraph"),
        "rdflib": open_dataset(ttl, "rdflib"),
    }


@pytest.mark.parametrize("name", sorted(CHECKS))
def test_query_named_on_bundled_reports(bundled: dict[str, Dataset], name: str) -> None:
    q = named_query(name)
    text = bind_params(q, _bundled_params(bundled["oxigraph"], name))
    ox, rl = bundled["oxigraph"].query(text, name), bundled["rdflib"].query(text, name)
    assert ox.rows, f"{name}: no results on the bundled reports"
    assert ox.variables == rl.variables and ox.rows == rl.rows
    CHECKS[name](ox)


def test_query_param_changes_the_answer(engines: dict[str, Dataset]) -> None:
    q = named_query("papers-using-method")
    grpo = engines["oxigraph"].query(q.text)
    lora = engines["oxigraph"].query(bind_params(q, {"method": "lora"}))
    assert {str(v) for v in _col(lora, "methodLabel")} == {"LoRA"}
    assert _col(grpo, "arxivId") != _col(lora, "arxivId")
    assert all(isinstance(v, Literal) for v in _col(grpo, "arxivId"))
    assert not any(isinstance(v, URIRef) for v in _col(grpo, "title"))


def test_query_bind_param_form(engines: dict[str, Dataset]) -> None:
    q = named_query("model-family")
    assert [p.default for p in q.params] == ["Qwen2.5-VL"]
    text = bind_params(q, {"family": "qwen2.5-vl-7b"})
    assert 'BIND ("qwen2.5-vl-7b" AS ?family)' in text
    r = engines["rdflib"].query(text)
    assert [(str(m), str(rel)) for m, rel, *_ in r.rows] == [("Llama-3-8B", "fineTunedFrom")]
