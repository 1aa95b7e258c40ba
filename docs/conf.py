"""Sphinx configuration of the newsrecord documentation (Markdown pages, read by MyST).

Build with warnings as errors, as the CI does::

    sphinx-build -W --keep-going -b html docs docs/_build/html

The build needs no network access: there is no intersphinx.
"""

from __future__ import annotations

import re
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.util import logging

import newsrecord

logger = logging.getLogger(__name__)

project = "newsrecord"
author = "The newsrecord developers"
copyright = "the newsrecord developers"
release = newsrecord.__version__
version = ".".join(release.split(".")[:2])

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
]

source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]

# MyST: headings are linkable as ``[text](page.md#slug)``; ``:::`` fences and definition
# lists are allowed.  autodoc directives emit reST, so api.md wraps them in ``{eval-rst}``.
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

# autodoc: the public API is documented from the docstrings, in source order, with the
# type hints in the signatures.
autodoc_member_order = "bysource"
autodoc_typehints = "signature"
autodoc_default_options = {"members": True}
add_module_names = False
python_use_unqualified_type_names = True

html_theme = "alabaster"
html_title = f"newsrecord {release}"
html_theme_options = {
    "description": "Typed records of news articles, quotes and speakers",
    "fixed_sidebar": True,
}


def _check_api_reference(app: Sphinx) -> None:
    """Warn (an error with ``-W``) when api.md and ``newsrecord.__all__`` disagree."""
    page = Path(app.srcdir, "api.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\.\. auto\w+:: newsrecord\.(\w+)$", page, re.MULTILINE))
    documented |= set(re.findall(r"^\.\. py:data:: (\w+)$", page, re.MULTILINE))
    public = set(newsrecord.__all__)
    for name in sorted(public - documented):
        logger.warning("newsrecord.%s is public but not documented in api.md", name)
    for name in sorted(documented - public):
        logger.warning("api.md documents newsrecord.%s, which is not in __all__", name)


def setup(app: Sphinx) -> dict[str, bool]:
    app.connect("builder-inited", _check_api_reference)
    return {"parallel_read_safe": True}
