"""Masking: transforms, policies, static masking, anonymization (k/l/t) and re-identification risk."""
