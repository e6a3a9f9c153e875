"""A small city for the dashboard: a 市委, two 区委, a 党总支, eight branches of which seven
report October through the real API (signed) and one has never reported."""
from __future__ import annotations

from server import admin_auth, store
from tests.helpers.sync_server import ServerProcess, SignedClient, packet

PASSWORD = "dashboard-test-pw"
BRANCHES = [
    # code, name, parent, members, present of 30 expected (None: never reports)
    ("DF01", "东风社区第一党支部", "DFQ", 32, 29),
    ("DF02", "东风社区第二党支部", "DFQ", 28, 21),
    ("DF03", "东风小学党支部", "DFQ", 19, 27),
    ("JG01", "区政府办公室党支部", "JGZ", 41, 30),
    ("JG02", "区财政局党支部", "JGZ", 23, 18),
    ("HP01", "和平街道老干部党支部", "HPQ", 55, 24),
    ("HP02", "和平街道新兴领域党支部", "HPQ", 12, 12),
    ("HP03", "和平里社区党支部", "HPQ", 26, None),
]


def seed(server: ServerProcess) -> dict[str, SignedClient]:
    server.admin(store.add_unit, "SW", "滨江市委", "committee", None)
    server.admin(store.add_unit, "DFQ", "东风区委", "committee", "SW")
    server.admin(store.add_unit, "HPQ", "和平区委", "committee", "SW")
    server.admin(store.add_unit, "JGZ", "东风区机关党总支", "general_branch", "DFQ")
    with server.db.write() as conn:
        admin_auth.set_password(conn, PASSWORD)
    clients = {}
    for code, name, parent, members, present in BRANCHES:
        client = SignedClient(server.url)
        client.enroll(server.admin(store.issue_enrollment, code, name, parent))
        clients[code] = client
        if present is not None:
            client.send(packet(code, 1, "2026-09", members=members, present=max(present - 3, 0)))
            answer = client.send(packet(code, 2, "2026-10", members=members, present=present))
            assert answer.status == 200, answer.body
    with server.db.write() as conn:
        store.set_scores(conn, "HP01", superior=95, comments=80)
        store.set_scores(conn, "DF02", superior=60)
    server.admin(store.publish_notice, "SW", "requirement", "十一月主题党日：重温入党誓词",
                 "各支部于 11 月 25 日前开展，报送活动照片。", "2026-11")
    return clients
