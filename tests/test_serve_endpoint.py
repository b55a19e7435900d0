"""Tests of kg.serve: a SPARQL 1.1 Protocol endpoint queried over HTTP with SPARQLWrapper."""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdf_fixtures import tiny_graph
from rdflib import Graph
from SPARQLWrapper import CSV, JSON, POST, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from kg.errors import UserError
from kg.rdf.export import to_rdf, write_rdf
from kg.serve import RunningServer, make_server, negotiate, start_in_thread

METHODS = "SELECT ?label WHERE { ?e a kg:Method ; rdfs:label ?label } ORDER BY ?label"


@pytest.fixture(scope="module", params=["graph.ttl", "store"])
def server(request: pytest.FixtureRequest, tmp_path_factory) -> Iterator[RunningServer]:  # noqa: ANN001
    out = tmp_path_factory.mktemp("serve")
    write_rdf(to_rdf(tiny_graph()), out, ["ttl", "oxigraph"])
    with start_in_thread(out / request.param) as srv:
        yield srv


def test_serve_select_json_get_and_post(server: RunningServer) -> None:
    for method in ("GET", POST):
        client = SPARQLWrapper(server.url)
        client.setMethod(method)
        client.setQuery(METHODS)
        client.setReturnFormat(JSON)
        data = client.query().convert()
        assert [b["label"]["value"] for b in data["results"]["bindings"]] == ["GRPO"]


def test_serve_xml_and_csv(server: RunningServer) -> None:
    client = SPARQLWrapper(server.url)
    client.setQuery(METHODS)
    client.setReturnFormat(XML)
    xml = client.query().convert().toxml()
    assert "<literal>GRPO</literal>" in xml
    client.setReturnFormat(CSV)
    assert client.query().convert() == b"label\r\nGRPO\r\n"


def test_serve_construct_as_turtle(server: RunningServer) -> None:
    client = SPARQLWrapper(server.url)
    client.setQuery("CONSTRUCT { ?e rdfs:label ?l } WHERE { ?e a kg:Method ; rdfs:label ?l }")
    client.setReturnFormat(TURTLE)
    body = client.query().convert()
    g = Graph().parse(data=body.decode("utf-8"), format="turtle")
    assert len(g) == 1


def test_serve_post_sparql_query_body(server: RunningServer) -> None:
    req = urllib.request.Request(
        server.url,
        data=b"ASK { ?p kg:uses ?e }",
        headers={
            "Content-Type": "application/sparql-query",
            "Accept": "application/sparql-results+json",
        },
        method="POST",
    )
    with urllib.request.urlopen(req, timeout=5) as resp:
        assert resp.headers["Content-Type"].startswith("application/sparql-results+json")
        assert json.loads(resp.read())["boolean"] is True


def test_serve_refuses_updates(server: RunningServer) -> None:
    client = SPARQLWrapper(server.url, updateEndpoint=server.url)
    client.setMethod(POST)
    client.setQuery("INSERT DATA { <urn:a> <urn:b> <urn:c> }")
    with pytest.raises(urllib.error.HTTPError) as err:
        client.query()
    assert err.value.code == 403
    # an update sent as a query is refused too, and nothing was inserted
    q = urllib.parse.urlencode({"query": "DELETE WHERE { ?s ?p ?o }"})
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(f"{server.url}?{q}", timeout=5)
    assert err.value.code == 403
    client = SPARQLWrapper(server.url)
    client.setQuery("ASK { <urn:a> ?p ?o }")
    client.setReturnFormat(JSON)
    assert client.query().convert()["boolean"] is False


def test_serve_bad_query_is_400(server: RunningServer) -> None:
    client = SPARQLWrapper(server.url)
    client.setQuery("SELECT ?x WHERE {")
    with pytest.raises(QueryBadFormed):
        client.query()


@pytest.mark.parametrize(
    ("path", "code"), [("/nothing", 404), ("/sparql", 400), ("/sparql?query=", 400)]
)
def test_serve_http_errors(server: RunningServer, path: str, code: int) -> None:
    base = server.url.removesuffix("/sparql")
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(base + path, timeout=5)
    assert err.value.code == code


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        ("*/*", "application/sparql-results+json"),
        ("text/csv", "text/csv"),
        (
            "text/html, application/sparql-results+xml;q=0.9, */*;q=0.1",
            "application/sparql-results+xml",
        ),
        ("text/*", "text/csv"),
        (
            "application/sparql-results+json;q=0, text/tab-separated-values",
            "text/tab-separated-values",
        ),
    ],
)
def test_serve_negotiate(accept: str, expected: str) -> None:
    offered = [
        "application/sparql-results+json",
        "application/sparql-results+xml",
        "text/csv",
        "text/tab-separated-values",
    ]
    assert negotiate(accept, offered) == expected


def test_serve_missing_graph_is_user_error(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="graph not found"):
        make_server(tmp_path / "nope.ttl", port=0)
