"""Scrapy commands of the project (`COMMANDS_MODULE`): `crawl` as Scrapy's, with the monitors' exit status."""
