"""A unit's bundle, indexed once, and how a required product is found in it.

Matching is Python's job (durable_rules cannot fold Vietnamese case or compare dates
against a deadline that depends on the year): kind, issuer, subject keywords ignoring case
and Unicode form, the date window. Order and duplicates in the bundle never matter.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections import defaultdict
from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

from cchc_index.docnumber import DocKind
from cchc_index.methods.base import Declaration, ProductMatch
from cchc_index.model.bundle import Bundle, Document, Item, Qualitative, Statistic
from cchc_index.model.framework import (
    DocumentProduct,
    Framework,
    ItemProduct,
    Product,
    StatisticProduct,
)
from cchc_index.model.workdays import Calendar, calendar
from cchc_index.text import contains_all, fold, words

Answer = tuple[bool, int, tuple[str, ...], int | None]  # present, count, items used, days late


@lru_cache(maxsize=4096)
def folded(keywords: tuple[str, ...]) -> tuple[str, ...]:
    """Keywords in the padded whole-word form of `text.words`."""
    return tuple(words(k) for k in keywords)


def _document_products(framework: Framework) -> list[DocumentProduct]:
    return [
        product
        for _area, _criterion, _node, unit in framework.units()
        for product in unit.evidence
        if isinstance(product, DocumentProduct)
    ]


@dataclass(frozen=True, slots=True)
class Question:
    """A document product compiled once per framework: what a matching document must be.

    Products that ask the same question (`key`) share one answer per unit, cached under
    `slot`: a small number per distinct key of a framework (the key holds dates whose hash
    runs in Python), or the key itself for a product compiled on its own."""

    product: DocumentProduct
    key: tuple[object, ...]
    keywords: tuple[str, ...]  # its subject keywords, folded: a subject must hold them all
    slot: object
    after: DocumentProduct | None = None  # the product whose date starts a working-day deadline
    calendar: Calendar | None = None
    windows: dict[int, tuple[dt.date | None, dt.date | None]] = field(
        default_factory=dict, compare=False
    )

    @classmethod
    def of(cls, product: DocumentProduct, slot: object = None) -> Question:
        p = product
        keywords = folded(p.subject)
        key = (
            p.doc_kind,
            p.issuer,
            p.issuer_name,
            keywords,
            folded(p.subject_excludes),
            p.not_before,
            p.deadline,
            p.after,
            p.count,
        )
        return cls(p, key, keywords, key if slot is None else slot)

    def window(self, year: int) -> tuple[dt.date | None, dt.date | None]:
        """The first and last day a document may bear, in the assessment `year`."""
        found = self.windows.get(year)
        if found is None:
            p = self.product
            found = self.windows[year] = (
                p.not_before.resolve(year) if p.not_before else None,
                p.deadline.resolve(year) if p.deadline else None,
            )
        return found


def _asked_kinds(questions: dict[int, Question]) -> frozenset[DocKind]:
    return frozenset(q.product.doc_kind for q in questions.values())


def compile_questions(framework: Framework) -> dict[int, Question]:
    """Every document product of the framework, keyed by the product object's identity (the
    framework, held by its `Scorer`, outlives the keys; `_documents` checks identity too). A
    product with a working-day deadline knows the product it counts from (in the same unit)
    and the framework's calendar."""
    slots: dict[tuple[object, ...], int] = {}
    questions = {}
    days = calendar(framework.meta.holidays) if framework.meta.holidays else None
    for _a, _c, _n, unit in framework.units():
        by_id = {p.id: p for p in unit.evidence if isinstance(p, DocumentProduct)}
        for p in by_id.values():
            question = Question.of(p)
            slot = slots.setdefault((question.key, unit.id if p.after else None), len(slots))
            after = by_id.get(p.after.product) if p.after else None
            questions[id(p)] = Question(p, question.key, question.keywords, slot, after, days)
    return questions


class EvidenceIndex:
    """The bundle, grouped for matching: documents by kind, items, figures, declarations.

    `questions` are the framework's document products compiled once (`compile_questions`);
    without them a product is compiled when it is asked for. A document's subject words are
    computed at once for the kinds the questions ask about, for the others when needed.
    """

    def __init__(self, bundle: Bundle, questions: dict[int, Question] | None = None) -> None:
        self.year = bundle.year
        self.questions = questions
        self._answers: dict[tuple[object, str | None], Answer] = {}
        self.own_names = {fold(bundle.profile.name), *(fold(a) for a in bundle.profile.aliases)}
        # the rows in the bundle's order: an answer counts a number and date once and sorts
        # what it finds, `considered` likewise, so neither order nor repeats ever show
        self.docs = bundle.documents
        asked = _asked_kinds(questions) if questions else None
        by_kind: dict[DocKind, list[int]] = defaultdict(list)
        by_node: dict[str, set[int]] = defaultdict(set)  # `for` column → documents
        subjects: list[str | None] = []
        for i, doc in enumerate(self.docs):
            kind = doc.number.kind
            by_kind[kind].append(i)
            wanted = asked is None or kind in asked
            subjects.append(words(doc.subject or "") if wanted else None)
            for node in doc.for_:
                by_node[node].add(i)
        self.by_kind, self.by_node, self._subjects = by_kind, by_node, subjects
        self.items: dict[str, list[Item]] = {
            "link": _distinct(bundle.links),
            "photo": _distinct(bundle.photos),
        }
        self.statistics = bundle.statistics
        self._labels: dict[str, str] = {}
        self.declarations: dict[str, Declaration] = {}
        for q in sorted(bundle.declarations.qualitative, key=lambda q: (q.node, q.result)):
            met = q.result == "đạt" and self.declarations.get(q.node, Declaration(True, "")).met
            self.declarations[q.node] = Declaration(met, q.explanation)
        self.not_applicable = {c.node: c.reason for c in bundle.declarations.not_applicable}

    def amended(
        self, statistics: Mapping[str, Statistic], declarations: Sequence[Qualitative]
    ) -> EvidenceIndex:
        """A copy with figures set and qualitative declarations added, its documents, links and
        photos shared: what the planner scores for an action that adds no row to a table."""
        new = copy.copy(self)
        new.statistics = {**self.statistics, **statistics}
        new._labels = {}
        if declarations:
            new.declarations = dict(self.declarations)
            for q in sorted(declarations, key=lambda q: (q.node, q.result)):
                before = new.declarations.get(q.node, Declaration(True, ""))
                new.declarations[q.node] = Declaration(
                    q.result == "đạt" and before.met, q.explanation
                )
        return new

    def is_own(self, document: Document) -> bool:
        return document.issuer is None or fold(document.issuer) in self.own_names

    def subject(self, i: int) -> str:
        """Document `i`'s subject in the padded whole-word form of `text.words`."""
        found = self._subjects[i]
        if found is None:
            found = self._subjects[i] = words(self.docs[i].subject or "")
        return found

    def match(
        self, product: Product, node_id: str, taken: AbstractSet[str] = frozenset()
    ) -> ProductMatch:
        """How `product` of `node_id` is found; documents in `taken` (labels of documents
        another product of the same node already uses) do not count again."""
        if isinstance(product, DocumentProduct):
            return self._documents(product, node_id, taken)
        if isinstance(product, StatisticProduct):
            return self._statistic(product)
        return self._items(product, node_id)

    def _candidates(self, question: Question, node_id: str) -> set[int]:
        """Documents of the product's kind whose subject holds every keyword, or that name the
        node in their `for` column; `verdict` decides each. A scan of one kind's documents
        per distinct question: cheaper than indexing every word of every subject."""
        kind = self.by_kind.get(question.product.doc_kind, [])
        keywords = question.keywords
        if not keywords:
            return set(kind)
        subjects, subject = self._subjects, self.subject
        if len(keywords) == 1:  # the usual question: one phrase
            (phrase,) = keywords
            found = {i for i in kind if phrase in (subjects[i] or subject(i))}
        else:
            found = {i for i in kind if all(k in (subjects[i] or subject(i)) for k in keywords)}
        linked = self.by_node.get(node_id)
        if linked:
            found.update(i for i in kind if i in linked)
        return found

    def verdict(
        self, product: DocumentProduct, node_id: str, i: int, start: dt.date | None
    ) -> tuple[str, str] | None:
        """Why document `i` does not count for `product` of `node_id` (a reason code and the
        value that decided it), or None when it counts. The one place the rules are written:
        matching and the "considered" list of `explain` both ask here."""
        doc = self.docs[i]
        linked = node_id in doc.for_  # an explicit link wins over keyword matching
        if doc.doc_kind is not product.doc_kind:
            return "kind", doc.doc_kind.value
        if (product.issuer == "self") != self.is_own(doc):
            return "issuer", doc.issuer or ""
        if product.issuer_name and not contains_all(doc.issuer or "", (product.issuer_name,)):
            return "issuer_name", doc.issuer or ""
        if not linked:
            subject = self.subject(i)
            for word, folded_word in zip(
                product.subject_excludes, folded(product.subject_excludes), strict=True
            ):
                if folded_word in subject:
                    return "excluded", word
            for word, folded_word in zip(product.subject, folded(product.subject), strict=True):
                if folded_word not in subject:
                    return "keywords", word
        if start is not None and doc.date < start:
            return "too_early", f"{start:%d/%m/%Y}"
        return None

    def considered(self, product: DocumentProduct, node_id: str) -> list[tuple[Document, str, str]]:
        """Rows a reader would expect to count (the product's kind, a keyword of its subject in
        theirs, or a `for` link to the node) that do not, each with its one reason."""
        start = product.not_before.resolve(self.year) if product.not_before else None
        needed = [w for k in folded(product.subject) for w in k.split()]
        keywords = folded(product.subject)
        found = []
        for i, doc in enumerate(self.docs):
            subject = self.subject(i)
            shared = sum(1 for w in needed if w in subject)
            near = (
                node_id in doc.for_
                or (bool(needed) and all(k in subject for k in keywords))
                or (doc.doc_kind is product.doc_kind and 2 * shared >= len(needed))
            )
            why = self.verdict(product, node_id, i, start) if near else None
            if why is not None:
                found.append((doc, *why))
        unique = {
            (doc.number.key, doc.date, why, value): (doc, why, value) for doc, why, value in found
        }
        return sorted(unique.values(), key=lambda entry: (entry[0].date, entry[0].number.symbol))

    def _documents(
        self, product: DocumentProduct, node_id: str, taken: AbstractSet[str]
    ) -> ProductMatch:
        question = self.questions.get(id(product)) if self.questions else None
        if question is None or question.product is not product:
            question = Question.of(product)
        # the answer depends on the node only through documents whose `for` names it
        key = (question.slot, node_id if node_id in self.by_node else None)
        answer = self._answers.get(key)
        if answer is None:
            answer = self._answers[key] = self._answer(question, node_id)
        if taken and not taken.isdisjoint(answer[2]):  # one document answers one product
            answer = self._answer(question, node_id, taken)
        present, count, items, days = answer
        return ProductMatch(product.id, present, count, items, days)

    def _answer(
        self, question: Question, node_id: str, taken: AbstractSet[str] = frozenset()
    ) -> Answer:
        product = question.product
        start, deadline = question.window(self.year)
        if product.after is not None:
            deadline = self._after(question, node_id)
        found: list[tuple[int, dt.date, str, Document]] = []
        for i in self._candidates(question, node_id):
            if self.verdict(product, node_id, i, start) is not None:
                continue
            doc = self.docs[i]
            if taken and doc.label() in taken:
                continue
            late = max(0, (doc.date - deadline).days) if deadline else 0
            found.append((late, doc.date, doc.number.symbol, doc))
        found.sort(key=lambda entry: entry[:3])
        if len(found) > 1:  # a number and date counts once, whichever of its rows match
            found = _first_of_each(found)
        present = len(found) >= product.count
        used = found[: product.count]
        days = used[-1][0] if present and deadline else (0 if present else None)
        return present, len(found), tuple(entry[3].label() for entry in used), days

    def _after(self, question: Question, node_id: str) -> dt.date | None:
        """The last day of a deadline in working days after another product's date: the
        earliest document that answers that product (None when there is none)."""
        other, rule = question.after, question.product.after
        if other is None or rule is None:
            return None
        asked = self.questions.get(id(other)) if self.questions else None
        asked = asked if asked is not None and asked.product is other else Question.of(other)
        start, _ = asked.window(self.year)
        dates = [
            self.docs[i].date
            for i in self._candidates(asked, node_id)
            if self.verdict(other, node_id, i, start) is None
        ]
        if not dates:
            return None
        return (question.calendar or calendar()).add(min(dates), rule.working_days)

    def _statistic(self, product: StatisticProduct) -> ProductMatch:
        present, items = True, []
        for variable in product.variables:
            stat = self.statistics.get(variable)
            if stat is None:
                present = False
                continue
            if product.last_year and stat.last_year is None:
                present = False
            items.append(self._stat_label(variable))
        return ProductMatch(product.id, present, int(present), tuple(items))

    def _stat_label(self, variable: str) -> str:
        label = self._labels.get(variable)
        if label is None:
            stat = self.statistics[variable]
            last = f" ({self.year - 1}: {stat.last_year})" if stat.last_year is not None else ""
            label = self._labels[variable] = f"{variable} = {stat.value}{last}"
        return label

    def considered_items(self, product: ItemProduct, node_id: str) -> list[tuple[Item, str, str]]:
        """Links or photos near the product (a `for` link elsewhere, or some of its keywords)
        that do not count, each with its one reason."""
        needed = [w for k in folded(product.subject) for w in k.split()]
        found = []
        for item in self.items[product.type]:
            if node_id in item.for_ or (
                product.subject and contains_all(item.title, product.subject)
            ):
                continue
            title = words(item.title)
            shared = sum(1 for w in needed if w in title)
            if needed and 2 * shared >= len(needed):
                missing = next(k for k in product.subject if words(k) not in title)
                found.append((item, "keywords", missing))
            elif item.for_ and not product.subject:
                found.append((item, "for_other", "; ".join(item.for_)))
        return found

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


def _first_of_each(
    found: list[tuple[int, dt.date, str, Document]],
) -> list[tuple[int, dt.date, str, Document]]:
    """The first entry of each document number and date (rows repeating one)."""
    seen: set[tuple[str, dt.date]] = set()
    kept = []
    for entry in found:
        key = (entry[3].number.key, entry[1])
        if key not in seen:
            seen.add(key)
            kept.append(entry)
    return kept


def _distinct(items: tuple[Item, ...]) -> list[Item]:
    """Items without repeats, in label order. Keyed by their field values (a pydantic model
    hashes through Python: ~2 µs an item)."""
    unique = {tuple(item.__dict__.values()): item for item in items}
    return sorted(unique.values(), key=Item.label)


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
