"""The fake news web: one loopback HTTP server that acts as a forward proxy for many sites.

Scrapy sends ``GET http://express.test/path HTTP/1.1`` (absolute form) to the proxy named in
``http_proxy``; the server routes on the host of that URL. Content comes from two places:

- static files under ``sites/<host>/<path>`` (``/``, paths ending in ``/`` and directories
  serve ``index.html``; the content type follows the file extension, else the content), and
- routes added at run time with :meth:`FakeWeb.add` / :meth:`FakeWeb.handle` (they win over
  files), for tests that change the web between runs or inject faults.

Every request is counted per absolute URL in :attr:`FakeWeb.hits`, so tests can assert what
was fetched (and what was not). Standalone, for ``bench/``: ``python tests/fakeweb/server.py``
prints the proxy URL and serves until interrupted.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

SITES_DIR = Path(__file__).resolve().parent / "sites"

CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".xml": "application/xml",
    ".rss": "application/rss+xml",
    ".atom": "application/atom+xml",
    ".txt": "text/plain; charset=utf-8",
    ".gz": "application/x-gzip",
    ".pdf": "application/pdf",
    ".json": "application/json",
}


def sniff_type(body: bytes) -> str:
    """Content type of a file without a known extension ("/news/1890123/slug", "/feed")."""
    head = body[:256].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")):
        return "text/html; charset=utf-8"
    if head.startswith(b"<?xml"):
        return "application/xml"
    return "application/octet-stream"


@dataclass
class Reply:
    """What the server answers for one URL.

    ``fault``: "" (answer normally), "reset" (close the connection without a reply), "hang"
    (send nothing for ``delay`` seconds, then close), "truncate" (announce the full length,
    send half the body, close). ``delay``: seconds to wait before answering.
    """

    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    fault: str = ""


Handler = Callable[[str], Reply | None]
"""A dynamic route: absolute URL -> Reply (None: fall through to files / 404)."""


class FakeWeb:
    """A threaded forward-proxy server on 127.0.0.1:<free port> serving the fake sites."""

    def __init__(self, sites_dir: Path | None = SITES_DIR) -> None:
        self.sites_dir = sites_dir
        self.routes: dict[str, Reply] = {}
        self.handlers: list[tuple[str, Handler]] = []
        self.hits: Counter[str] = Counter()
        self.agents: dict[str, set[str]] = {}
        """The User-Agent headers each URL was requested with."""
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # --- life cycle ----------------------------------------------------------------------
    def start(self) -> FakeWeb:
        """Bind a free loopback port and serve in a daemon thread."""
        web = self

        class RequestHandler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                web._serve(self, head=False)

            def do_HEAD(self) -> None:
                web._serve(self, head=True)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        class Server(ThreadingHTTPServer):
            # The default backlog of 5 overflows when a crawler opens dozens of connections at
            # once: dropped SYNs are resent after 1 s, which looks like a timeout to a crawl
            # with a short DOWNLOAD_TIMEOUT.
            request_queue_size = 128

        self._server = Server(("127.0.0.1", 0), RequestHandler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and release the port."""
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> FakeWeb:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def proxy_url(self) -> str:
        """``http://127.0.0.1:PORT``: the value for ``http_proxy``."""
        assert self._server is not None, "FakeWeb not started"
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def proxy_env(self) -> dict[str, str]:
        """Environment variables that send a crawler's plain-HTTP requests through this web."""
        url = self.proxy_url
        return {"http_proxy": url, "HTTP_PROXY": url, "no_proxy": "", "NO_PROXY": ""}

    # --- content ---------------------------------------------------------------------------
    def add(self, url: str, body: bytes | str = b"", **reply: Any) -> None:
        """Serve ``body`` at the absolute ``url`` (keyword arguments: see :class:`Reply`)."""
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[url] = Reply(body=data, **reply)

    def redirect(self, url: str, to: str, status: int = 301) -> None:
        """Answer ``url`` with a redirect to ``to``."""
        self.routes[url] = Reply(status=status, headers={"Location": to}, content_type="text/plain")

    def remove(self, url: str) -> None:
        """Forget a route added with :meth:`add` (a static file, if any, shows again)."""
        self.routes.pop(url, None)

    def handle(self, prefix: str, handler: Handler) -> None:
        """Answer every URL starting with ``prefix`` with ``handler(url)`` (traps, generators)."""
        self.handlers.append((prefix, handler))

    def fetched(self, url: str) -> int:
        """How many times ``url`` was requested."""
        with self._lock:
            return self.hits[url]

    def fetched_urls(self, host: str | None = None) -> set[str]:
        """Every URL requested so far (of one host, when given)."""
        with self._lock:
            urls = set(self.hits)
        return {u for u in urls if host is None or urlsplit(u).hostname == host}

    def agents_of(self, urls: set[str]) -> set[str]:
        """The User-Agents that requested any of ``urls`` (query strings ignored)."""
        with self._lock:
            return {a for u, agents in self.agents.items() if u.split("?")[0] in urls
                    for a in agents}  # fmt: skip

    def reset_hits(self) -> None:
        """Forget the request counts (between two crawls of one test)."""
        with self._lock:
            self.hits.clear()
            self.agents.clear()

    def reply_for(self, url: str) -> Reply:
        """The reply the server gives for ``url`` (routes, then handlers, then files, else 404)."""
        if url in self.routes:
            return self.routes[url]
        for prefix, handler in self.handlers:
            if url.startswith(prefix):
                reply = handler(url)
                if reply is not None:
                    return reply
        return self._file_reply(url) or Reply(b"not found", 404, "text/plain")

    def _file_reply(self, url: str) -> Reply | None:
        if self.sites_dir is None:
            return None
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
        rel = unquote(parts.path).lstrip("/")
        if not rel or rel.endswith("/"):
            rel += "index.html"
        root = (self.sites_dir / host).resolve()
        path = (root / rel).resolve()
        if path.is_dir():  # "/news/uk" and "/news/uk/page/2" both exist on real sites
            path = path / "index.html"
        if root not in path.parents or not path.is_file():
            return None
        body = path.read_bytes()
        return Reply(body, 200, CONTENT_TYPES.get(path.suffix) or sniff_type(body))

    # --- serving ---------------------------------------------------------------------------
    def _serve(self, req: BaseHTTPRequestHandler, head: bool) -> None:
        url = req.path
        if not url.startswith(("http://", "https://")):  # origin form: use the Host header
            url = f"http://{req.headers.get('Host', 'localhost')}{url}"
        with self._lock:
            self.hits[url] += 1
            self.agents.setdefault(url, set()).add(req.headers.get("User-Agent", ""))
        reply = self.reply_for(url)
        if reply.delay:
            time.sleep(reply.delay)
        if reply.fault in ("reset", "hang"):
            req.close_connection = True
            return
        body = b"" if head else reply.body
        try:
            req.send_response(reply.status)
            req.send_header("Content-Type", reply.content_type)
            req.send_header("Content-Length", str(len(reply.body)))
            for name, value in reply.headers.items():
                req.send_header(name, value)
            req.end_headers()
            if reply.fault == "truncate":
                req.wfile.write(body[: len(body) // 2])
                req.close_connection = True
                return
            req.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            req.close_connection = True


def main() -> None:
    """Serve the static fake web until interrupted; print the proxy URL first."""
    with FakeWeb() as web:
        print(web.proxy_url, flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            threading.Event().wait()


if __name__ == "__main__":
    main()
