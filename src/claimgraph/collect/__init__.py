"""Collection: pages, RSS/Atom feeds and sitemaps fetched politely over HTTP into the store.

``http`` is the client (robots.txt, rate limit, retries, conditional requests, limits), ``feeds``
reads feeds and sitemaps, ``crawl`` fetches into the store and hands the pages to ingest.
"""

from claimgraph.collect.crawl import CollectReport, collect_feed, collect_sitemap, fetch
from claimgraph.collect.http import HttpClient, user_agent

__all__ = ["CollectReport", "HttpClient", "collect_feed", "collect_sitemap", "fetch", "user_agent"]
