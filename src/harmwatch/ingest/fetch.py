"""Fetching URLs and feeds with httpx, defensively.

Every request has a timeout, a size cap (the body is streamed and cut off past it), a cap on
redirects (followed by hand, so each hop is checked), a clear User-Agent, and an SSRF guard: the
host of every hop is resolved and refused when any address is loopback, private, link-local,
multicast or reserved, unless ``allow_private`` is set (tests and intranet archives).

Known gap: the address is checked before httpx connects, which resolves again; a DNS answer that
changes between the two (rebinding) is not caught. Pinning the connection to the checked address
would close it.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urljoin, urlsplit

import httpx

from harmwatch.config import Config
from harmwatch.errors import BlockedAddress, FetchError, TooLarge

ALLOWED_SCHEMES = {"http", "https"}
#: Bytes read per chunk while streaming a body.
STREAM_CHUNK = 64 * 1024


@dataclass(slots=True)
class Fetched:
    url: str
    final_url: str
    status: int
    headers: dict[str, str]
    content: bytes
    retrieved_at: datetime = field(default_factory=lambda: datetime.now(UTC))

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()


def check_address(url: str, allow_private: bool) -> None:
    """Refuse ``url`` when its scheme is not http(s) or its host resolves to a private address."""
    parts = urlsplit(url)
    if parts.scheme not in ALLOWED_SCHEMES:
        raise FetchError(url, f"unsupported URL scheme {parts.scheme!r}")
    host = parts.hostname
    if not host:
        raise FetchError(url, "URL has no host")
    if allow_private:
        return
    try:
        infos = socket.getaddrinfo(host, parts.port or (443 if parts.scheme == "https" else 80))
    except socket.gaierror as exc:
        raise FetchError(url, f"cannot resolve host {host!r} ({exc.strerror})") from exc
    for info in infos:
        address = ipaddress.ip_address(info[4][0].split("%")[0])
        if (
            address.is_private
            or address.is_loopback
            or address.is_link_local
            or address.is_multicast
            or address.is_reserved
            or address.is_unspecified
        ):
            raise BlockedAddress(
                url,
                f"refused: {host} resolves to non-public address {address} "
                "(use --allow-private to permit)",
            )


def fetch(url: str, cfg: Config, client: httpx.Client | None = None) -> Fetched:
    """GET ``url`` under the guards in the module docstring; raises FetchError and subclasses."""
    own = client is None
    client = client or make_client(cfg)
    try:
        current = url
        for _hop in range(cfg.max_redirects + 1):
            check_address(current, cfg.allow_private)
            try:
                with client.stream("GET", current) as response:
                    if response.is_redirect:
                        location = response.headers.get("location")
                        if not location:
                            raise FetchError(url, f"redirect without Location from {current}")
                        current = urljoin(current, location)
                        continue
                    body = _read_capped(response, url, cfg.max_bytes)
                    if response.status_code >= 400:
                        raise FetchError(url, f"HTTP {response.status_code} from {current}")
                    return Fetched(
                        url,
                        current,
                        response.status_code,
                        {k.lower(): v for k, v in response.headers.items()},
                        body,
                    )
            except httpx.TimeoutException as exc:
                raise FetchError(url, f"timed out after {cfg.fetch_timeout:g} s") from exc
            except httpx.HTTPError as exc:
                raise FetchError(url, f"{type(exc).__name__}: {exc}") from exc
        raise FetchError(url, f"more than {cfg.max_redirects} redirects")
    finally:
        if own:
            client.close()


def _read_capped(response: httpx.Response, url: str, cap: int) -> bytes:
    declared = response.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > cap:
        raise TooLarge(url, f"body of {int(declared):,} bytes is over the cap of {cap:,}")
    chunks, size = [], 0
    for chunk in response.iter_bytes(STREAM_CHUNK):
        size += len(chunk)
        if size > cap:
            raise TooLarge(url, f"body is over the cap of {cap:,} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def make_client(cfg: Config) -> httpx.Client:
    return httpx.Client(
        timeout=httpx.Timeout(cfg.fetch_timeout),
        follow_redirects=False,
        headers={"User-Agent": cfg.user_agent},
        trust_env=False,
    )
