"""Deduplication: pure fingerprints (fingerprints.py) and the duplicate index (index.py)."""
