"""The spaCy pipeline of the extractor: a blank multi-language model with our components."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from kg.extract import components as _components  # noqa: F401 - registers the factories
from kg.extract.cands import PaperState, register_extensions
from kg.extract.text import Sentence
from kg.extract.tokenizer import MixedScriptTokenizer

PIPES: tuple[str, ...] = (
    "paperkg_kb_ruler",
    "paperkg_shape_finder",
    "paperkg_pair_linker",
    "paperkg_context_typer",
    "paperkg_role_assigner",
)


@lru_cache(maxsize=1)
def nlp() -> Language:
    """The pipeline; built once per process (no model files: spacy.blank plus rules)."""
    register_extensions()
    lang = spacy.blank("xx")
    lang.tokenizer = MixedScriptTokenizer(lang.vocab)
    # No component reads lexical attributes (is_alpha, shape...); computing them for every
    # new Chinese chunk would dominate tokenization.
    lang.vocab.lex_attr_getters = {}
    for name in PIPES:
        lang.add_pipe(name)
    return lang


def make_doc(text: str, sents: tuple[Sentence, ...], title: str) -> Doc:
    """Tokenized Doc carrying the paper's sentences, ready for the components."""
    lang = nlp()
    doc = lang.make_doc(text)
    doc._.paperkg = PaperState(
        text=text, title=title, sents=sents, starts=tuple(s.start for s in sents)
    )
    return doc


def run(doc: Doc) -> Doc:
    for _, proc in nlp().pipeline:
        doc = proc(doc)
    return doc
