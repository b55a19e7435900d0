"""The extractor's spaCy components, registered with `@Language.factory` on import.

In pipeline order: `paperkg_kb_ruler`, `paperkg_shape_finder`, `paperkg_pair_linker`,
`paperkg_context_typer`, `paperkg_role_assigner`; each lives in a module of its own.
"""

from kg.extract import (  # noqa: F401 - importing a module registers its factory
    context_typer,
    kb_ruler,
    pair_linker,
    role_assigner,
    shape_finder,
)
