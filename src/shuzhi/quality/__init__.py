"""Data quality assessment along the six GB/T 36344 dimensions (规范性 完整性 准确性 一致性 时效性 可访问性).

- :func:`parse_rules` / :func:`load_rules`: rule files (YAML), validated with line numbers;
- :func:`suggest_yaml` / :func:`suggest_rules`: rules proposed from the catalog profile;
- :func:`run_quality`: evaluate a rule set (one aggregate scan + one query per key set or
  join), score it, detect anomalies against history, store the run;
- :func:`quality_history`: earlier runs of a dataset;
- :func:`render_html` / :func:`write_xlsx`: reports.
"""

from shuzhi.quality.registry import CHECKS, get_checks
from shuzhi.quality.report_html import render_html
from shuzhi.quality.report_xlsx import write_xlsx
from shuzhi.quality.rules import RuleSet, load_rules, parse_rules
from shuzhi.quality.run import quality_history, rules_path, run_quality
from shuzhi.quality.suggest import suggest_rules, suggest_yaml

__all__ = [
    "CHECKS", "RuleSet", "get_checks", "load_rules", "parse_rules", "quality_history", "render_html", "rules_path",
    "run_quality", "suggest_rules", "suggest_yaml", "write_xlsx",
]
