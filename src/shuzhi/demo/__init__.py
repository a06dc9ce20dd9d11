"""Deterministic synthetic demo data for the five basic libraries (五大基础库), with documented defects."""
