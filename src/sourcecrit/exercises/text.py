"""Plain-text views of exercise results, for ``sourcecrit exercise grade``."""

from __future__ import annotations

from collections.abc import Sequence

from sourcecrit.exercises.feedback import Grade


def grades_text(grades: Sequence[Grade], *, max_points: float) -> str:
    """Return one line per learner (points, questions answered), then the maximum."""
    width = max((len(g.learner or "") for g in grades), default=0)
    width = max(width, len("learner"))
    lines = [f"{'learner':<{width}}  points  answered"]
    for g in grades:
        lines.append(
            f"{g.learner or '':<{width}}  {g.points:>6g}  {g.answered:>3} of {len(g.feedback)}"
        )
    lines.append(f"(out of {max_points} points)")
    return "\n".join(lines) + "\n"
