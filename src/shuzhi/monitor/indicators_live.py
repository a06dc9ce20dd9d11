"""Live indicator values: computed from the platform itself rather than reported by a department.

An indicator of ``data/indicators.yaml`` with ``live: <name>`` takes one more observation from the
source registered here under that name (registration sits next to the function, by the
:func:`live_source` decorator); a name the registry does not know is a load error of the YAML. A source
that cannot say anything yet returns a :class:`LiveValue` with no value and the reason — never a
made-up number — and the indicator falls back to its reported values.

>>> sorted(LIVE_SOURCES)
['dcmm_assessments', 'dcmm_level3', 'monitored_dc_pue', 'open_datasets']
>>> LIVE_SOURCES["dcmm_assessments"](None, dt.date(2024, 12, 31)).value is None
True
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from shuzhi.errors import ShuzhiError

if TYPE_CHECKING:
    from shuzhi.workspace import Workspace

#: the catalog's open type of entries that are not open (shuzhi.catalog.metadata.OpenType)
NOT_OPEN = "不予开放"


@dataclass(frozen=True)
class LiveValue:
    """A computed value for ``period`` (as of ``as_of``), or ``value`` None with the reason in zh and en."""

    value: float | None
    period: str
    as_of: dt.date
    reason_zh: str | None = None
    reason_en: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"value": self.value, "period": self.period, "as_of": self.as_of.isoformat(),
                "reason_zh": self.reason_zh, "reason_en": self.reason_en}


LiveSource = Callable[["Workspace", dt.date], LiveValue]
LIVE_SOURCES: dict[str, LiveSource] = {}


def live_source(name: str) -> Callable[[LiveSource], LiveSource]:
    """Register ``func`` as the live source ``name``."""

    def register(func: LiveSource) -> LiveSource:
        LIVE_SOURCES[name] = func
        return func

    return register


def _month(as_of: dt.date) -> str:
    return f"{as_of:%Y-%m}"


@live_source("open_datasets")
def open_datasets(ws: Workspace, as_of: dt.date) -> LiveValue:
    """Catalog entries created by ``as_of`` whose open type (开放属性) is not 不予开放.

    The open type is today's: an entry opened after ``as_of`` counts as open then too.
    """
    import sqlalchemy as sa

    from shuzhi.store.models import Dataset

    end = dt.datetime.combine(as_of + dt.timedelta(days=1), dt.time())
    with ws.store.session() as s:
        n = s.scalar(sa.select(sa.func.count()).select_from(Dataset)
                     .where(Dataset.open_type != NOT_OPEN, Dataset.created_at < end))
    return LiveValue(float(n or 0), _month(as_of), as_of)


@live_source("dcmm_assessments")
def dcmm_assessments(ws: Workspace | None, as_of: dt.date) -> LiveValue:
    """Not available yet: the platform has no DCMM (GB/T 36073) assessment module."""
    return LiveValue(None, _month(as_of), as_of, "平台尚无 DCMM 评估模块，暂无实时值",
                     "not available yet: the platform has no DCMM assessment module")


@live_source("dcmm_level3")
def dcmm_level3(ws: Workspace | None, as_of: dt.date) -> LiveValue:
    """Not available yet, like :func:`dcmm_assessments`."""
    return dcmm_assessments(ws, as_of)


@live_source("monitored_dc_pue")
def monitored_dc_pue(ws: Workspace, as_of: dt.date) -> LiveValue:
    """Average PUE of the monitored new large data centres in ``as_of``'s year (the data-centre monitor)."""
    from shuzhi.monitor.dc import provincial_pue

    period = str(as_of.year)
    try:
        value = provincial_pue(ws, as_of.year)
    except ShuzhiError as e:  # e.g. no readings imported yet
        return LiveValue(None, period, as_of, e.zh, e.en)
    if value is None:
        return LiveValue(None, period, as_of, f"{as_of.year} 年尚无新建大型数据中心的监测 PUE",
                         f"no monitored PUE of new large data centres for {as_of.year}")
    return LiveValue(float(value), period, as_of)
