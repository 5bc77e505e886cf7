"""What a reply answers, shown above its form: the thread so far, then the post itself."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.model import Post
from app.store import Store


def add_reply_quote(layout: QVBoxLayout, *, store: Store, post: Post, parent: QWidget) -> None:
    """What is being answered: the cached posts above it (the thread so far), then the
    post itself. Network text is shown as plain text, never rendered as HTML."""
    for earlier in store.posts_above(post):
        line = QLabel(parent)
        line.setTextFormat(Qt.TextFormat.PlainText)
        line.setWordWrap(True)
        text = " ".join(earlier.text.split())
        line.setText(f"{earlier.author.display_name}: {text[:160]}")
        line.setStyleSheet("color: palette(placeholder-text); font-size: small;")
        line.setObjectName("thread-above")
        layout.addWidget(line)
    author = post.author
    about = QLabel(
        QCoreApplication.translate("compose", "Replying to %1").replace(
            "%1", f"{author.display_name} @{author.handle.lstrip('@')}"
        ),
        parent,
    )
    quoted = QLabel(parent)
    quoted.setTextFormat(Qt.TextFormat.PlainText)  # network text never renders as HTML
    quoted.setWordWrap(True)
    quoted.setText(post.text[:400])
    quoted.setStyleSheet("color: palette(placeholder-text); padding-left: 8px;")
    layout.addWidget(about)
    layout.addWidget(quoted)
