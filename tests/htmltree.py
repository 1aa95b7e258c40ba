"""A small HTML tree for the report tests: elements with attributes, children and text.

Built with the standard library's :class:`html.parser.HTMLParser`, strict about nesting
(an end tag that does not close the open element is an error), so that a test on the
tree also checks that the report's markup is well formed.
"""

from __future__ import annotations

from collections.abc import Iterator
from html.parser import HTMLParser

__all__ = ["Element", "parse_html"]

VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())


class Element:
    """An element: ``tag``, ``attrs`` (a dict), ``children`` (elements and strings)."""

    def __init__(self, tag: str, attrs: dict[str, str | None], parent: Element | None) -> None:
        self.tag = tag
        self.attrs = attrs
        self.parent = parent
        self.children: list[Element | str] = []

    def iter(self, tag: str | None = None) -> Iterator[Element]:
        """This element and every element below it (with ``tag``, if given)."""
        if tag is None or self.tag == tag:
            yield self
        for child in self.children:
            if isinstance(child, Element):
                yield from child.iter(tag)

    def text(self) -> str:
        """All the text below this element, as ``textContent`` gives it."""
        return "".join(child if isinstance(child, str) else child.text() for child in self.children)

    def get(self, name: str) -> str | None:
        return self.attrs.get(name)

    def has_class(self, name: str) -> bool:
        return name in (self.get("class") or "").split()

    def ancestors(self) -> Iterator[Element]:
        node = self.parent
        while node is not None:
            yield node
            node = node.parent


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {}, None)
        self.current = self.root

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, dict(attrs), self.current)
        self.current.children.append(element)
        if tag not in VOID:
            self.current = element

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.current.children.append(Element(tag, dict(attrs), self.current))

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if tag != self.current.tag:
            raise ValueError(f"</{tag}> closes <{self.current.tag}>")
        assert self.current.parent is not None
        self.current = self.current.parent

    def handle_data(self, data: str) -> None:
        self.current.children.append(data)


def parse_html(text: str) -> Element:
    """The document tree of ``text``; raises ``ValueError`` on badly nested markup."""
    builder = _Builder()
    builder.feed(text)
    builder.close()
    if builder.current is not builder.root:
        raise ValueError(f"<{builder.current.tag}> is never closed")
    return builder.root
