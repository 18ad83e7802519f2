"""Saring's Scrapy project: spiders find article pages; `cleaners` turns them into records."""
