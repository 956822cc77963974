"""What other stages may use of the ideation stage: its initiatives ("1 initiative = 1 business case").

Arbitration votes on them, governance names their owners, the roadmap places them; none
of those reads ideation's tables or modules other than this one (an import-linter
contract in pyproject.toml).
"""

from __future__ import annotations

from .initiatives import EFFORTS, Initiative, business_case_card, card_rows, get_initiative, is_ready, list_initiatives

__all__ = ["EFFORTS", "Initiative", "business_case_card", "card_rows", "get_initiative", "is_ready",
           "list_initiatives"]
