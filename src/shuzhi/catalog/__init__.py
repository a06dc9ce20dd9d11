"""The data resource catalog: ingest, versions, metadata, column profiles, search.

>>> from shuzhi.catalog import ingest, list_datasets, show_dataset, search_datasets, read_dataset
"""

from shuzhi.catalog.ingest import IngestResult, ingest
from shuzhi.catalog.queries import (
    list_datasets,
    read_dataset,
    search_datasets,
    show_dataset,
)

__all__ = ["IngestResult", "ingest", "list_datasets", "read_dataset", "search_datasets", "show_dataset"]
