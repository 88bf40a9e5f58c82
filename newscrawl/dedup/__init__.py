"""Deduplication: pure fingerprints (fingerprints.py) and the duplicate index in the store (index.py)."""
