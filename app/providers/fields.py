"""Strict, typed reading of server JSON, shared by the providers' parsers: every miss
raises a ParseError naming the entity and field."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime
from enum import StrEnum
from typing import TypeVar

from app.model import FeedSpec, TagMatch
from app.providers.base import ParseError

E = TypeVar("E", bound=StrEnum)

# JSON can carry lone surrogates ("\ud800"); they cannot be encoded, so nothing downstream
# (the sanitiser, SQLite, Qt) should ever see one.
LONE_SURROGATE = re.compile("[\ud800-\udfff]")


class Fields:
    """Typed access to one JSON object; every miss names the entity and field it was for."""

    def __init__(self, data: object, *, entity: str, account_id: str) -> None:
        if not isinstance(data, Mapping):
            raise ParseError(account_id, entity, "(object)", f"{entity}: not a JSON object")
        self.data: Mapping[str, object] = data
        self.entity = entity
        self.account_id = account_id

    def error(self, name: str, why: str) -> ParseError:
        return ParseError(self.account_id, self.entity, name, f"{self.entity}.{name}: {why}")

    def text(self, name: str) -> str:
        """A required string (may be empty)."""
        value = self.data.get(name)
        if not isinstance(value, str):
            raise self.error(name, "missing" if value is None else "not a string")
        # JSON can carry lone surrogates ("\ud800"); they cannot be encoded, so nothing
        # downstream (the sanitiser, SQLite, Qt) should ever see one.
        return LONE_SURROGATE.sub("\ufffd", value)

    def optional_text(self, name: str) -> str:
        """A string that may be absent or null, read as ''."""
        return "" if self.data.get(name) is None else self.text(name)

    def flag(self, name: str, default: bool) -> bool:
        value = self.data.get(name, default)
        if value is None:
            return default
        if not isinstance(value, bool):
            raise self.error(name, "not a boolean")
        return value

    def time(self, name: str) -> datetime:
        return parse_time(self.text(name), error=lambda why: self.error(name, why))

    def obj(self, name: str, entity: str) -> Fields:
        if name not in self.data or self.data[name] is None:
            raise self.error(name, "missing")
        return Fields(self.data[name], entity=entity, account_id=self.account_id)

    def optional_obj(self, name: str, entity: str) -> Fields | None:
        return None if self.data.get(name) is None else self.obj(name, entity)

    def items(self, name: str) -> Sequence[object]:
        """A list that may be absent or null, read as empty."""
        value = self.data.get(name)
        if value is None:
            return ()
        if not isinstance(value, list):
            raise self.error(name, "not a list")
        return value

    def choice(self, name: str, enum: type[E]) -> E:
        value = self.text(name)
        try:
            return enum(value)
        except ValueError:
            raise self.error(name, f"unknown value {value[:40]!r}") from None


def parse_time(value: str, *, error: Callable[[str], ParseError]) -> datetime:
    """An ISO-8601 timestamp with an offset ("…:05.639Z", "…:05.000Z") as aware UTC."""
    try:
        parsed = datetime.fromisoformat(value)
        if parsed.tzinfo is None or parsed.utcoffset() is None:
            raise error("timestamp without a time zone")
        return parsed.astimezone(UTC)
    except (ValueError, OverflowError):
        raise error(f"bad timestamp {value[:40]!r}") from None


def raw_json(data: Mapping[str, object], fields: Fields) -> str:
    try:
        return json.dumps(data, ensure_ascii=False)
    except (TypeError, ValueError):
        raise fields.error("(object)", "not serialisable as JSON") from None


def tags_match(spec: FeedSpec, tags: frozenset[str]) -> bool:
    """Whether a status with `tags` (casefolded, see status_tags) belongs in a hashtag
    column: polling and streaming both ask this, since a server may ignore the filters."""
    wanted = [t.casefold() for t in spec.tags]
    hit = (
        all(t in tags for t in wanted)
        if spec.match is TagMatch.ALL
        else any(t in tags for t in wanted)
    )
    return hit and not any(t.casefold() in tags for t in spec.exclude)
