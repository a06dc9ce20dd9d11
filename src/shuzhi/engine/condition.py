"""Row conditions written by users (``where:`` filters), parsed and rebuilt as Ibis expressions.

User text is never spliced into SQL: sqlglot parses it, only a small grammar is
accepted (comparisons, AND/OR/NOT, IN, BETWEEN, LIKE, IS [NOT] NULL, literals and
column names), and the condition is rebuilt node by node as an Ibis expression.

>>> import ibis
>>> t = ibis.memtable({"xb": ["1", "2"], "age": [17, 30]})
>>> cond = parse_condition("xb = '1' or age >= 18")
>>> sorted(condition_columns(cond))
['age', 'xb']
>>> ibis.duckdb.connect().execute(t.filter(to_ibis(cond, lambda name: t[name])))["age"].tolist()
[17, 30]
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from typing import Any

import ibis
import ibis.expr.types as ir
import sqlglot
from sqlglot import exp

from shuzhi.errors import ConfigError

_COMPARE = {exp.EQ: operator.eq, exp.NEQ: operator.ne, exp.GT: operator.gt, exp.GTE: operator.ge, exp.LT: operator.lt, exp.LTE: operator.le}


def parse_condition(text: str) -> exp.Expression:
    """Parse a condition; raises ConfigError for syntax errors or anything outside the grammar."""
    try:
        tree = sqlglot.parse_one(text, read="duckdb")
    except sqlglot.errors.ParseError as e:
        first = e.errors[0]["description"] if e.errors else str(e)
        raise ConfigError(f"条件 {text!r} 语法错误：{first}", f"condition {text!r} has a syntax error: {first}") from None
    _check(tree, text)
    return tree


_ALLOWED = (exp.And, exp.Or, exp.Not, exp.Paren, exp.Is, exp.In, exp.Between, exp.Like, exp.Column, exp.Identifier,
            exp.Literal, exp.Null, exp.Boolean, exp.Neg, *_COMPARE)


def _check(node: exp.Expression, text: str) -> None:
    for sub in node.walk():
        if not isinstance(sub, _ALLOWED) or (isinstance(sub, exp.Column) and sub.table):
            kind = type(sub).__name__
            raise ConfigError(
                f"条件 {text!r} 含不支持的内容 {kind}：只允许比较、AND/OR/NOT、IN、BETWEEN、LIKE、IS NULL、列名与常量",
                f"condition {text!r} contains unsupported {kind}: only comparisons, AND/OR/NOT, IN, BETWEEN, LIKE, "
                "IS NULL, column names and constants are allowed",
            )


def condition_columns(tree: exp.Expression) -> set[str]:
    return {c.name for c in tree.find_all(exp.Column)}


def _literal(node: exp.Expression) -> Any:
    if isinstance(node, exp.Null):
        return None
    if isinstance(node, exp.Boolean):
        return node.this
    if isinstance(node, exp.Neg):
        return -_literal(node.this)
    if isinstance(node, exp.Literal):
        if node.is_string:
            return node.this
        text = node.this
        return float(text) if any(c in text for c in ".eE") else int(text)
    raise ConfigError(f"此处应为常量：{node.sql()}", f"a constant is expected here: {node.sql()}")


def _coerce(col: ir.Value, value: Any) -> tuple[ir.Value, Any]:
    """Compare like with like: a number against a text column compares numbers; text against a time, times."""
    if isinstance(value, int | float) and not isinstance(value, bool) and col.type().is_string():
        from shuzhi.catalog.dtypes import as_number

        return as_number(col), value
    if isinstance(value, str) and col.type().is_temporal():
        return col, ibis.literal(value).cast(col.type())
    return col, value


def to_ibis(tree: exp.Expression, column: Callable[[str], ir.Value]) -> ir.BooleanValue:
    """Rebuild a parsed condition as an Ibis boolean over the columns ``column(name)`` returns."""

    def value(node: exp.Expression) -> Any:
        return column(node.name) if isinstance(node, exp.Column) else _literal(node)

    def build(node: exp.Expression) -> Any:
        if isinstance(node, exp.Paren):
            return build(node.this)
        if isinstance(node, exp.And):
            return build(node.this) & build(node.expression)
        if isinstance(node, exp.Or):
            return build(node.this) | build(node.expression)
        if isinstance(node, exp.Not):
            return ~build(node.this)
        if isinstance(node, exp.Is):
            return value(node.this).isnull()
        if type(node) in _COMPARE:
            left, right = value(node.this), value(node.expression)
            if isinstance(left, ir.Value) and not isinstance(right, ir.Value):
                left, right = _coerce(left, right)
            elif isinstance(right, ir.Value) and not isinstance(left, ir.Value):
                right, left = _coerce(right, left)
            return _COMPARE[type(node)](left, right)
        if isinstance(node, exp.In):
            col = value(node.this)
            values = [_literal(e) for e in node.expressions]
            col, _ = _coerce(col, values[0]) if values else (col, None)
            return col.isin(values)
        if isinstance(node, exp.Between):
            col, low = _coerce(value(node.this), _literal(node.args["low"]))
            _, high = _coerce(value(node.this), _literal(node.args["high"]))
            return col.between(low, high)
        if isinstance(node, exp.Like):
            return value(node.this).like(_literal(node.expression))
        if isinstance(node, exp.Column):
            return column(node.name)
        raise ConfigError(f"不支持的条件：{node.sql()}", f"unsupported condition: {node.sql()}")

    return build(tree)
