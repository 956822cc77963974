"""The stages' phone pages, gathered from the exercise contract (``Exercise.phone_page()``).

The contract itself (``PhonePage``, ``Visit``, ``View``, ``Write``) is the core's
``workshop_app.phone_page``; the server renders and runs what the pages return.
"""

from __future__ import annotations

from workshop_app.phone_page import FormError, PhonePage, View, Visit, Write, number, only_fields  # noqa: F401


def phone_pages() -> list[PhonePage]:
    """One page per registered exercise that has one, in the seminar's order."""
    from exercises import REGISTRY

    return [page for page in (e.phone_page() for e in REGISTRY) if page is not None]
