"""Every source kind, and every kind of bad input, through the real ingestion pipeline."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from sqlalchemy import select

from harmwatch.evidence.archive import Archive
from harmwatch.ingest.pipeline import ingest
from harmwatch.store.tables import captures, documents
from tests.helpers import ARTICLE, gzip_bomb, http_server, minimal_pdf, page, write_warc


def _texts(archive: Archive) -> dict[str, str]:
    with archive.engine.connect() as conn:
        return {
            row.source: row.text
            for row in conn.execute(select(documents.c.source, documents.c.text))
        }


def test_html_txt_md_pdf_json_jsonl_in_a_directory(sqlite_archive: Archive, tmp_path: Path) -> None:
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    (src / "a.html").write_text(page("Shelling hits eastern districts"), encoding="utf-8")
    (src / "b.txt").write_text(
        "Politics 10:05 14/10/2020\n\n" + ARTICLE.replace("Tuesday", "Monday")
    )
    (src / "sub" / "c.md").write_text("# Field note\n\n" + ARTICLE.replace("town", "village"))
    (src / "d.pdf").write_bytes(minimal_pdf("Shelling damaged two schools in the district centre"))
    (src / "e.jsonl").write_text(
        "\n".join(
            json.dumps(
                {
                    "text": ARTICLE.replace("Two", w),
                    "title": f"Report {w}",
                    "published": "2020-10-0" + str(i),
                    "url": f"https://example.org/{i}",
                    "publisher": "Example",
                }
            )
            for i, w in enumerate(["Three", "Four"], 1)
        ),
        encoding="utf-8",
    )
    (src / "f.json").write_text(
        json.dumps([{"html": page("JSON page", ARTICLE.replace("kindergarten", "clinic"))}]),
        encoding="utf-8",
    )
    (src / ".hidden.txt").write_text("should be skipped as hidden " * 5)
    summary = ingest(sqlite_archive, [str(src)])
    assert summary.rejected_total == 0, summary.results
    assert summary.stored + summary.duplicates == 7
    texts = _texts(sqlite_archive)
    assert "Shelling damaged two schools" in texts[str(src / "d.pdf")]
    assert "Most read" not in texts[str(src / "a.html")]
    assert "Bus crash" not in texts[str(src / "a.html")]
    assert "Politics 10:05" not in texts[str(src / "b.txt")]
    with sqlite_archive.engine.connect() as conn:
        row = conn.execute(
            select(documents).where(documents.c.source == f"{src / 'e.jsonl'}#0")
        ).one()
    assert row.title == "Report Three" and str(row.published) == "2020-10-01"
    assert row.url == "https://example.org/1" and row.site_name == "Example"


def test_glob_filters_directory(sqlite_archive: Archive, tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text(ARTICLE)
    (tmp_path / "y.html").write_text(page("Only this one"))
    summary = ingest(sqlite_archive, [str(tmp_path)], glob="*.html")
    assert summary.stored == 1 and summary.rejected_total == 0


@pytest.mark.parametrize("gz", [False, True])
def test_warc_response_records(sqlite_archive: Archive, tmp_path: Path, gz: bool) -> None:
    path = tmp_path / ("pages.warc.gz" if gz else "pages.warc")
    write_warc(
        path,
        [
            ("https://news.example/1", page("First page")),
            ("https://news.example/2", page("Second page", ARTICLE.replace("Artillery", "Rocket"))),
        ],
        gz=gz,
    )
    summary = ingest(sqlite_archive, [str(path)])
    assert summary.stored + summary.duplicates == 2 and summary.rejected_total == 0
    with sqlite_archive.engine.connect() as conn:
        rows = conn.execute(select(captures.c.source_kind, captures.c.http_status)).all()
        urls = {r.url for r in conn.execute(select(documents.c.url))}
    assert {r.source_kind for r in rows} == {"warc"} and {r.http_status for r in rows} == {200}
    assert urls == {"https://news.example/1", "https://news.example/2"}


def test_broken_warc_keeps_good_records_and_names_the_break(
    sqlite_archive: Archive, tmp_path: Path
) -> None:
    path = tmp_path / "broken.warc"
    write_warc(path, [("https://news.example/ok", page("Good page"))])
    path.write_bytes(
        path.read_bytes() + b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999"
        b"\r\n\r\ntruncated"
    )
    summary = ingest(sqlite_archive, [str(path)])
    assert summary.stored == 1
    assert summary.rejected["MalformedInput"] == 1


def test_bad_inputs_each_rejected_once_batch_goes_on(
    sqlite_archive: Archive, tmp_path: Path
) -> None:
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "blank.txt").write_bytes(b"  \n\n \t ")
    (bad / "junk.txt").write_bytes(bytes(range(256)) * 40)
    (bad / "image.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(500))
    (bad / "bomb.html.gz").write_bytes(gzip_bomb(64 << 20))
    (bad / "huge.txt").write_bytes(b"word " * 300_000)
    (bad / "broken.json").write_text("{not json")
    (bad / "nolayer.pdf").write_bytes(minimal_pdf("").replace(b"() Tj", b""))
    (bad / "truncated.html").write_text("<html><body><div><p>cut off")
    os.symlink(bad / "missing-target.txt", bad / "dangling.txt")
    (bad / "report.docx").write_bytes(b"PK\x03\x04" + bytes(100))
    (bad / "zz_good.txt").write_text(ARTICLE)
    cfg = sqlite_archive.cfg.with_(max_bytes=1_000_000, max_decompressed=8 << 20)
    sqlite_archive.cfg = cfg
    summary = ingest(sqlite_archive, [str(bad), str(tmp_path / "does-not-exist.txt")])
    assert summary.stored == 1
    reasons = {
        r["source"].rsplit("/", 1)[-1]: r["reason"]
        for r in summary.results
        if r["status"] == "rejected"
    }
    assert reasons == {
        "empty.txt": "EmptyInput",
        "blank.txt": "EmptyInput",
        "junk.txt": "BinaryContent",
        "image.html": "BinaryContent",
        "bomb.html.gz": "CompressionBomb",
        "huge.txt": "TooLarge",
        "broken.json": "MalformedInput",
        "nolayer.pdf": "EmptyInput",
        "truncated.html": "EmptyInput",
        "dangling.txt": "UnreadableSource",
        "does-not-exist.txt": "UnreadableSource",
        "report.docx": "UnsupportedType",
    }
    for result in summary.results:
        if result["status"] == "rejected":
            assert "\n" not in result["message"] and result["message"]


def test_url_and_feed_from_local_server(tmp_path: Path, sqlite_archive: Archive) -> None:
    feed = """<?xml version="1.0"?><rss version="2.0"><channel><title>Example feed</title>
      <item><title>Item one</title><link>{base}/one</link>
        <pubDate>Tue, 13 Oct 2020 10:00:00 GMT</pubDate></item>
      <item><title>Item two</title><link>{base}/two</link></item>
      <item><title>Gone</title><link>{base}/missing</link></item></channel></rss>"""
    routes: dict[str, tuple[int, dict[str, str], bytes]] = {
        "/one": (200, {"Content-Type": "text/html"}, page("One", ARTICLE).encode()),
        "/two": (
            200,
            {"Content-Type": "text/html"},
            page("Two", ARTICLE.replace("Artillery", "Drone")).encode(),
        ),
        "/moved": (302, {"Location": "/one"}, b""),
        "/loop": (302, {"Location": "/loop"}, b""),
    }
    with http_server(routes) as base:
        routes["/feed.xml"] = (
            200,
            {"Content-Type": "application/rss+xml"},
            feed.format(base=base).encode(),
        )
        sqlite_archive.cfg = sqlite_archive.cfg.with_(allow_private=True, max_redirects=3)
        summary = ingest(sqlite_archive, [f"{base}/feed.xml", f"{base}/moved", f"{base}/loop"])
    kinds = {r["source"].rsplit("/", 1)[-1]: r["status"] for r in summary.results}
    assert kinds["one"] in {"stored", "duplicate"} and kinds["two"] in {"stored", "duplicate"}
    assert kinds["moved"] == "unchanged"  # same bytes as /one, reached by redirect
    assert kinds["missing"] == "rejected" and kinds["loop"] == "rejected"
    with sqlite_archive.engine.connect() as conn:
        row = conn.execute(select(captures).where(captures.c.source.like("%/one"))).one()
    assert row.http_status == 200 and row.http_headers["content-type"] == "text/html"


def test_private_addresses_refused_without_flag(sqlite_archive: Archive) -> None:
    with http_server({"/": (200, {"Content-Type": "text/html"}, page("x").encode())}) as base:
        summary = ingest(
            sqlite_archive,
            [base + "/", "http://169.254.169.254/latest/meta-data", "ftp://example.org/file.txt"],
        )
    reasons = [r["reason"] for r in summary.results]
    assert reasons == ["BlockedAddress", "BlockedAddress", "FetchError"]


def test_oversize_body_from_server_is_refused(sqlite_archive: Archive) -> None:
    body = page("big", ARTICLE * 50).encode()
    with http_server({"/big": (200, {"Content-Type": "text/html"}, body)}) as base:
        sqlite_archive.cfg = sqlite_archive.cfg.with_(allow_private=True, max_bytes=len(body) // 2)
        summary = ingest(sqlite_archive, [base + "/big"])
    assert summary.rejected["TooLarge"] == 1


def test_local_feed_file_with_embedded_content(sqlite_archive: Archive, tmp_path: Path) -> None:
    feed = tmp_path / "bulletin.atom"
    feed.write_text(
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>Ombudsman bulletins</title>"
        "<entry><title>Bulletin 12</title><updated>2020-10-30T10:00:00Z</updated>"
        f'<content type="html">&lt;p&gt;{ARTICLE}&lt;/p&gt;</content></entry>'
        "<entry><title>Empty</title></entry></feed>",
        encoding="utf-8",
    )
    summary = ingest(sqlite_archive, [str(feed)])
    assert summary.stored == 1 and summary.rejected["MalformedInput"] == 1
    with sqlite_archive.engine.connect() as conn:
        row = conn.execute(select(documents)).one()
    assert row.title == "Bulletin 12" and str(row.published) == "2020-10-30"
    assert row.site_name is None or isinstance(row.site_name, str)
    assert "kindergarten were damaged" in row.text
