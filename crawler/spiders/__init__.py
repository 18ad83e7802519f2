"""Spiders, one per site family (added with the crawler issue)."""
