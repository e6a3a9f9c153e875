"""The dashboard's figures: what the superior organisation sees for a period and a subtree.

Plain data here (``DashboardView``); server.pages renders it as HTML.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Connection

from server import ranking, store


@dataclass(frozen=True)
class BranchLine:
    code: str
    name: str
    parent: str
    period: str
    kind: str
    members: int
    overdue: int              # meeting units whose compliance period ended short
    dues_due_fen: int
    dues_paid_fen: int
    sign_in: float
    figures: ranking.Figures
    score: float

    @property
    def dues_rate(self) -> float | None:
        return self.dues_paid_fen / self.dues_due_fen if self.dues_due_fen > 0 else None


@dataclass(frozen=True)
class TreeLine:
    depth: int
    unit: store.Unit
    branches: int
    reported: int


@dataclass(frozen=True)
class Missing:
    code: str
    name: str
    parent: str
    last_period: str | None


@dataclass
class DashboardView:
    period: str | None
    periods: list[str]
    unit: store.Unit | None
    tree: list[TreeLine]
    lines: list[BranchLine]          # reported for the period, best score first
    missing: list[Missing]           # branches in the subtree that have not reported for it
    weights: dict[str, int]
    notices: list[dict] = field(default_factory=list)
    branches: int = 0

    @property
    def members(self) -> int:
        return sum(line.members for line in self.lines)

    @property
    def overdue(self) -> int:
        return sum(line.overdue for line in self.lines)

    @property
    def dues_rate(self) -> float | None:
        due = sum(line.dues_due_fen for line in self.lines)
        return sum(line.dues_paid_fen for line in self.lines) / due if due > 0 else None


def weights(conn: Connection) -> dict[str, int]:
    value = store.get_setting(conn, ranking.WEIGHTS_KEY)
    try:
        return ranking.check_weights(value) if isinstance(value, dict) else dict(ranking.SEED_WEIGHTS)
    except ranking.WeightsError:
        return dict(ranking.SEED_WEIGHTS)


def _tree(all_units: list[store.Unit], branch_ids: set[int], reported: set[int], root: store.Unit | None) -> list[TreeLine]:
    children: dict[int | None, list[store.Unit]] = {}
    for u in all_units:
        children.setdefault(u.parent_id, []).append(u)
    below: dict[int, tuple[int, int]] = {}

    def count(u: store.Unit) -> tuple[int, int]:
        if u.id not in below:
            b, r = (1, int(u.id in reported)) if u.id in branch_ids else (0, 0)
            for c in children.get(u.id, []):
                cb, cr = count(c)
                b, r = b + cb, r + cr
            below[u.id] = (b, r)
        return below[u.id]

    out: list[TreeLine] = []
    stack = [(0, u) for u in reversed(children.get(root.parent_id if root else None, []))
             if root is None or u.id == root.id]
    while stack:
        depth, u = stack.pop()
        b, r = count(u)
        # Branches appear in the tree only where there are few of them; a city has thousands.
        if u.kind == "branch" and (depth > 0 and len(children.get(u.parent_id, [])) > 40):
            continue
        out.append(TreeLine(depth, u, b, r))
        stack += [(depth + 1, c) for c in reversed(children.get(u.id, []))]
    return out


def build(conn: Connection, *, unit_code: str | None = None, period: str | None = None) -> DashboardView:
    all_units = store.units(conn)
    by_id = {u.id: u for u in all_units}
    unit = store.unit_by_code(conn, unit_code) if unit_code else None
    scope = store.subtree_ids(all_units, unit.id if unit else None)
    branch_ids = {u.id for u in all_units if u.kind == "branch" and u.id in scope}
    known = store.periods(conn)
    if period not in known:
        period = known[0] if known else None
    w = weights(conn)
    packets = store.latest_packets(conn, branch_ids, period) if period else {}
    lines = []
    for unit_id, body in packets.items():
        u = by_id[unit_id]
        figures = ranking.figures(body, u.superior_score, u.comments_score)
        dues = body.get("dues") or {}
        overdue = sum(m.get("units_overdue", 0) for m in body.get("meetings", []))
        parent = by_id[u.parent_id].name if u.parent_id in by_id else ""
        lines.append(BranchLine(u.code, u.name, parent, body["period"], body["kind"], body["headcount"]["total"],
                                overdue, dues.get("year_due_fen", 0), dues.get("year_paid_fen", 0),
                                figures.sign_in, figures, ranking.score(figures, w)))
    lines.sort(key=lambda line: (-line.score, line.code))
    last = {r.code: r.latest_period for r in store.report(conn)}
    missing = sorted((Missing(by_id[i].code, by_id[i].name, by_id[by_id[i].parent_id].name if by_id[i].parent_id in by_id else "",
                              last.get(by_id[i].code))
                      for i in branch_ids - set(packets)), key=lambda m: m.code)
    tree = _tree(all_units, {u.id for u in all_units if u.kind == "branch"}, set(packets) if period else set(), unit)
    return DashboardView(period, known, unit, tree, lines, missing, w, store.all_notices(conn, 20), len(branch_ids))
