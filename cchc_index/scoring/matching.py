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
from operator import attrgetter

from cchc_index.docnumber import DocKind
from cchc_index.fields import RelDate
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


@dataclass(frozen=True, slots=True)
class Question:
    """A document product compiled once per framework: what a matching document must be.

    Products that ask the same question (`key`) share one answer per unit."""

    product: DocumentProduct
    key: tuple[object, ...]
    kind: DocKind
    own: bool
    issuer_name: str | None
    keywords: tuple[str, ...]  # padded folded keywords, for the substring test
    words: tuple[str, ...]  # their words, for the index
    count: int

    @classmethod
    def of(cls, product: DocumentProduct) -> Question:
        keywords = folded(product.subject)
        p = product
        key = (p.doc_kind, p.issuer, p.issuer_name, keywords, p.not_before, p.deadline, p.count)
        words = tuple(w for k in keywords for w in k.split())
        return cls(p, key, p.doc_kind, p.issuer == "self", p.issuer_name, keywords, words, p.count)

    def window(self, year: int) -> tuple[dt.date | None, dt.date | None]:
        return _window(self.product.not_before, self.product.deadline, year)


@lru_cache(maxsize=1024)
def _window(
    not_before: RelDate | None, deadline: RelDate | None, year: int
) -> tuple[dt.date | None, dt.date | None]:
    return (
        not_before.resolve(year) if not_before else None,
        deadline.resolve(year) if deadline else None,
    )


def compile_questions(framework: Framework) -> dict[int, Question]:
    """Every document product of the framework, keyed by the product object's identity (the
    framework, held by its `Scorer`, outlives the keys; `_documents` checks identity too)."""
    found: dict[int, Question] = {}
    for _area, _criterion, leaf in framework.leaves():
        for product in leaf.evidence:
            if isinstance(product, DocumentProduct):
                found[id(product)] = Question.of(product)
    return found


class EvidenceIndex:
    """The bundle, grouped for matching: documents by kind, items, figures, declarations.

    `needed`, when given, limits the subject-word index to the words the framework asks
    for (`needed_words`); without it every word is indexed.
    """

    def __init__(
        self,
        bundle: Bundle,
        needed: frozenset[str] | None = None,
        questions: dict[int, Question] | None = None,
    ) -> None:
        self.year = bundle.year
        self.questions = questions
        self._answers: dict[
            tuple[object, str | None], tuple[bool, int, tuple[str, ...], int | None]
        ] = {}
        self.own_names = {fold(bundle.profile.name), *(fold(a) for a in bundle.profile.aliases)}
        unique = {(d.number.key, d.date): d for d in bundle.documents}
        ordered = sorted(unique.values(), key=attrgetter("date", "number.symbol"))
        self.docs = [(d, words(d.subject or ""), self.is_own(d)) for d in ordered]
        by_kind: dict[DocKind, set[int]] = defaultdict(set)
        by_word: dict[str, set[int]] = defaultdict(set)  # word of a subject → documents
        by_node: dict[str, set[int]] = defaultdict(set)  # `for` column → documents
        for i, (doc, subject, _own) in enumerate(self.docs):
            by_kind[doc.number.kind].add(i)
            split = subject.split()
            for word in split if needed is None else needed.intersection(split):
                by_word[word].add(i)
            for node in doc.for_:
                by_node[node].add(i)
        self.by_kind, self.by_word, self.by_node = by_kind, by_word, by_node
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

    def _candidates(self, question: Question, node_id: str) -> set[int]:
        """Documents of the product's kind whose subject has every keyword's words, or that
        name the node in their `for` column; the substring test follows."""
        kind = self.by_kind.get(question.kind, set())
        if not question.words:
            return kind
        found = set(kind)
        for word in question.words:
            found &= self.by_word.get(word, set())
            if not found:
                break
        return found | (kind & self.by_node.get(node_id, set()))

    def _documents(self, product: DocumentProduct, node_id: str) -> ProductMatch:
        question = self.questions.get(id(product)) if self.questions else None
        if question is None or question.product is not product:
            question = Question.of(product)
        # the answer depends on the node only through documents whose `for` names it
        key = (question.key, node_id if node_id in self.by_node else None)
        answer = self._answers.get(key)
        if answer is None:
            answer = self._answers[key] = self._answer(question, node_id)
        present, count, items, days = answer
        return ProductMatch(product.id, present, count, items, days)

    def _answer(self, q: Question, node_id: str) -> tuple[bool, int, tuple[str, ...], int | None]:
        start, deadline = q.window(self.year)
        found: list[tuple[int, dt.date, str, Document]] = []
        for i in self._candidates(q, node_id):
            doc, subject, is_own = self.docs[i]
            if q.own != is_own:
                continue
            if q.issuer_name and not contains_all(doc.issuer or "", (q.issuer_name,)):
                continue
            if node_id not in doc.for_ and not all(k in subject for k in q.keywords):
                continue
            if start is not None and doc.date < start:
                continue
            late = max(0, (doc.date - deadline).days) if deadline else 0
            found.append((late, doc.date, doc.number.symbol, doc))
        found.sort(key=lambda entry: entry[:3])
        present = len(found) >= q.count
        used = found[: q.count]
        days = used[-1][0] if present and deadline else (0 if present else None)
        return present, len(found), tuple(entry[3].label() for entry in used), days

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
