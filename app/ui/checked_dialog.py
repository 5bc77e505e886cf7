"""A dialog that says in place why it cannot be accepted yet."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLabel


class CheckedDialog(QDialog):
    """Subclasses give `problem_text()` and a `problem` label; OK is refused while the
    text is not empty, and the reason shows in the label."""

    problem: QLabel

    def problem_text(self) -> str:
        return ""

    def accept(self) -> None:
        problem = self.problem_text()
        if problem:
            self.problem.setText(problem)
            return
        super().accept()
