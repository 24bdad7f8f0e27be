"""A unit's bundle, indexed once, and how a required product is found in it.

Matching is Python's job (durable_rules cannot fold Vietnamese case or compare dates
against a deadline that depends on the year): kind, issuer, subject keywords ignoring case
and Unicode form, the date window. Order and duplicates in the bundle never matter.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from cchc_index.docnumber import DocKind
from cchc_index.methods.base import Declaration, ProductMatch
from cchc_index.model.bundle import Bundle, Document, Item
from cchc_index.model.framework import (
    DocumentProduct,
    Framework,
    ItemProduct,
    Product,
    StatisticProduct,
)
from cchc_index.text import contains_all, fold, words


@lru_cache(maxsize=4096)
def folded(keywords: tuple[str, ...]) -> tuple[str, ...]:
    """Keywords in the padded whole-word form of `text.words`."""
    return tuple(words(k) for k in keywords)


def needed_words(framework: Framework) -> frozenset[str]:
    """Every subject word some document product of the framework asks for: compiled once per
    framework, so a unit's index holds only the words that can decide a match."""
    found: set[str] = set()
    for _area, _criterion, leaf in framework.leaves():
        for product in leaf.evidence:
            if isinstance(product, DocumentProduct):
                found.update(w for k in folded(product.subject) for w in k.split())
    return frozenset(found)


class EvidenceIndex:
    """The bundle, grouped for matching: documents by kind, items, figures, declarations.

    `needed`, when given, limits the subject-word index to the words the framework asks
    for (`needed_words`); without it every word is indexed.
    """

    def __init__(self, bundle: Bundle, needed: frozenset[str] | None = None) -> None:
        self.year = bundle.year
        self.own_names = {fold(bundle.profile.name), *(fold(a) for a in bundle.profile.aliases)}
        unique = {(d.number.key, d.date): d for d in bundle.documents}
        ordered = sorted(unique.values(), key=lambda d: (d.date, d.number.symbol))
        self.docs = [(d, words(d.subject or ""), self.is_own(d)) for d in ordered]
        self.by_kind: dict[DocKind, set[int]] = defaultdict(set)
        self.by_word: dict[str, set[int]] = defaultdict(set)  # word of a subject → documents
        self.by_node: dict[str, set[int]] = defaultdict(set)  # `for` column → documents
        for i, (doc, subject, _own) in enumerate(self.docs):
            self.by_kind[doc.doc_kind].add(i)
            for word in subject.split():
                if needed is None or word in needed:
                    self.by_word[word].add(i)
            for node in doc.for_:
                self.by_node[node].add(i)
        self.items: dict[str, list[Item]] = {
            "link": sorted(set(bundle.links), key=lambda i: i.label()),
            "photo": sorted(set(bundle.photos), key=lambda i: i.label()),
        }
        self.statistics = bundle.statistics
        self._labels: dict[str, str] = {}
        self.declarations: dict[str, Declaration] = {}
        for q in sorted(bundle.declarations.qualitative, key=lambda q: (q.node, q.result)):
            met = q.result == "đạt" and self.declarations.get(q.node, Declaration(True, "")).met
            self.declarations[q.node] = Declaration(met, q.explanation)
        self.not_applicable = {c.node: c.reason for c in bundle.declarations.not_applicable}

    def is_own(self, document: Document) -> bool:
        return document.issuer is None or fold(document.issuer) in self.own_names

    def match(self, product: Product, node_id: str) -> ProductMatch:
        if isinstance(product, DocumentProduct):
            return self._documents(product, node_id)
        if isinstance(product, StatisticProduct):
            return self._statistic(product)
        return self._items(product, node_id)

    def _candidates(self, product: DocumentProduct, node_id: str) -> set[int]:
        """Documents of the product's kind whose subject has every keyword's words, or that
        name the node in their `for` column; the substring test follows."""
        kind = self.by_kind.get(product.doc_kind, set())
        needed = [w for k in folded(product.subject) for w in k.split()]
        if not needed:
            return kind
        found = set(kind)
        for word in needed:
            found &= self.by_word.get(word, set())
            if not found:
                break
        return found | (kind & self.by_node.get(node_id, set()))

    def _documents(self, product: DocumentProduct, node_id: str) -> ProductMatch:
        start = product.not_before.resolve(self.year) if product.not_before else None
        deadline = product.deadline.resolve(self.year) if product.deadline else None
        keywords = folded(product.subject)
        own = product.issuer == "self"
        found: list[tuple[int, dt.date, str, Document]] = []
        for i in self._candidates(product, node_id):
            doc, subject, is_own = self.docs[i]
            if own != is_own:
                continue
            if product.issuer_name and not contains_all(doc.issuer or "", (product.issuer_name,)):
                continue
            if node_id not in doc.for_ and not all(k in subject for k in keywords):
                continue
            if start is not None and doc.date < start:
                continue
            late = max(0, (doc.date - deadline).days) if deadline else 0
            found.append((late, doc.date, doc.number.symbol, doc))
        found.sort(key=lambda entry: entry[:3])
        present = len(found) >= product.count
        used = found[: product.count]
        return ProductMatch(
            product.id,
            present,
            len(found),
            tuple(entry[3].label() for entry in used),
            used[-1][0] if present and deadline else (0 if present else None),
        )

    def _statistic(self, product: StatisticProduct) -> ProductMatch:
        given = [self.statistics.get(v) for v in product.variables]
        present = all(
            s is not None and (s.last_year is not None or not product.last_year) for s in given
        )
        items = tuple(
            self._stat_label(v) for v, s in zip(product.variables, given, strict=True) if s
        )
        return ProductMatch(product.id, present, int(present), items)

    def _stat_label(self, variable: str) -> str:
        label = self._labels.get(variable)
        if label is None:
            stat = self.statistics[variable]
            last = f" (năm trước {stat.last_year})" if stat.last_year is not None else ""
            label = self._labels[variable] = f"{variable} = {stat.value}{last}"
        return label

    def _items(self, product: ItemProduct, node_id: str) -> ProductMatch:
        found = [
            item
            for item in self.items[product.type]
            if node_id in item.for_
            or (product.subject and contains_all(item.title, product.subject))
        ]
        return ProductMatch(
            product.id, len(found) >= product.count, len(found), tuple(i.label() for i in found)
        )


@dataclass(slots=True)
class NodeFacts:
    """The `Facts` a method reads for one node; `overrides` stand in supplied products."""

    index: EvidenceIndex
    node_id: str
    matches: dict[str, ProductMatch]
    assume_declared: bool = False  # a gain estimate: as if the unit declared "đạt"

    @property
    def year(self) -> int:
        return self.index.year

    def product(self, product_id: str) -> ProductMatch:
        return self.matches[product_id]

    def value(self, variable: str) -> Decimal | None:
        stat = self.index.statistics.get(variable)
        return stat.value if stat is not None else None

    def last_year(self, variable: str) -> Decimal | None:
        stat = self.index.statistics.get(variable)
        return stat.last_year if stat is not None else None

    def declaration(self) -> Declaration | None:
        if self.assume_declared:
            return Declaration(True, "")
        return self.index.declarations.get(self.node_id)
