"""Monitoring (运行监测): data centres' energy efficiency (数据中心监测平台), the plan's indicators and their
progress (规划任务定期评估), and the big-data industry (企业库, 产业地图, 长短板清单).

Three parts, one module each family: ``dc*`` (registry, meter readings, metrics, alerts), ``indicators*``
(registry seeded from the plan, values, progress, projections) and ``industry*`` (enterprises, chain
coverage, the map). Each part's functions take a :class:`~shuzhi.workspace.Workspace` and return plain
dicts, so the CLI, the later HTTP API and the web pages are thin adapters over the same calls; reports
share :mod:`shuzhi.monitor.report` and :mod:`shuzhi.monitor.charts`.
"""
