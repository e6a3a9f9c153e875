"""The audit log as the window and the command line use it (the log itself: db/audit.py).

Every act here that shows personal data in full writes its line first, in the transaction
that reads the data: when the line cannot be written, nothing is shown.
"""
from __future__ import annotations

import logging

from sqlalchemy.exc import OperationalError

from core.i18n import translate
from db import audit
from db.audit import AuditLine, VerifyResult
from db.models import Member
from desktop.services.errors import KnownError
from desktop.services.members import ActionRefused

log = logging.getLogger(__name__)


# What can be revealed, and the act each reveal is recorded as.
REVEALS = {"id_number": "reveal_id_number", "phone": "reveal_phone", "address": "reveal_address"}


def reveal(ctx, member_id: int, field: str) -> str:
    """The member's ``field`` in full, recorded as shown (DESIGN, Personal data)."""
    action = REVEALS[field]
    try:
        with ctx.db.session.begin() as s:
            member = s.get(Member, member_id)
            if member is None:
                raise ActionRefused(translate("members", "That member no longer exists"))
            value = getattr(member, field) or ""
            audit.append(s, ctx.db.keys, action, f"member:{member_id}",
                         {"member_id": member_id, "field": field}, ctx.clock.now())
    except OperationalError as err:  # the file busy (another copy writing) or the disk full
        raise KnownError(translate("audit", "It is shown in full only once the audit log has recorded that, and the log cannot be written just now ({error}). Try again in a moment.").format(
            error=err.orig if err.orig is not None else err)) from err
    log.info("member #%s: %s shown in full (recorded in the audit log)", member_id, field)
    return value


def reveal_id_number(ctx, member_id: int) -> str:
    return reveal(ctx, member_id, "id_number")


def verify(ctx) -> VerifyResult:
    with ctx.db.session() as s:
        return audit.verify(s, ctx.db.keys)


def lines(ctx, *, limit: int | None = None) -> list[AuditLine]:
    """Newest first."""
    with ctx.db.session() as s:
        return audit.lines(s, newest_first=True, limit=limit)
