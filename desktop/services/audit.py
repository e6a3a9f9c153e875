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


def reveal_id_number(ctx, member_id: int) -> str:
    """The member's full ID number, recorded as shown (DESIGN, Personal data)."""
    try:
        with ctx.db.session.begin() as s:
            member = s.get(Member, member_id)
            if member is None:
                raise ActionRefused(translate("members", "That member no longer exists"))
            number = member.id_number or ""
            audit.append(s, ctx.db.keys, "reveal_id_number", f"member:{member_id}",
                         {"member_id": member_id, "field": "id_number"}, ctx.clock.now())
    except OperationalError as err:  # the file busy (another copy writing) or the disk full
        raise KnownError(translate("audit", "The full number is shown only once the audit log has recorded it, and the log cannot be written just now ({error}). Try again in a moment.").format(
            error=err.orig if err.orig is not None else err)) from err
    log.info("full ID number shown for member #%s (recorded in the audit log)", member_id)
    return number


def verify(ctx) -> VerifyResult:
    with ctx.db.session() as s:
        return audit.verify(s, ctx.db.keys)


def lines(ctx, *, limit: int | None = None) -> list[AuditLine]:
    """Newest first."""
    with ctx.db.session() as s:
        return audit.lines(s, newest_first=True, limit=limit)
