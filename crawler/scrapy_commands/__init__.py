"""Scrapy commands of the project (`COMMANDS_MODULE`): `crawl` checks the spider's arguments first."""
