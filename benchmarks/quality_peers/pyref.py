"""Row-by-row Python reference counts, for checking the SQL on a small file (--python-check; slow: ~1 s per 50k rows).

Uses shuzhi.standards.checksums for the check characters, so the hand-written SQL is tied to the
project's reference implementations.
"""

from __future__ import annotations

import datetime as dt
import re

import pyarrow.parquet as pq
from sqlrules import PLACEHOLDERS, RULE_IDS


def counts(path: str, codes: dict[str, list[str]], limit: int = 200_000) -> dict[str, int]:
    from shuzhi.standards import checksums

    t = pq.read_table(path).slice(0, limit).to_pydict()
    area, mz, xbs = set(codes["gb2260"]), set(codes["gb3304"]), set(codes["gb2261"])

    def date(s: str, fmt: str) -> bool:
        try:
            dt.datetime.strptime(s, fmt)
            return True
        except ValueError:
            return False

    def id_ok(s: str) -> bool:
        return (re.fullmatch(r"[0-9]{17}[0-9X]", s) is not None and checksums.gb11643_valid(s)
                and date(s[6:14], "%Y%m%d") and s[:6] in area)

    def num_ok(s: str) -> bool:
        try:
            return 0 <= float(s) <= 150
        except ValueError:
            return False

    fail = dict.fromkeys(RULE_IDS, 0)
    n = len(t["id"])
    for i in range(n):
        r = {k: v[i] for k, v in t.items()}
        for c in ("xm", "sfzh", "lxdh", "csrq"):
            fail[f"{c}_not_null"] += r[c] is None
        if (x := r["xm"]) is not None:
            fail["xm_not_blank"] += x.strip(" \u3000") == "" or x in PLACEHOLDERS
            fail["xm_length"] += not 2 <= len(x) <= 20
        if (s := r["sfzh"]) is not None:
            fail["sfzh_id_card"] += not id_ok(s)
            fail["sfzh_length"] += len(s) != 18
        if (v := r["lxdh"]) is not None:
            fail["lxdh_mobile"] += re.fullmatch(r"1[3-9][0-9]{9}", v) is None
        if (v := r["yhkh"]) is not None:
            fail["yhkh_bank_card"] += not (re.fullmatch(r"[0-9]{16,19}", v) and checksums.luhn_valid(v))
        fail["xb_code_list"] += r["xb"] is not None and r["xb"] not in xbs
        fail["mz_code_list"] += r["mz"] is not None and r["mz"] not in mz
        fail["xzqh_code_list"] += r["xzqh"] is not None and r["xzqh"] not in area
        fail["age_range"] += r["age"] is not None and not num_ok(r["age"])
        fail["zip_regex"] += r["zip"] is not None and re.fullmatch(r"[0-9]{6}", r["zip"]) is None
        fail["csrq_date_format"] += r["csrq"] is not None and not date(r["csrq"], "%Y-%m-%d")
        fail["updated_at_regex"] += (r["updated_at"] is not None
                                     and re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}", r["updated_at"]) is None)
        if s is not None and r["csrq"] is not None:
            fail["id_birthdate_match"] += s[6:14] != r["csrq"].replace("-", "")
        if s is not None and len(s) >= 17 and s[16] in "0123456789" and r["xb"] in ("1", "2"):
            fail["id_sex_match"] += (int(s[16]) % 2 == 1) != (r["xb"] == "1")
        a, b = r["start_date"], r["end_date"]
        if a is not None and b is not None and date(a, "%Y-%m-%d") and date(b, "%Y-%m-%d"):
            fail["start_end_compare"] += a > b
    ids = [s for s in t["sfzh"] if s is not None]
    fail["sfzh_unique"] = len(ids) - len(set(ids))
    return fail
