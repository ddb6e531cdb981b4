from __future__ import annotations

import gzip
import time
from collections.abc import Iterator

import pytest

from claimgraph import __version__
from claimgraph.collect.http import HttpClient, user_agent
from claimgraph.errors import FetchFailed, RobotsDisallowed
from claimgraph.settings import Settings

from .site import Request, Route, Site, serve

FAST = Settings(fetch_rate=0, fetch_timeout=2.0, fetch_retries=2, fetch_backoff=0.01)
ROBOTS = b"User-agent: *\nDisallow: /private/\n"


@pytest.fixture
def site() -> Iterator[Site]:
    with serve() as running:
        running.routes["/robots.txt"] = Route(ROBOTS, headers={"Content-Type": "text/plain"})
        running.routes["/page"] = Route(b"<html><body><p>hello</p></body></html>")
        running.routes["/private/secret"] = Route(b"<html>secret</html>")
        yield running


def test_user_agent_names_claimgraph_version_and_contact(site: Site) -> None:
    HttpClient(settings=FAST.with_overrides(fetch_contact="ops@example.org")).get(site.url("/page"))
    agents = {r.headers["User-Agent"] for r in site.log}
    assert agents == {f"claimgraph/{__version__} (+ops@example.org)"}
    assert user_agent(FAST) == f"claimgraph/{__version__}"


def test_robots_txt_forbidden_path_is_never_requested(site: Site) -> None:
    client = HttpClient(settings=FAST)
    assert client.get(site.url("/page")).body.startswith(b"<html>")
    with pytest.raises(RobotsDisallowed, match=r"/private/secret: forbidden by .*/robots\.txt"):
        client.get(site.url("/private/secret"))
    assert site.paths() == ["/robots.txt", "/page"]  # robots.txt once, the forbidden path never


def test_redirect_to_a_forbidden_path_is_not_followed(site: Site) -> None:
    site.routes["/moved"] = Route(status=301, headers={"Location": "/private/secret"})
    with pytest.raises(RobotsDisallowed):
        HttpClient(settings=FAST).get(site.url("/moved"))
    assert "/private/secret" not in site.paths()


@pytest.mark.parametrize(("status", "allowed"), [(404, True), (403, False), (500, False)])
def test_robots_txt_answers(site: Site, status: int, allowed: bool) -> None:
    site.routes["/robots.txt"] = Route(b"", status=status)
    client = HttpClient(settings=FAST)
    if allowed:
        assert client.get(site.url("/page")).status == 200
    else:
        with pytest.raises(FetchFailed, match=r"robots\.txt"):
            client.get(site.url("/page"))
        assert "/page" not in site.paths()


def test_slow_answer_times_out_with_a_clear_error(site: Site) -> None:
    site.routes["/slow"] = Route(b"<html>late</html>", delay=1.5)
    settings = FAST.with_overrides(fetch_timeout=0.3, fetch_retries=1)
    started = time.monotonic()
    with pytest.raises(FetchFailed, match=r"/slow: gave up after 2 attempts: timed out") as caught:
        HttpClient(settings=settings).get(site.url("/slow"))
    assert caught.value.transient
    assert time.monotonic() - started < 1.5
    assert site.paths().count("/slow") == 2


def test_500_then_success_is_retried(site: Site) -> None:
    calls: list[Request] = []

    def flaky(request: Request) -> tuple[int, dict[str, str], bytes]:
        calls.append(request)
        if len(calls) == 1:
            return 500, {}, b"oops"
        return 200, {"Content-Type": "text/html"}, b"<html>ok</html>"

    site.routes["/flaky"] = flaky
    answer = HttpClient(settings=FAST).get(site.url("/flaky"))
    assert answer.status == 200
    assert answer.body == b"<html>ok</html>"
    assert len(calls) == 2


def test_backoff_doubles_and_is_bounded(site: Site) -> None:
    site.routes["/down"] = Route(b"", status=503)
    waits: list[float] = []
    client = HttpClient(settings=FAST.with_overrides(fetch_retries=3, fetch_backoff=0.5), sleep=waits.append)
    with pytest.raises(FetchFailed, match=r"gave up after 4 attempts: HTTP 503 Service Unavailable"):
        client.get(site.url("/down"))
    assert waits == [0.5, 1.0, 2.0]


def test_permanent_500_gives_up(site: Site) -> None:
    site.routes["/broken"] = Route(b"", status=500)
    with pytest.raises(
        FetchFailed, match=r"/broken: gave up after 3 attempts: HTTP 500 Internal Server Error"
    ):
        HttpClient(settings=FAST).get(site.url("/broken"))
    assert site.paths().count("/broken") == 3


def test_404_is_not_retried(site: Site) -> None:
    with pytest.raises(FetchFailed, match=r"/gone: HTTP 404 Not Found") as caught:
        HttpClient(settings=FAST).get(site.url("/gone"))
    assert not caught.value.transient
    assert site.paths().count("/gone") == 1


def test_redirect_gives_the_final_url(site: Site) -> None:
    site.routes["/old"] = Route(status=301, headers={"Location": "/step"})
    site.routes["/step"] = Route(status=302, headers={"Location": site.url("/page")})
    answer = HttpClient(settings=FAST).get(site.url("/old"))
    assert answer.url == site.url("/old")
    assert answer.final_url == site.url("/page")
    assert answer.status == 200


def test_redirect_loop_gives_up(site: Site) -> None:
    site.routes["/loop"] = Route(status=302, headers={"Location": "/loop"})
    with pytest.raises(FetchFailed, match="more than 10 redirects"):
        HttpClient(settings=FAST).get(site.url("/loop"))


def test_conditional_requests_get_304(site: Site) -> None:
    site.routes["/tagged"] = Route(b"<html>v1</html>", etag='"v1"')
    site.routes["/dated"] = Route(b"<html>v1</html>", last_modified="Mon, 01 May 2023 10:00:00 GMT")
    client = HttpClient(settings=FAST)
    first = client.get(site.url("/tagged"))
    again = client.get(site.url("/tagged"), etag=first.header("ETag"))
    assert (first.status, again.status, again.body) == (200, 304, b"")
    dated = client.get(site.url("/dated"))
    assert client.get(site.url("/dated"), last_modified=dated.header("Last-Modified")).status == 304
    sent = [r.headers for r in site.log if r.path in ("/tagged", "/dated")]
    assert sent[1]["If-None-Match"] == '"v1"'
    assert sent[3]["If-Modified-Since"] == "Mon, 01 May 2023 10:00:00 GMT"


def test_rate_limit_spaces_requests_to_one_host(site: Site) -> None:
    client = HttpClient(settings=FAST.with_overrides(fetch_rate=20))  # one request every 50 ms
    started = time.monotonic()
    for _ in range(5):
        client.get(site.url("/page"))
    elapsed = time.monotonic() - started
    stamps = [r.at for r in site.log]
    assert len(stamps) == 6  # robots.txt and five pages
    assert elapsed >= 5 * 0.05 * 0.9
    # The server saw them spread as well (one by one its threads may see them a little unevenly).
    assert stamps[-1] - stamps[0] >= 5 * 0.05 * 0.8


def test_crawl_delay_in_robots_txt_wins_over_a_faster_rate(site: Site) -> None:
    # urllib.robotparser reads whole seconds only
    site.routes["/robots.txt"] = Route(b"User-agent: claimgraph\nCrawl-delay: 2\n")
    waits: list[float] = []
    clock = [0.0]
    client = HttpClient(
        settings=FAST.with_overrides(fetch_rate=100), sleep=waits.append, clock=lambda: clock[0]
    )
    client.get(site.url("/page"))
    client.get(site.url("/page"))
    assert max(waits) - waits[-2] == pytest.approx(2.0)  # the clock stands still: slots add up


def test_answer_too_large_is_refused(site: Site) -> None:
    site.routes["/big"] = Route(b"x" * 5000)
    with pytest.raises(FetchFailed, match=r"/big: answer too large"):
        HttpClient(settings=FAST.with_overrides(max_response_bytes=1000)).get(site.url("/big"))


def test_gzip_bomb_answer_is_refused(site: Site) -> None:
    site.routes["/bomb"] = Route(gzip.compress(b"\0" * 100_000), headers={"Content-Encoding": "gzip"})
    with pytest.raises(FetchFailed, match="expands past"):
        HttpClient(settings=FAST.with_overrides(max_response_bytes=10_000)).get(site.url("/bomb"))


def test_gzip_answer_is_decompressed(site: Site) -> None:
    site.routes["/gz"] = Route(gzip.compress(b"<html>zipped</html>"), headers={"Content-Encoding": "gzip"})
    assert HttpClient(settings=FAST).get(site.url("/gz")).body == b"<html>zipped</html>"


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/x", "http:///nohost", "data:,x"])
def test_only_http_urls_are_fetched(url: str) -> None:
    with pytest.raises(FetchFailed, match=r"not an http or https URL|no host"):
        HttpClient(settings=FAST).get(url)


def test_connection_refused_is_a_clear_error() -> None:
    with serve() as gone:
        url = gone.url("/page")
    with pytest.raises(FetchFailed, match=r"robots\.txt could not be read .*connection failed"):
        HttpClient(settings=FAST.with_overrides(fetch_retries=0)).get(url)
