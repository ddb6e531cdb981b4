"""The guard in front of every route: token, read-only methods, size limits, parameter checks."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from claimgraph.errors import UsageError
from claimgraph.server import create_app
from claimgraph.server.guard import COOKIE, is_loopback
from claimgraph.settings import Settings

TOKEN = "k3Yb9-Qx_7vT2mZ4pL8sW1nR"


@pytest.fixture(scope="module")
def app_settings(sample_db: Path) -> Settings:
    return Settings(db=str(sample_db))


@pytest.fixture(scope="module")
def guarded(app_settings: Settings) -> TestClient:
    return TestClient(create_app(settings=app_settings, token=TOKEN))


@pytest.fixture(scope="module")
def open_client(app_settings: Settings) -> TestClient:
    return TestClient(create_app(settings=app_settings))


def some_ids(client: TestClient, headers: dict[str, str] | None = None) -> tuple[str, str]:
    doc = client.get("/api/documents", params={"limit": 1}, headers=headers).json()["items"][0]["id"]
    entity = client.get("/api/entities", params={"limit": 1}, headers=headers).json()["items"][0]["id"]
    return doc, entity


def every_kind_of_path(doc: str, entity: str) -> list[str]:
    return [
        "/api/documents",
        f"/api/documents/{doc}",
        f"/api/entities/{entity}",
        "/api/search?q=bridge",
        "/",
        f"/documents/{doc}",
        f"/documents/{doc}/raw",
        "/map",
        "/static/style.css",
        "/openapi.json",
        "/no/such/page",
    ]


def test_without_the_token_every_route_answers_401_in_the_error_shape(guarded: TestClient) -> None:
    doc, entity = some_ids(guarded, {"Authorization": f"Bearer {TOKEN}"})
    wrong = [
        {},
        {"Authorization": "Bearer not-the-token-at-all"},
        {"Authorization": f"Bearer {TOKEN}x"},
        {"Authorization": f"Bearer {TOKEN[:-1]}"},
        {"Authorization": f"Basic {TOKEN}"},
        {"Authorization": TOKEN},
        {"Cookie": f"{COOKIE}={TOKEN}"},  # the cookie holds a derived value, never the token
    ]
    for path in every_kind_of_path(doc, entity):
        for headers in wrong:
            response = guarded.get(path, headers=headers)
            assert response.status_code == 401, (path, headers)
            assert response.json()["error"]["code"] == "unauthorized", path
            assert set(response.json()) == {"error"}
            assert response.headers["www-authenticate"].startswith("Bearer")
            assert "script-src 'none'" in response.headers["content-security-policy"]
        # The token in the query is for pages, not for the API.
        assert guarded.get(f"/api/documents?token={TOKEN}").status_code == 401


def test_the_bearer_token_opens_every_route(guarded: TestClient) -> None:
    headers = {"Authorization": f"Bearer {TOKEN}"}
    doc, entity = some_ids(guarded, headers)
    for path in every_kind_of_path(doc, entity):
        expected = 404 if path == "/no/such/page" else 200
        assert guarded.get(path, headers=headers).status_code == expected, path
    assert guarded.get("/", headers={"Authorization": f"bearer {TOKEN}"}).status_code == 200


def test_a_page_opened_with_the_token_sets_a_strict_httponly_cookie(app_settings: Settings) -> None:
    browser = TestClient(create_app(settings=app_settings, token=TOKEN))
    assert browser.get("/documents").status_code == 401
    wrong = browser.get("/documents?token=guess-guess-guess-guess", follow_redirects=False)
    assert wrong.status_code == 401 and COOKIE not in wrong.headers.get("set-cookie", "")

    opened = browser.get(f"/documents?outlet=The+Harbour+Courier&token={TOKEN}", follow_redirects=False)
    assert opened.status_code == 303
    # Back to the same page without the token, so that it stays out of the history and the Referer.
    assert opened.headers["location"] == "/documents?outlet=The+Harbour+Courier"
    cookie = opened.headers["set-cookie"]
    assert cookie.startswith(f"{COOKIE}=") and TOKEN not in cookie
    attributes = {part.strip().lower() for part in cookie.split(";")}
    assert {"httponly", "samesite=strict", "path=/"} <= attributes

    # The client keeps the cookie, as a browser would: pages, static files and the API now answer.
    doc, entity = some_ids(browser)
    for path in every_kind_of_path(doc, entity):
        assert browser.get(path).status_code == (404 if path == "/no/such/page" else 200), path
    # A cookie from a server with another token opens nothing.
    other = TestClient(create_app(settings=app_settings, token=TOKEN[::-1]))
    assert other.get("/", cookies={COOKIE: browser.cookies[COOKIE]}).status_code == 401


def test_the_redirect_never_leaves_the_site(app_settings: Settings) -> None:
    guarded = TestClient(create_app(settings=app_settings, token=TOKEN))
    for path in ("//evil.example/x", "/\\evil.example/x", "///evil.example", "/%2F%2Fevil.example"):
        url = httpx.URL("http://testserver/").copy_with(raw_path=f"{path}?token={TOKEN}".encode())
        response = guarded.get(url, follow_redirects=False)
        assert response.status_code == 303
        location = response.headers["location"]
        assert location.startswith("/") and not location.startswith("//") and "\\" not in location


def test_only_get_and_head_are_answered(open_client: TestClient) -> None:
    doc, _ = some_ids(open_client)
    for path in ("/api/documents", f"/api/documents/{doc}", "/", "/static/style.css", "/nowhere"):
        for method in ("POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "PROPFIND"):
            response = open_client.request(method, path)
            assert response.status_code == 405, (method, path)
            assert response.json()["error"]["code"] == "method-not-allowed"
            assert response.headers["allow"] == "GET, HEAD"
        get, head = open_client.get(path), open_client.head(path)
        assert head.status_code == get.status_code and head.content == b""
        if get.status_code == 200:
            assert head.headers["content-length"] == str(len(get.content))


def test_a_method_other_than_get_needs_the_token_too(guarded: TestClient) -> None:
    assert guarded.post("/api/documents").status_code == 401
    assert guarded.post("/api/documents", headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 405


def test_long_targets_and_bodies_are_refused(app_settings: Settings) -> None:
    limited = app_settings.with_overrides(max_url_bytes=300, max_body_bytes=10)
    client = TestClient(create_app(settings=limited))
    assert client.get("/api/documents?outlet=" + "a" * 201).status_code == 422  # over the parameter's 200
    too_long = client.get("/api/documents?outlet=" + "a" * 300)
    assert too_long.status_code == 414 and too_long.json()["error"]["code"] == "target-too-long"
    assert client.get("/documents/" + "a" * 300).status_code == 414

    assert client.request("GET", "/api/documents", content=b"x" * 10).status_code == 200
    body = client.request("GET", "/api/documents", content=b"x" * 11)
    assert body.status_code == 413 and body.json()["error"]["code"] == "body-too-large"

    def chunks(size: int) -> object:
        yield b"x" * size

    # A chunked body declares no length: it is counted as it arrives.
    assert client.request("GET", "/api/documents", content=chunks(10)).status_code == 200  # type: ignore[arg-type]
    assert client.request("GET", "/api/documents", content=chunks(11)).status_code == 413  # type: ignore[arg-type]
    with pytest.raises(UsageError, match="max_url_bytes"):
        create_app(settings=app_settings.with_overrides(max_url_bytes=10))


def test_parameters_are_checked_with_one_error_shape(open_client: TestClient) -> None:
    refused = [
        ("/api/documents", {"limit": 201}),
        ("/api/documents", {"limit": -1}),
        ("/api/documents", {"offset": -1}),
        ("/api/documents", {"limit": "ten"}),
        ("/api/documents", {"since": "2024-02-30"}),
        ("/api/documents", {"since": "2024-03-16", "until": "2024-03-01"}),
        ("/api/documents", {"outlet": "x" * 201}),
        ("/api/documents", {"outlet": "a\x00b"}),
        ("/api/documents", {"limt": 5}),
        ("/api/entities", {"type": "person; DROP"}),
        ("/api/statements", {"speaker": "../../etc/passwd"}),
        ("/api/disputes", {"kind": "numerical"}),
        ("/api/search", {}),
        ("/api/search", {"q": ""}),
        ("/api/search", {"q": "\x07"}),
        ("/api/documents/..%2F..%2Fetc%2Fpasswd", {}),
        ("/api/entities/" + "e" * 65, {}),
        ("/documents/not%20an%20id", {}),
        ("/search", {"q": "x" * 201}),
    ]
    for path, params in refused:
        response = open_client.get(path, params=params)
        assert response.status_code in (404, 422), (path, params, response.status_code)
        if path.startswith("/api"):
            error = response.json()["error"]
            assert set(response.json()) == {"error"} and error["code"] in ("invalid-request", "http-error")
            assert error["message"]
    unknown = open_client.get("/api/documents", params={"limt": 5}).json()["error"]["message"]
    assert "limt" in unknown and "limit" in unknown
    month = {"limit": 200, "since": "2024-03-01", "until": "2024-03-31"}
    assert open_client.get("/api/documents", params=month).status_code == 200
    assert open_client.get("/timeline", params={"entity": ""}).status_code == 200


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.8.9.10", True),
        ("::1", True),
        ("[::1]", True),
        ("localhost", True),
        ("0.0.0.0", False),
        ("::", False),
        ("192.168.1.20", False),
        ("example.org", False),
    ],
)
def test_loopback_addresses(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_weak_tokens_are_refused(app_settings: Settings) -> None:
    for token in ("short", "sixteen chars!!!", "x" * 15, "ünïcødé-tøkén-ünïcødé"):
        with pytest.raises(UsageError, match="at least 16 characters"):
            create_app(settings=app_settings, token=token)
