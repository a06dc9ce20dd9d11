"""Sources: turn a file or a database table into Parquet parts through the engine.

Everything about real-world files (encodings, delimiters, title rows, messy
headers, Excel quirks, database URLs) lives here; the catalog sees only a
:class:`~shuzhi.sources.stage.Staged` result.
"""
