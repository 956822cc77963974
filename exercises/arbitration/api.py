"""What other stages may use of the arbitration stage: rounds, ballots, tallies and decisions.

Governance settles its questions with these rounds (``purpose='governance:<key>'``); the
roadmap reads the decisions. Qt-free; the booth window other stages open is in
``views_api``.
"""

from __future__ import annotations

from .logic import *  # noqa: F401,F403  (the published names are logic's __all__)
from .logic import __all__  # noqa: F401
