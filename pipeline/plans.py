"""Strategic plans: statements, the hierarchy of plan items, their targets.

Issue 4 fills this stage; the foundation gives it its place in the flow.
"""

from __future__ import annotations

from typing import Any

from .document import Classification, Document


def extract(doc: Document, cls: Classification) -> dict[str, list[dict[str, Any]]]:
    """Rows of ``statements``, ``plan_items`` and ``targets`` for one document."""
    return {"statements": [], "plan_items": [], "targets": []}
