"""THE authorization table: every route of the server, who may use it, and on which units.

`gate.Gate` applies it before any page runs and `app.create_app` builds the routes from it,
so a route cannot exist without its row. tests/server/test_matrix.py drives every row with
every role and without an account, and checks the answers against this table.
"""

from __future__ import annotations

from cchc_index.server import admin, auth_pages, from_report, items, officer, province, reviewer
from cchc_index.server.gate import ANYONE, Rule
from cchc_index.server.states import DRAFT, EXPLAINED, ROUND1, SUBMITTED
from cchc_index.web import pages, records, verify_view

ALL = frozenset({"officer", "reviewer", "keeper", "admin"})
OFFICER = frozenset({"officer"})
READERS = frozenset({"officer", "reviewer", "keeper"})  # a unit's pages, within their units
COUNCIL = frozenset({"reviewer", "keeper"})
REVIEWER = frozenset({"reviewer"})
KEEPER = frozenset({"keeper"})
ADMIN = frozenset({"admin"})
OPEN = frozenset({ANYONE})
EDITABLE = frozenset({DRAFT})
IN_ROUND = frozenset({SUBMITTED, EXPLAINED})

U = "/u/{bundle}"
KIND = U + "/r/{kind}"

RULES: tuple[Rule, ...] = (
    Rule("GET", "/login", OPEN, endpoint=auth_pages.login_form),
    Rule("POST", "/login", OPEN, endpoint=auth_pages.login),
    Rule("GET", "/lang", OPEN, endpoint=pages.set_lang),
    Rule("POST", "/logout", ALL, endpoint=auth_pages.logout),
    Rule("GET", "/", ALL, endpoint=auth_pages.home),
    # a unit's pages (the local page's, reused) and its cycle
    Rule("GET", U + "/", READERS, unit=True, endpoint=pages.unit_page),
    Rule("GET", U + "/explain/{node}", READERS, unit=True, endpoint=pages.explain_page),
    Rule("GET", U + "/download/{fmt}", READERS, unit=True, endpoint=pages.download),
    Rule("GET", U + "/file/{path:path}", READERS, unit=True, endpoint=officer.evidence_file),
    Rule("GET", U + "/verify", READERS, unit=True, endpoint=verify_view.verify_page),
    Rule("GET", KIND, READERS, unit=True, endpoint=records.list_page),
    Rule(
        "GET", KIND + "/{key}/edit", OFFICER, unit=True, states=EDITABLE, endpoint=records.edit_page
    ),
    Rule("POST", KIND, OFFICER, unit=True, states=EDITABLE, endpoint=officer.edit_record),
    Rule(
        "POST", KIND + "/{key}", OFFICER, unit=True, states=EDITABLE, endpoint=officer.edit_record
    ),
    Rule(
        "POST",
        KIND + "/{key}/delete",
        OFFICER,
        unit=True,
        states=EDITABLE,
        endpoint=officer.edit_record,
    ),
    Rule("GET", U + "/draft", OFFICER, unit=True, states=EDITABLE, endpoint=from_report.form_page),
    Rule(
        "POST", U + "/draft", OFFICER, unit=True, states=EDITABLE, endpoint=from_report.read_report
    ),
    Rule("POST", U + "/draft/save", OFFICER, unit=True, states=EDITABLE, endpoint=from_report.keep),
    Rule("POST", U + "/submit", OFFICER, unit=True, states=EDITABLE, endpoint=officer.submit),
    Rule("GET", U + "/explanations", READERS, unit=True, endpoint=officer.explanations_page),
    Rule(
        "POST",
        U + "/explanations",
        OFFICER,
        unit=True,
        states=frozenset({ROUND1}),
        endpoint=officer.explain,
    ),
    Rule("GET", U + "/appraise", COUNCIL, unit=True, endpoint=reviewer.appraise_page),
    Rule("POST", U + "/appraise", REVIEWER, unit=True, states=IN_ROUND, endpoint=reviewer.appraise),
    Rule(
        "POST",
        U + "/reopen",
        KEEPER,
        unit=True,
        states=frozenset({SUBMITTED}),
        endpoint=province.reopen_unit,
    ),
    # the council and the Sở
    Rule("GET", "/review", COUNCIL, endpoint=reviewer.unit_list),
    Rule("GET", "/ranking", COUNCIL, endpoint=province.ranking_page),
    Rule("GET", "/items", COUNCIL, endpoint=items.distribution_page),
    Rule("GET", "/items/download/{fmt}", COUNCIL, endpoint=items.download),
    Rule("GET", "/items/{framework}/{year}/{node}", COUNCIL, endpoint=items.item_page),
    Rule("POST", "/ranking/publish", KEEPER, endpoint=province.publish),
    Rule("GET", "/published/{fmt}", ALL, endpoint=province.published),
    Rule("GET", "/export", KEEPER, endpoint=province.export),
    Rule("GET", "/keeper", KEEPER, endpoint=province.keeper_page),
    Rule("POST", "/keeper/framework", KEEPER, endpoint=province.framework_upload),
    Rule("POST", "/keeper/check", KEEPER, endpoint=province.framework_check),
    Rule("POST", "/keeper/open", KEEPER, endpoint=province.open_year),
    # accounts
    Rule("GET", "/admin/accounts", ADMIN, endpoint=admin.accounts_page),
    Rule("POST", "/admin/accounts", ADMIN, endpoint=admin.create_account),
    Rule("POST", "/admin/accounts/{login}/disable", ADMIN, endpoint=admin.disable_account),
    Rule("GET", "/static/{path:path}", OPEN),  # the local page's files (mounted)
)
