"""Security: the audit chain (later also crypto, keys and watermarks)."""
