"""Activity reports: activities, their dates and the entities they mention.

Issue 5 fills this stage; the foundation gives it its place in the flow.
"""

from __future__ import annotations

from typing import Any

from .document import Classification, Document


def extract(doc: Document, cls: Classification) -> dict[str, list[dict[str, Any]]]:
    """Rows of ``activities``, ``activity_dates`` and ``activity_entities``
    (with the entity mentions to canonicalize) for one document."""
    return {"activities": [], "activity_dates": [], "activity_entities": [], "mentions": []}
