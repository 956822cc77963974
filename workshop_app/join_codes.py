"""Personal join codes: how a participant's phone becomes that participant in the room.

Each participant gets a short code (on a printable join card, as a QR code and as text to
type). Redeeming it binds it to one phone: the phone keeps a random token of 256 bits in
a cookie and the file keeps only the token's SHA-256, so a copy of the file cannot act
as anyone's phone. Codes and token hashes are compared in constant time. The facilitator
releases a code to bind it to another phone.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass

from .domain import ValidationError
from .i18n import _
from .store import Store

# no 0/O, 1/I/L: a code read aloud or typed from a card cannot be mistaken
ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 6
TOKEN_BYTES = 32


@dataclass(frozen=True)
class JoinCode:
    participant_id: int
    name: str
    code: str
    bound_at: float | None

    @property
    def bound(self) -> bool:
        return self.bound_at is not None

    @property
    def shown(self) -> str:
        """The code as printed: two groups of three."""
        return f"{self.code[:3]}-{self.code[3:]}"


def normalise_code(text: str) -> str:
    """What was typed or scanned, without spaces, dashes or case ('' if it cannot be a code)."""
    if not isinstance(text, str) or len(text) > 40:
        return ""
    code = "".join(ch for ch in text.upper() if ch not in " -._\t")
    return code if len(code) == CODE_LENGTH and all(ch in ALPHABET for ch in code) else ""


def new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _i in range(CODE_LENGTH))


def new_device_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "replace")).hexdigest()


def ensure_codes(store: Store) -> int:
    """Give every participant without a code one; returns how many were created."""
    missing = store.query("SELECT id FROM participants WHERE id NOT IN (SELECT participant_id FROM join_codes) "
                          "ORDER BY position, id")
    if not missing:
        return 0
    taken = {r["code"] for r in store.query("SELECT code FROM join_codes")}
    with store.action() as db:
        for row in missing:
            code = new_code()
            while code in taken:
                code = new_code()
            taken.add(code)
            db.execute("INSERT INTO join_codes (participant_id, code) VALUES (?, ?)", [row["id"], code])
    return len(missing)


def list_codes(store: Store) -> list[JoinCode]:
    """Every participant's code, in the participants' order."""
    return [JoinCode(r["participant_id"], r["name"], r["code"], r["bound_at"]) for r in store.query(
        "SELECT j.participant_id, p.name, j.code, j.bound_at FROM join_codes j "
        "JOIN participants p ON p.id = j.participant_id ORDER BY p.position, p.id")]


def _find_code(store: Store, code: str) -> dict | None:
    """The row whose code equals ``code``, comparing every row in constant time."""
    found = None
    wanted = code.encode()
    for row in store.query("SELECT participant_id, code, token_hash FROM join_codes"):
        if hmac.compare_digest(row["code"].encode(), wanted):
            found = row
    return found


def participant_for_token(store: Store, token: str | None) -> int | None:
    """The participant a phone's token is bound to, or None."""
    if not token or len(token) > 200:
        return None
    wanted = token_hash(token).encode()
    found = None
    for row in store.query("SELECT participant_id, token_hash FROM join_codes WHERE token_hash IS NOT NULL"):
        if hmac.compare_digest(row["token_hash"].encode(), wanted):
            found = row["participant_id"]
    return found


def phone_participant(store: Store, token: str | None) -> int | None:
    """``participant_for_token`` for every request of a phone: the row is found by the token's hash.

    Looking a SHA-256 up in the table leaks nothing usable about the token (finding a token
    from its hash is the problem SHA-256 makes hard); the row found is still confirmed with a
    constant-time comparison. One row read instead of every phone's.
    """
    if not token or len(token) > 200:
        return None
    wanted = token_hash(token)
    rows = store.query("SELECT participant_id, token_hash FROM join_codes WHERE token_hash = ?", (wanted,))
    if len(rows) == 1 and hmac.compare_digest(rows[0]["token_hash"].encode(), wanted.encode()):
        return rows[0]["participant_id"]
    return None


def redeem(store: Store, code: str, new_token: str, at: float, current_token: str | None = None) -> int:
    """Bind ``code`` to the phone that will hold ``new_token``; returns the participant's id.

    A code already bound is refused unless the same phone asks again (``current_token``
    matches): scanning one's own card twice works, someone else's card does not.
    """
    normal = normalise_code(code)
    row = _find_code(store, normal) if normal else None
    if row is None:
        raise ValidationError(_("This join code is not known. Check it on your card."))
    if row["token_hash"] is not None:
        same_phone = current_token is not None and hmac.compare_digest(
            row["token_hash"].encode(), token_hash(current_token).encode())
        if not same_phone:
            raise ValidationError(_("This join code is already used on another phone. "
                                    "Ask the facilitator to release it."))
    with store.action() as db:
        db.execute("UPDATE join_codes SET token_hash = ?, bound_at = ? WHERE participant_id = ?",
                   [token_hash(new_token), at, row["participant_id"]])
    return row["participant_id"]


def release(store: Store, participant_id: int) -> None:
    """Unbind a participant's code from its phone (that phone is no longer anyone)."""
    with store.action() as db:
        db.execute("UPDATE join_codes SET token_hash = NULL, bound_at = NULL WHERE participant_id = ?",
                   [participant_id])


def joined_count(store: Store) -> tuple[int, int]:
    """``(bound codes, participants)``."""
    bound = store.scalar("SELECT count(*) FROM join_codes j JOIN participants p ON p.id = j.participant_id "
                         "WHERE j.token_hash IS NOT NULL") or 0
    return bound, store.scalar("SELECT count(*) FROM participants") or 0
