"""Validators and code lists taken from Chinese national standards, kept as data with their source."""
