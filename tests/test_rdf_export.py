"""Tests of kg.rdf.export: the RDF shape of the networkx graph, golden file, writers."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from rdf_fixtures import synthetic_graph, tiny_graph
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic

from kg.errors import UserError
from kg.iri import entity_iri, field_iri, paper_iri
from kg.model import Alias, Evidence
from kg.rdf.export import FILE_NAMES, to_rdf, write_rdf
from kg.rdf.vocab import DCTERMS, KG, PROV, RDF, RDFS, SKOS, XSD

GOLDEN = Path(__file__).parent / "data" / "rdf_tiny_golden.ttl"
P1 = URIRef(paper_iri("2602.15927"))
P2 = URIRef(paper_iri("2602.16682"))
GRPO = URIRef(entity_iri("Method", "grpo"))
QWEN7 = URIRef(entity_iri("Model", "qwen2.5-vl-7b"))
BENCH = URIRef(entity_iri("Benchmark", "saw-bench"))


@pytest.fixture(scope="module")
def tiny() -> Graph:
    return to_rdf(tiny_graph())


def test_export_matches_golden_turtle(tiny: Graph) -> None:
    golden = Graph().parse(GOLDEN, format="turtle")
    assert isomorphic(tiny, golden), "export of tests/rdf_fixtures.tiny_graph() changed"


def test_export_paper_fields(tiny: Graph) -> None:
    assert (P1, RDF.type, KG.Paper) in tiny
    assert tiny.value(P1, KG.arxivId) == Literal("2602.15927")
    assert tiny.value(P1, DCTERMS.title) == Literal("Visual Memory Injection Attacks")
    assert tiny.value(P1, KG.hfPage) == URIRef("https://huggingface.co/papers/2602.15927")
    dates = set(tiny.objects(P2, KG.reportDate))
    assert dates == {
        Literal("2026-02-19", datatype=XSD.date),
        Literal("2026-02-20", datatype=XSD.date),
    }
    assert tiny.value(P1, KG.analysisFailed) == Literal(False)
    assert tiny.value(P2, KG.analysisFailed) == Literal(True)
    assert tiny.value(P2, KG.analysisError) == Literal("analysis timed out")


def test_export_entity_labels_and_aliases(tiny: Graph) -> None:
    assert list(tiny.objects(GRPO, RDFS.label)) == [Literal("GRPO")]
    assert list(tiny.objects(GRPO, SKOS.prefLabel)) == [Literal("GRPO")]
    assert set(tiny.objects(GRPO, SKOS.altLabel)) == {
        Literal("Group Relative Policy Optimization"),
        Literal("组相对策略优化", lang="zh"),
    }
    assert tiny.value(GRPO, KG.supportCount) == Literal(2)
    assert set(tiny.objects(BENCH, RDF.type)) == {KG.Benchmark}


@pytest.mark.parametrize(
    ("paper", "entity", "roles"),
    [
        (P1, GRPO, {KG.uses}),
        (P1, QWEN7, {KG.comparesWith, KG.evaluatesOn}),
        (P2, BENCH, {KG.proposes}),
        (P2, GRPO, set()),
    ],
)
def test_export_every_link_has_mentions_plus_role_properties(
    tiny: Graph, paper: URIRef, entity: URIRef, roles: set[URIRef]
) -> None:
    preds = set(tiny.predicates(paper, entity))
    assert preds == {KG.mentions} | roles


def test_export_mention_nodes_carry_evidence(tiny: Graph) -> None:
    mentions = set(tiny.subjects(KG.entity, QWEN7))
    assert len(mentions) == 2
    lines = sorted(int(tiny.value(m, KG.line)) for m in mentions)
    assert lines == [30, 31]
    for m in mentions:
        assert (m, RDF.type, KG.Mention) in tiny
        assert (m, RDF.type, PROV.Entity) in tiny
        assert tiny.value(m, KG.paper) == P1
        assert tiny.value(m, KG.section) == Literal("results")
        assert tiny.value(m, KG.sourceFile) == Literal("000_a.txt")
        assert "Qwen2.5-VL-7B" in str(tiny.value(m, KG.sentence))
        report = tiny.value(m, PROV.wasDerivedFrom)
        assert (report, RDF.type, KG.Report) in tiny


def test_export_fields_are_skos_concepts_with_both_languages(tiny: Graph) -> None:
    ego = URIRef(field_iri("egocentric-video-understanding"))
    cv = URIRef(field_iri("computer-vision"))
    assert {KG.Field, SKOS.Concept} <= set(tiny.objects(ego, RDF.type))
    labels = {(str(lit), lit.language) for lit in tiny.objects(ego, SKOS.prefLabel)}
    assert labels == {("Egocentric Video Understanding", "en"), ("第一人称视频理解", "zh")}
    assert (ego, SKOS.broader, cv) in tiny
    assert (cv, SKOS.topConceptOf, KG.FieldTaxonomy) in tiny
    assert (KG.FieldTaxonomy, SKOS.hasTopConcept, cv) in tiny
    assert (P2, KG.inField, ego) in tiny
    assert (ego, SKOS.topConceptOf, KG.FieldTaxonomy) not in tiny


def test_export_field_other_names_are_alt_labels() -> None:
    G = tiny_graph()
    ego = field_iri("egocentric-video-understanding")
    G.nodes[ego]["aliases"] = (Alias("第一视角视频理解", "zh"),)
    g = to_rdf(G)
    assert (URIRef(ego), SKOS.altLabel, Literal("第一视角视频理解", lang="zh")) in g
    assert len(list(g.objects(URIRef(ego), SKOS.prefLabel))) == 2


def test_export_adds_taxonomy_areas_without_nodes() -> None:
    G = tiny_graph()
    G.graph["areas"] = G.graph["areas"] + (
        type(G.graph["areas"][0])(key="robotics", zh="机器人", en="Robotics"),
    )
    g = to_rdf(G)
    robotics = URIRef(field_iri("robotics"))
    assert (robotics, SKOS.topConceptOf, KG.FieldTaxonomy) in g
    assert (robotics, SKOS.prefLabel, Literal("机器人", lang="zh")) in g


@pytest.mark.parametrize(
    ("rel", "prop"),
    [
        ("variantOf", KG.variantOf),
        ("fineTunedFrom", KG.fineTunedFrom),
        ("basedOn", KG.basedOn),
        ("evaluatedWith", KG.relatedTo),
    ],
)
def test_export_entity_relations(rel: str, prop: URIRef) -> None:
    G = tiny_graph()
    qwen = entity_iri("Model", "qwen2.5-vl")
    G.add_edge(str(GRPO), qwen, key=rel, rel=rel, evidence=())
    assert (GRPO, prop, URIRef(qwen)) in to_rdf(G)


def test_export_rejects_unknown_node_kind() -> None:
    G = tiny_graph()
    G.add_node("https://w3id.org/paperkg/id/x/y", kind="Spaceship", label="y")
    with pytest.raises(ValueError, match="Spaceship"):
        to_rdf(G)


@pytest.mark.parametrize(
    ("fmt", "rdflib_format"), [("ttl", "turtle"), ("nt", "nt"), ("jsonld", "json-ld")]
)
def test_export_round_trips_isomorphic(
    tmp_path: Path, tiny: Graph, fmt: str, rdflib_format: str
) -> None:
    (path, _void) = write_rdf(tiny, tmp_path, [fmt])
    assert path.name == FILE_NAMES[fmt]
    back = Graph().parse(path, format=rdflib_format)
    assert isomorphic(back, tiny)


def test_export_oxigraph_store_round_trips(tmp_path: Path, tiny: Graph) -> None:
    import pyoxigraph

    write_rdf(tiny, tmp_path, ["oxigraph"])
    write_rdf(tiny, tmp_path, ["oxigraph"])  # replacing an existing store works
    store = pyoxigraph.Store.read_only(str(tmp_path / "store"))
    data = store.dump(format=pyoxigraph.RdfFormat.N_TRIPLES, from_graph=pyoxigraph.DefaultGraph())
    assert isomorphic(Graph().parse(data=data.decode("utf-8"), format="nt"), tiny)
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]
    assert leftovers == []


def test_export_writes_void_and_nothing_else(tmp_path: Path, tiny: Graph) -> None:
    written = write_rdf(tiny, tmp_path, ["ttl", "nt", "jsonld"])
    names = sorted(p.name for p in written)
    assert names == ["graph.jsonld", "graph.nt", "graph.ttl", "void.ttl"]
    assert sorted(p.name for p in tmp_path.iterdir()) == names


def test_export_jsonld_has_context(tmp_path: Path, tiny: Graph) -> None:
    import json

    write_rdf(tiny, tmp_path, ["jsonld"])
    doc = json.loads((tmp_path / "graph.jsonld").read_text(encoding="utf-8"))
    assert doc["@context"]["kg"] == str(KG)
    assert any(node.get("@id") == "paper:2602.15927" for node in doc["@graph"])


def test_export_unknown_format_is_user_error(tmp_path: Path, tiny: Graph) -> None:
    with pytest.raises(UserError, match="rdfxml"):
        write_rdf(tiny, tmp_path, ["ttl", "rdfxml"])


_DUMP = """
import sys
sys.path.insert(0, sys.argv[2])
from pathlib import Path
from rdf_fixtures import synthetic_graph
from kg.rdf.export import to_rdf, write_rdf
write_rdf(to_rdf(synthetic_graph(12)), Path(sys.argv[1]), ["ttl", "nt", "jsonld"])
"""


def test_export_is_byte_identical_across_runs_and_hash_seeds(tmp_path: Path) -> None:
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / seed
        env = dict(os.environ, PYTHONHASHSEED=seed)
        subprocess.run(
            [sys.executable, "-c", _DUMP, str(out), str(Path(__file__).parent)],
            check=True,
            env=env,
            cwd=Path(__file__).parent.parent,
        )
        outputs.append({p.name: p.read_bytes() for p in sorted(out.iterdir())})
    assert outputs[0].keys() == {"graph.jsonld", "graph.nt", "graph.ttl", "void.ttl"}
    assert outputs[0] == outputs[1]
    # and in-process: a second export of the same graph gives the same bytes
    again = tmp_path / "again"
    write_rdf(to_rdf(synthetic_graph(12)), again, ["ttl", "nt", "jsonld"])
    assert {p.name: p.read_bytes() for p in sorted(again.iterdir())} == outputs[0]


def test_export_of_bundled_reports_round_trips(built) -> None:  # noqa: ANN001 - fixture
    g = to_rdf(built.graph)
    assert len(g) > 0
    for name, fmt in (("graph.ttl", "turtle"), ("graph.nt", "nt"), ("graph.jsonld", "json-ld")):
        assert isomorphic(Graph().parse(built.out_dir / name, format=fmt), g), name
    papers = set(g.subjects(RDF.type, KG.Paper))
    assert len(papers) == sum(1 for _, d in built.graph.nodes(data=True) if d["kind"] == "Paper")
    for p in papers:
        assert len(list(g.objects(p, KG.arxivId))) == 1
    # every role triple is backed by the plain kg:mentions triple
    for role in (KG.proposes, KG.uses, KG.evaluatesOn, KG.comparesWith, KG.runsOn):
        for s, o in g.subject_objects(role):
            assert (s, KG.mentions, o) in g


@pytest.mark.parametrize("url", ["", None, "not a url", "https://huggingface.co/papers/a b"])
def test_export_skips_unusable_paper_urls(url: str | None) -> None:
    G = tiny_graph()
    G.nodes[str(P1)]["url"] = url
    g = to_rdf(G)
    assert g.value(P1, KG.hfPage) is None
    assert g.value(P1, KG.arxivId) == Literal("2602.15927")


def test_export_files_get_normal_permissions(tmp_path: Path, tiny: Graph) -> None:
    old = os.umask(0o022)
    try:
        written = write_rdf(tiny, tmp_path, ["ttl", "oxigraph"])
    finally:
        os.umask(old)
    modes = {p.name: p.stat().st_mode & 0o777 for p in written}
    assert modes == {"graph.ttl": 0o644, "store": 0o755, "void.ttl": 0o644}


def test_export_relation_evidence_is_a_reified_statement() -> None:
    G = tiny_graph()
    qwen = entity_iri("Model", "qwen2.5-vl")
    ev = Evidence("r.txt", 42, "usage", "基于 Qwen2.5-VL 微调。")
    G.add_edge(
        str(GRPO), qwen, key="fineTunedFrom", rel="fineTunedFrom", evidence=(ev,), papers=(P1,)
    )
    g = to_rdf(G)
    rows = list(
        g.query(
            """SELECT ?line ?sentence WHERE {
                ?m a kg:RelationEvidence ; rdf:subject ?s ; rdf:predicate kg:fineTunedFrom ;
                   rdf:object ?o ; kg:line ?line ; kg:sentence ?sentence ;
                   prov:wasDerivedFrom/kg:sourceFile "r.txt" .
            }""",
            initNs={"kg": KG, "rdf": RDF, "prov": PROV},
            initBindings={"s": GRPO, "o": URIRef(qwen)},
        )
    )
    assert [(int(r.line), str(r.sentence)) for r in rows] == [(42, ev.sentence)]
    stating = g.query(
        "SELECT ?id WHERE { ?m rdf:predicate kg:fineTunedFrom ; kg:paper/kg:arxivId ?id }",
        initNs={"kg": KG, "rdf": RDF},
    )
    assert [str(r.id) for r in stating] == ["2602.15927"]
