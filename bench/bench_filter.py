"""One keystroke in the roster's search box, on a branch of 10,000 members.

Goal (issue): ≤ 50 ms from the text changing to the table repainted (filter in Python,
model reset, view updated). Baseline, measured in the same run: the bare Python filter
(core.search.matches over the same rows), so the ratio says what the Qt side costs.

    .venv/bin/python -m bench.bench_filter [--members N] [--rounds R]
"""
from __future__ import annotations

import argparse
import os
import random
import statistics
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

GOAL_MS = 50.0
TODAY = datetime(2026, 11, 20, 9, 30)
# What a secretary types: a name letter by letter (pinyin initials, then the characters),
# the tail of an ID number, a name with no match, and clearing the box (every row again).
QUERIES = ("z", "zw", "张", "张伟", "w", "wf", "lq", "0172", "x1", "欧阳", "", "l", "li", "liu", "")

_SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
             "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
_DOUBLE_SURNAMES = ("欧阳", "司马", "上官", "诸葛")
_GIVEN = ("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰红梅建国志文斌辉鹏飞宇浩然子涵欣怡思雨晨阳佳琪俊博"
          "天佑瑞雪海燕春生德福永康淑珍丽华晓东振兴家豪婷梦琳雅琴桂芳凤英慧颖立新卫东光荣爱民红旗")
_REGIONS = ("610702", "610703", "610722", "610723", "110105", "120103", "360426", "440305")


def populate(ctx, members: int, seed: int = 20261120) -> None:
    """Members straight into the branch database (the service's per-member checks would
    take minutes and are not what is measured); values as the service would store them."""
    from core.idnumber import check_digit
    from core.search import pinyin_key
    from db.models import Member, PartyGroup
    from db.personal import lookup_hash

    rng = random.Random(seed)
    secret = ctx.members.secret
    now = TODAY
    with ctx.db.session.begin() as s:
        groups = [PartyGroup(name=f"第{n}党小组", position=n) for n in range(1, 31)]
        s.add_all(groups)
        s.flush()
        seen: set[str] = set()
        rows = []
        for i in range(members):
            male = rng.random() < 0.6
            born = date(1940, 1, 1) + timedelta(days=rng.randrange(365 * 62))
            while True:
                seq = rng.randrange(100) * 10 + rng.choice((1, 3, 5, 7, 9) if male else (0, 2, 4, 6, 8))
                first17 = f"{rng.choice(_REGIONS)}{born:%Y%m%d}{seq:03d}"
                number = first17 + check_digit(first17)
                if number not in seen:
                    seen.add(number)
                    break
            surname = rng.choice(_DOUBLE_SURNAMES) if rng.random() < 0.01 else rng.choice(_SURNAMES)
            name = surname + "".join(rng.choice(_GIVEN) for _ in range(rng.choice((1, 2, 2))))
            joined = min(born + timedelta(days=365 * 19 + rng.randrange(365 * 20)), date(2026, 6, 30))
            probationary = joined > date(2025, 11, 20)
            status = "active" if rng.random() < 0.95 else rng.choice(("transferred_out", "deceased"))
            rows.append(dict(
                public_id=f"{i:016x}", name=name, name_key=pinyin_key(name), gender="male" if male else "female",
                ethnicity="汉族", id_number=number, id_hash=lookup_hash(secret, number), birth_date=born,
                education=rng.choice(("大学本科", "研究生", "大学专科", "高中")),
                category="probationary" if probationary else "full", joined_on=joined,
                full_member_on=None if probationary else joined + timedelta(days=366),
                post=rng.choice(("科员", "教师", "工程师", "退休", "会计")), phone=f"139{rng.randrange(10**8):08d}",
                address="汉中市汉台区天汉大道1号", party_standing="normal", lost_contact=rng.random() < 0.01,
                mobile=rng.random() < 0.03, mobile_destination="", group_id=rng.choice(groups).id,
                dues_category=rng.choice(("in_service", "retired")), dues_base_fen=rng.randrange(200000, 1500000),
                note="", roll_status=status, created_at=now, updated_at=now,
            ))
        s.execute(Member.__table__.insert(), rows)


def main(argv: list[str] | None = None) -> dict[str, float]:
    parser = argparse.ArgumentParser(prog="bench.bench_filter")
    parser.add_argument("--members", type=int, default=10000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv if argv is not None else [])
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from core.clock import FixedClock
    from core.search import matches, normalise_query
    from desktop.context import open_context

    with tempfile.TemporaryDirectory(prefix="branchdesk-bench-filter-") as tmp:
        ctx = open_context(Path(tmp), clock=FixedClock(TODAY), branch_name="基准测试党支部")
        try:
            populate(ctx, args.members)
            from desktop.ui.app import create_application
            from desktop.ui.roster_page import RosterPage

            app = create_application()
            page = RosterPage(ctx)
            page.resize(1100, 700)
            page.show()
            for _ in range(5):
                app.processEvents()
            rows = page.model._all
            ui_ms: list[float] = []
            bare_ms: list[float] = []
            for _ in range(args.rounds):
                for q in QUERIES:
                    started = time.perf_counter()
                    page.search_edit.setText(q)  # textChanged → filter → model reset
                    app.processEvents()          # layout and repaint of the view
                    ui_ms.append((time.perf_counter() - started) * 1000)

                    started = time.perf_counter()
                    nq = normalise_query(q)
                    shown = [r for r in rows if r.roll_status == "active" and matches(nq, r.name, r.name_key, r.id_number)]
                    bare_ms.append((time.perf_counter() - started) * 1000)
                    assert len(shown) == page.model.rowCount(), (q, len(shown), page.model.rowCount())
            page.close()
        finally:
            ctx.close()
    median, worst = statistics.median(ui_ms), max(ui_ms)
    bare = statistics.median(bare_ms)
    verdict = "met" if worst <= GOAL_MS else ("median met, worst NOT" if median <= GOAL_MS else "NOT met")
    print(f"filter keystroke on {len(rows):,} members ({len(ui_ms)} keystrokes): median {median:.1f} ms, "
          f"max {worst:.1f} ms (goal ≤ {GOAL_MS:.0f} ms: {verdict}); bare Python filter median {bare:.1f} ms, "
          f"ratio {median / bare:.2f}", flush=True)
    return {"median_ms": median, "max_ms": worst, "bare_ms": bare, "ratio": median / bare}


if __name__ == "__main__":
    main(__import__("sys").argv[1:])
