"""What a recognizer is, and the registry that the scanner reads.

A recognizer is a small declarative class, registered where it is defined::

    @recognizer
    class Email(Recognizer):
        ENTITY, LABEL, LABEL_EN = "EMAIL", "电子邮箱", "email address"
        SPAN = rf"({EMAIL_BODY})"

        def match(self, v, *, hinted):
            return full(v, EMAIL_BODY)

``match`` returns an engine expression (Ibis BooleanValue) over one text column, cleaned as
``PREPARE`` says (stripped; stripped and upper-cased; or digits only): TRUE where the
value is the entity and passes its checks (checksum, date, area code…). The scanner sums it over
the sampled rows in one aggregate; no value goes through Python. ``hinted`` says the column's
header points to this entity, which lets some recognizers accept forms too ambiguous to accept
alone (a date is a birth date only under a birth-date header). A recognizer whose ``match``
returns None is known from headers only (病历, 宗教信仰 …).

``PREFILTER`` is a cheap regex every matching value also matches: a first pass over the rows counts
it per column, and the validating expression is built only where enough values pass it. ``SPAN`` is
a regex with one capture group used on free text: the first candidate of each row is
extracted and tested with ``match`` (or ``match_parts``), unhinted.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from typing import ClassVar

import ibis
import ibis.expr.types as ir

from shuzhi.errors import ConfigError

# Han characters (URO and extension A), spelled as a range both RE2 (DuckDB) and Java (Spark) read
HAN = "[\u3400-\u4dbf\u4e00-\u9fff]"
# separators people type inside numbers: spaces (incl. U+3000), dashes, dots, brackets
NUMBER_SEPARATORS = "[ \u3000\t\\-–—()（）.]"


def full(v: ir.StringValue, body: str) -> ir.BooleanValue:
    r"""``v`` matches ``body`` as a whole (``^(?:body)\z``; DuckDB runs it as ``regexp_full_match``)."""
    return v.re_search(f"^(?:{body})\\z")


_EDGE_SPACE = "[\\s\u3000\u00a0\ufeff]+"
_SPACES = " \t\n\r\u3000\u00a0\ufeff"


def _space(ch: ir.StringValue) -> ir.BooleanValue:
    # a search in a literal, not ``ch IN (…)``: DuckDB plans an IN list as a join, and an expression that
    # holds strip() a few hundred times (a date parsed inline) then took minutes to run on 5 rows
    return (ch != "") & ibis.literal(_SPACES).contains(ch)


def strip(v: ir.StringValue) -> ir.StringValue:
    """``v`` without white space (incl. U+3000 full-width spaces) at either end.

    Not Ibis' ``strip()``: on Spark it compiles to ``TRIM(' \\t\\n\\r\\v\\f' FROM v)``, and Spark
    reads ``\\v`` and ``\\f`` in that literal as the letters v and f, so it trims them too.
    """
    edge = _space(v.substr(0, 1)) | _space(v.right(1))  # no regex for the many values without
    return ibis.ifelse(edge, v.re_replace(f"^{_EDGE_SPACE}|{_EDGE_SPACE}$", ""), v)


def digits_only(v: ir.StringValue) -> ir.StringValue:
    """``v`` without the separators people type inside numbers (``139 1234-5678`` → ``13912345678``)."""
    return v.re_replace(NUMBER_SEPARATORS, "")


#: the cleanings a recognizer may ask for; the scanner computes each once per column and row
PREPARE: dict[str, Callable[[ir.StringValue], ir.StringValue]] = {
    "strip": strip,
    "upper": lambda v: strip(v).upper(),
    "digits": lambda v: digits_only(v),
}


class Recognizer:
    """One entity type: its identifier, labels, and how values are recognised (see the module doc)."""

    ENTITY: ClassVar[str]
    LABEL: ClassVar[str]
    LABEL_EN: ClassVar[str]
    #: values pass a check beyond their shape (checksum, calendar date, code list)
    VALIDATED: ClassVar[bool] = False
    #: a shape or dictionary that ordinary words also take (names, addresses): higher thresholds
    WEAK: ClassVar[bool] = False
    #: the values alone may decide; False: only under a header that points to the entity
    VALUES_DECIDE: ClassVar[bool] = True
    #: regex with one capture group finding a candidate in free text; None: not searched in text
    SPAN: ClassVar[str | None] = None
    #: how values are cleaned before ``match`` sees them: a key of :data:`PREPARE` (strip, upper, digits)
    PREPARE: ClassVar[str] = "strip"
    #: a cheap regex (a search) that every matching value also matches: the first pass counts it, and
    #: ``match`` runs only on columns where enough values pass it
    PREFILTER: ClassVar[str | None] = None
    #: entities with stricter checks that win a value both validate: a value validating as one of them
    #: (in the same column) is not counted for this one, and this one's validator does not run on it
    YIELDS_TO: ClassVar[tuple[str, ...]] = ()

    def match(self, v: ir.StringValue, *, hinted: bool) -> ir.BooleanValue | None:
        return None

    def parts(self, v: ir.StringValue) -> dict[str, ir.Value] | None:
        """Pieces of the value that ``match_parts`` uses many times (digits as integers, a parsed date):
        the scanner computes them once per row in a projection. None: ``match`` works on the value."""
        return None

    def match_parts(self, p: dict[str, ir.Value], *, hinted: bool) -> ir.BooleanValue:
        raise NotImplementedError

    @cached_property
    def header_only(self) -> bool:
        return self.match(ibis.literal("x"), hinted=True) is None


_REGISTRY: dict[str, Recognizer] = {}


def recognizer(cls: type[Recognizer]) -> type[Recognizer]:
    """Class decorator: register one instance of ``cls`` under its ``ENTITY``."""
    if cls.ENTITY in _REGISTRY:
        raise ValueError(f"entity {cls.ENTITY} registered twice")
    _REGISTRY[cls.ENTITY] = cls()
    return cls


def registry() -> dict[str, Recognizer]:
    """Every registered recognizer by entity id, in registration order."""
    from shuzhi.discovery import recognizers as _  # noqa: F401 - importing the package registers them

    return dict(_REGISTRY)


def get(entity: str) -> Recognizer:
    found = registry().get(entity)
    if found is None:
        known = ", ".join(registry())
        raise ConfigError(f"未知的实体类型 {entity!r}，可用：{known}", f"unknown entity type {entity!r}; known: {known}")
    return found
