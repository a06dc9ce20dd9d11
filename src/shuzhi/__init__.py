"""shuzhi (数治): a platform for governing and circulating public data."""

__version__ = "0.1.0"
