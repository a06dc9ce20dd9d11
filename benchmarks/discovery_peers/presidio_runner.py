"""Presidio on the discovery table, set up as a fair user would for Chinese data (runs in its own venv:
presidio-analyzer, presidio-structured, spacy, pandas, pyarrow — no shuzhi):

- NLP engine: ``SlimSpacyNlpEngine`` over ``blank:zh`` (spaCy's character tokenizer; no model can be
  downloaded here, so ``auto_download=False``), or, with ``"nlp": "noop"``, Presidio's ``NoOpNlpEngine``
  (no tokens at all: the fastest configuration when every recognizer is a pattern);
- recognizers equivalent to shuzhi's value recognizers, as ``PatternRecognizer``s for ``zh``: resident
  ID (GB 11643 MOD 11-2, birth date, province), mobile, landline, bank card (Luhn), USCC (GB 32100 and
  the embedded GB 11714 code), organisation code (GB 11714), plate, passport, HK/Macau permit,
  coordinates (lng,lat in China) — checks in plain Python below — plus Presidio's own e-mail, IP and
  MAC recognizers and a deny list of the 56 ethnic groups. No name or address recognizer: Presidio
  finds those with an NER model, and none can be downloaded (a surname regex alone would label every
  Chinese text column a name);
- presidio-structured's ``PandasAnalysisBuilder.generate_analysis(df, n, language="zh")`` on a seeded
  sample of ``n`` rows (its own ``df.sample(n, random_state=123)``), labelling each column with its
  default ``most_common`` strategy.

Presidio analyses about 4,000 cells/s here, so it runs on a sample (``rows``; 20,000 rows × 20 columns
= 400,000 cells ≈ 2 minutes; the full 1M × 20 table would take 1.5–2 hours).

    python presidio_runner.py SPEC   # SPEC: {"parquet", "rows", "nlp": "slim"|"noop", "batch_size", "ethnic_groups"}

Prints one line ``@@RESULT {json}``: cells analysed, seconds (the analysis only: after reading the file
and a warm-up of every recognizer), cells/s, the label per column, and per column the share of
non-blank cells holding each entity (to label by a share threshold as well).
"""

from __future__ import annotations

import datetime as dt
import json
import math
import sys
import time
from collections import Counter
from importlib import metadata

import pyarrow.parquet as pq
from presidio_analyzer import (
    AnalyzerEngine,
    Pattern,
    PatternRecognizer,
    RecognizerRegistry,
)
from presidio_analyzer.nlp_engine import NoOpNlpEngine, SlimSpacyNlpEngine
from presidio_analyzer.predefined_recognizers import (
    EmailRecognizer,
    IpRecognizer,
    MacAddressRecognizer,
)
from presidio_structured import PandasAnalysisBuilder

LANG = "zh"
ND = r"(?<![0-9A-Za-z])"  # not preceded by a letter or digit (\b does not work next to Han characters)
NA = r"(?![0-9A-Za-z])"
PRESIDIO_TO_OURS = {"EMAIL_ADDRESS": "EMAIL"}

# ---- checks in plain Python (the venv has no shuzhi) ------------------------------------------------------

_ID_W = [pow(2, 17 - i, 11) for i in range(17)]  # GB 11643-1999: W_i = 2^(18-i) mod 11
_A31 = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # GB 32100-2015 §4.1
_A36 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"  # GB 11714-1997 values
_USCC_W = [pow(3, i, 31) for i in range(17)]
_ORG_W = [3, 7, 9, 10, 5, 8, 4, 2]
_PROVINCES = {11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54,
              61, 62, 63, 64, 65, 71, 81, 82, 83}
TODAY = dt.date.today()


def _date_ok(y: int, m: int, d: int) -> bool:
    try:
        return dt.date(y, m, d) <= TODAY
    except ValueError:
        return False


def resident_id_ok(s: str) -> bool:
    """GB 11643: province, birth date, ISO 7064 MOD 11-2 check; 15-digit first-generation numbers: date only."""
    s = s.upper()
    if int(s[:2]) not in _PROVINCES:
        return False
    if len(s) == 15:
        return _date_ok(1900 + int(s[6:8]), int(s[8:10]), int(s[10:12]))
    if not _date_ok(int(s[6:10]), int(s[10:12]), int(s[12:14])):
        return False
    total = sum(int(c) * w for c, w in zip(s[:17], _ID_W))
    return "10X98765432"[total % 11] == s[17]


def luhn_ok(s: str) -> bool:
    digits = [int(c) for c in s if c.isdigit()]
    total = 0
    for k, d in enumerate(reversed(digits)):
        total += (2 * d - 9 * (d > 4)) if k % 2 else d
    return total % 10 == 0


def org_code_ok(body8: str, check: str) -> bool:
    """GB 11714-1997: C9 = 11 − Σ mod 11 (10 → X, 11 → 0)."""
    if any(c not in _A36 for c in body8):
        return False
    c = 11 - sum(_A36.index(ch) * w for ch, w in zip(body8, _ORG_W)) % 11
    return {10: "X", 11: "0"}.get(c, str(c)) == check


def uscc_ok(s: str) -> bool:
    """GB 32100-2015 check character, and the embedded GB 11714 code (characters 9–17)."""
    s = s.upper()
    if any(c not in _A31 for c in s):
        return False
    check = (31 - sum(_A31.index(c) * w for c, w in zip(s[:17], _USCC_W)) % 31) % 31
    return _A31[check] == s[17] and org_code_ok(s[8:16], s[16])


def coordinate_ok(s: str) -> bool:
    """A lng,lat pair (either order) inside China's bounding box, as shuzhi's recognizer without a header."""
    a, b = (float(x) for x in s.replace("，", ",").split(","))
    return (73 <= a <= 136 and 3 <= b <= 54) or (3 <= a <= 54 and 73 <= b <= 136)


class Checked(PatternRecognizer):
    """A PatternRecognizer whose ``validate_result`` is a plain function (True: score 1.0, False: dropped)."""

    def __init__(self, entity: str, regex: str, check, score: float = 0.5) -> None:
        super().__init__(supported_entity=entity, patterns=[Pattern(entity.lower(), regex, score)],
                         supported_language=LANG)
        self._check = check

    def validate_result(self, pattern_text: str) -> bool | None:
        try:
            return bool(self._check(pattern_text.strip()))
        except ValueError:
            return False


def recognizers(ethnic_groups: list[str]) -> list:
    prov = "(?:1[1-5]|2[1-3]|3[1-7]|4[1-6]|5[0-4]|6[1-5]|71|8[1-3])"
    mobile = r"1(?:[38][0-9]|4[5-9]|[59][0-35-9]|6[2567]|7[0-8])[0-9]{8}"
    plate = (r"[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-HJ-NP-Z][·•. ]?"
             r"(?:[DF][A-HJ-NP-Z0-9][0-9]{4}|[0-9]{5}[DF]|[A-HJ-NP-Z0-9]{4}[A-HJ-NP-Z0-9挂学警港澳领])")
    num = r"-?[0-9]{1,3}\.[0-9]{3,}"
    return [
        Checked("CN_RESIDENT_ID", rf"{ND}(?:{prov}[0-9]{{15}}[0-9Xx]|{prov}[0-9]{{13}}){NA}", resident_id_ok),
        Checked("BANK_CARD", r"(?<![0-9])[2-6][0-9]{3}(?:[ -]?[0-9]{4}){3}(?:[ -]?[0-9]{1,3})?(?![0-9])", luhn_ok),
        Checked("CN_USCC", rf"{ND}[0-9A-HJ-NP-RTUWXY]{{2}}[0-9]{{6}}[0-9A-HJ-NP-RTUWXY]{{10}}{NA}", uscc_ok),
        Checked("CN_ORG_CODE", rf"{ND}[0-9A-Z]{{8}}-?[0-9X]{NA}", lambda s: org_code_ok(s.upper()[:8], s.upper()[-1])),
        Checked("GEO_COORDINATE", rf"(?<![0-9.]){num}\s*[,，]\s*{num}(?![0-9.])", coordinate_ok),
        PatternRecognizer(supported_entity="CN_MOBILE", supported_language=LANG, patterns=[
            Pattern("cn_mobile", rf"(?<![0-9])(?:(?:\+|00)?86[ -]?)?{mobile}(?![0-9])", 0.5)]),
        PatternRecognizer(supported_entity="CN_LANDLINE", supported_language=LANG, patterns=[
            Pattern("cn_landline", r"(?<![0-9])\(?0[1-9][0-9]{1,2}\)?[ \-]?[2-9][0-9]{6,7}(?![0-9])", 0.4)]),
        PatternRecognizer(supported_entity="CN_LICENSE_PLATE", supported_language=LANG, patterns=[
            Pattern("cn_plate", plate, 0.5)]),
        PatternRecognizer(supported_entity="CN_PASSPORT", supported_language=LANG, patterns=[
            Pattern("cn_passport", rf"{ND}(?:E[0-9]{{8}}|E[A-HJ-NP-Z][0-9]{{7}}|G[0-9]{{8}}|[PSD]E?[0-9]{{7}}){NA}", 0.3)]),
        PatternRecognizer(supported_entity="CN_HKMO_PERMIT", supported_language=LANG, patterns=[
            Pattern("cn_hkmo", rf"{ND}(?:C[0-9]{{8}}|C[A-HJ-NP-Z][0-9]{{7}}|[HM][0-9]{{8}}(?:[0-9]{{2}})?){NA}", 0.3)]),
        PatternRecognizer(supported_entity="CN_ETHNICITY", supported_language=LANG, deny_list=ethnic_groups),
        EmailRecognizer(supported_language=LANG),
        IpRecognizer(supported_language=LANG),
        MacAddressRecognizer(supported_language=LANG),
    ]


def analyzer(nlp: str, ethnic_groups: list[str]) -> AnalyzerEngine:
    if nlp == "slim":
        engine = SlimSpacyNlpEngine(models=[{"lang_code": LANG, "model_name": "blank:zh"}], auto_download=False)
    elif nlp == "noop":
        engine = NoOpNlpEngine(models=[{"lang_code": LANG, "model_name": "noop"}])
    else:
        raise SystemExit(f"unknown nlp engine {nlp!r}")
    engine.load()
    registry = RecognizerRegistry(supported_languages=[LANG])
    for r in recognizers(ethnic_groups):
        registry.add_recognizer(r)
    return AnalyzerEngine(nlp_engine=engine, registry=registry, supported_languages=[LANG])


class Builder(PandasAnalysisBuilder):
    """presidio-structured's builder, keeping the per-cell results it computes (to count shares as well)."""

    last: dict | None = None

    def _batch_analyze_df(self, df, language):
        self.last = super()._batch_analyze_df(df, language)
        return self.last


def _blank(v) -> bool:
    return v is None or (isinstance(v, float) and math.isnan(v)) or str(v).strip() in ("", "无")


def main() -> None:
    with open(sys.argv[1], encoding="utf-8") as f:
        spec = json.load(f)
    t0 = time.perf_counter()
    df = pq.read_table(spec["parquet"]).to_pandas()
    read_s = time.perf_counter() - t0
    t1 = time.perf_counter()
    engine = analyzer(spec["nlp"], spec["ethnic_groups"])
    builder = Builder(analyzer=engine, batch_size=int(spec.get("batch_size", 1)), n_process=1)
    # warm-up: every recognizer once (compiled regexes, tldextract's suffix list) before the clock starts
    warm = ["11010519491231002X", "13912345678", "6222020000000000000", "a@b.cn", "10.0.0.1", "00:1A:2B:3C:4D:5E",
            "汉族", "苏A12345", "118.1,32.1", "91320102MA1XXXXXX0"]
    builder.batch_analyzer.analyze_iterator(warm, language=LANG)
    setup_s = time.perf_counter() - t1
    n = min(int(spec["rows"]), len(df))
    started = time.perf_counter()
    analysis = builder.generate_analysis(df, n=n, language=LANG)  # samples n rows with random_state=123
    seconds = time.perf_counter() - started
    sampled = df.sample(n, random_state=123)  # the same rows, to count non-blank cells
    shares = {}
    for col, results in (builder.last or {}).items():
        present = sum(not _blank(v) for v in sampled[col])
        hit = Counter(PRESIDIO_TO_OURS.get(e, e) for cell in results for e in {r.entity_type for r in cell})
        shares[col] = {e: round(k / present, 4) for e, k in hit.most_common()} if present else {}
    labels = {c: [] for c in df.columns}
    for col, entity in analysis.entity_mapping.items():
        labels[col] = [PRESIDIO_TO_OURS.get(entity, entity)]
    cells = n * len(df.columns)
    out = {"tool": f"presidio-{spec['nlp']}", "rows": n, "columns": len(df.columns), "cells": cells, "seconds": seconds,
           "cells_per_s": cells / seconds, "read_s": read_s, "setup_s": setup_s, "labels": labels, "shares": shares,
           "batch_size": builder.batch_size,
           "versions": {d: metadata.version(d) for d in ("presidio-analyzer", "presidio-structured", "spacy")}}
    print("@@RESULT " + json.dumps(out, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
