"""Tests of kg.eval_areas: field-area tables, and scoring the taxonomy a graph gives fields."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDF, RDFS, SKOS, Graph, Literal, Namespace, URIRef
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import UserError
from kg.eval import evaluate, format_report, taxonomy_area_names
from kg.eval_areas import GoldArea, GraphField, load_areas, score_areas

KG = Namespace("https://w3id.org/paperkg/ontology#")
FIELD = "https://example.org/id/field/"
AREAS = ("Computer Vision", "Generative Models", "Multimodal Learning")
HEADER = "key\tzh\ten\tarea\talso\n"


def _table(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "areas.tsv"
    path.write_text(HEADER + body, encoding="utf-8")
    return path


def _graph(tmp_path: Path) -> Path:
    """Two areas; video generation under generative models (through a middle field), and
    video QA under both computer vision and multimodal learning."""
    g = Graph()

    def field(key: str, en: str, top: bool = False) -> URIRef:
        f = URIRef(FIELD + key)
        g.add((f, RDF.type, KG.Field))
        g.add((f, KG.key, Literal(key)))
        g.add((f, RDFS.label, Literal(en, lang="en")))
        if top:
            g.add((f, SKOS.topConceptOf, KG.FieldTaxonomy))
        return f

    cv = field("computer-vision", "Computer Vision", top=True)
    gen = field("generative-models", "Generative Models", top=True)
    mm = field("multimodal-learning", "Multimodal Learning", top=True)
    aigc = field("aigc", "AIGC")
    g.add((aigc, SKOS.broader, gen))
    vg = field("video-generation", "Video Generation")
    g.add((vg, SKOS.broader, aigc))
    qa = field("video-qa", "Video QA")
    g.add((qa, SKOS.broader, cv))
    g.add((qa, SKOS.broader, mm))
    field("orphan", "Orphan")
    path = tmp_path / "graph.ttl"
    g.serialize(path, format="turtle")
    return path


def test_eval_areas_table_reads_rows_and_acceptable_areas(tmp_path: Path) -> None:
    path = _table(tmp_path, "video-qa\t视频问答\tVideo QA\tmultimodal learning\tComputer Vision\n")
    (row,) = load_areas(path, AREAS)
    assert row == GoldArea(
        "video-qa", "视频问答", "Video QA", "Multimodal Learning", ("Computer Vision",)
    )


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("video-qa\t\tVideo QA\tVision\t\n", ":2: unknown area 'Vision'"),
        ("video-qa\t\tVideo QA\tComputer Vision\tArt\n", ":2: unknown area 'Art'"),
        ("video-qa\tVideo QA\n", ":2: expected columns key zh en area also"),
        (
            "a\t\tA\tComputer Vision\t\na\t\tA\tComputer Vision\t\n",
            ":3: field 'a' given twice",
        ),
    ],
)
def test_eval_areas_table_defects_name_file_and_line(
    tmp_path: Path, body: str, message: str
) -> None:
    with pytest.raises(UserError, match=message):
        load_areas(_table(tmp_path, body), AREAS)


def test_eval_areas_missing_table_is_a_user_error(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="area gold file not found"):
        load_areas(tmp_path / "nope.tsv", AREAS)


@pytest.mark.parametrize(
    ("areas", "right", "exact", "hit"),
    [
        (frozenset({"Generative Models"}), 1, 1, 1),
        (frozenset({"Generative Models", "Computer Vision"}), 1, 0, 1),  # both acceptable
        (frozenset({"Generative Models", "Multimodal Learning"}), 0, 0, 1),  # one is not
        (frozenset({"Computer Vision"}), 1, 0, 0),  # acceptable, not the first choice
        (frozenset(), 0, 0, 0),  # under no area at all
    ],
)
def test_eval_areas_every_reached_area_must_be_acceptable(
    areas: frozenset[str], right: int, exact: int, hit: int
) -> None:
    row = GoldArea("vg", "", "Video Generation", "Generative Models", ("Computer Vision",))
    score = score_areas("t", [row], [GraphField("vg", frozenset({"Video Generation"}), areas)])
    assert (score.found, score.right, score.exact, score.hit) == (1, right, exact, hit)
    assert len(score.errors) == 1 - right


def test_eval_areas_row_meets_graph_field_by_label_when_keys_differ() -> None:
    row = GoldArea("old-key", "视频生成", "", "Generative Models")
    fields = [GraphField("vg", frozenset({"视频生成"}), frozenset({"Generative Models"}))]
    assert score_areas("t", [row], fields).right == 1
    assert score_areas("t", [GoldArea("other", "", "Other", "Computer Vision")], fields).found == 0


def test_eval_areas_reads_broader_chains_from_the_graph(tmp_path: Path) -> None:
    table = _table(
        tmp_path,
        "video-generation\t视频生成\tVideo Generation\tGenerative Models\t\n"
        "video-qa\t\tVideo QA\tMultimodal Learning\t\n"
        "orphan\t\tOrphan\tComputer Vision\t\n"
        "absent\t\tAbsent\tComputer Vision\t\n",
    )
    report = evaluate([], _graph(tmp_path), [table])
    (score,) = report.areas
    assert (score.fields, score.found, score.right, score.exact, score.hit) == (4, 3, 1, 1, 2)
    text = format_report(report)
    assert "3 of 4 gold fields in the graph; under an acceptable area only 1 (0.333)" in text
    assert "under the first choice 2 (0.667)" in text
    assert "Video QA" in text and "Computer Vision, Multimodal Learning" in text
    assert "(none)" in text  # the orphan reaches no area


def test_eval_areas_cli_scores_a_table(tmp_path: Path) -> None:
    table = _table(tmp_path, "video-generation\t\tVideo Generation\tGenerative Models\t\n")
    result = CliRunner().invoke(
        app, ["eval", "--areas", str(table), "--graph", str(_graph(tmp_path))]
    )
    assert result.exit_code == 0, result.output
    assert "under an acceptable area only 1 (1.000)" in result.output


def test_eval_areas_gold_tables_name_taxonomy_areas() -> None:
    gold = Path(__file__).parent / "gold"
    for name in ("field_areas_dev.tsv", "field_areas_heldout.tsv"):
        rows = load_areas(gold / name, taxonomy_area_names())
        assert len(rows) > 300
