"""Saved web pages: article text without page furniture, metadata, and no network access."""


import pytest

from briefing_app.storage.readers import html_reader
from briefing_app.storage.readers.load import load_path
from support.refusals import refused

BODY = " ".join(
    [
        "The Federal Ministry of Transport said on Thursday that it was monitoring supply",
        "chains for medicines and fuel while the strike at the port of Hamburg continued.",
    ]
)

PAGE = f"""<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Strike enters fifth day | Harbour Times</title>
<meta property="og:title" content="Strike enters fifth day">
<meta property="og:site_name" content="Harbour Times">
<meta name="author" content="Lena Fischer">
<meta property="article:published_time" content="2024-03-14T08:00:00Z">
<link rel="canonical" href="https://news.example.org/2024/03/14/strike-fifth-day">
<style>body {{ color: red; }} .STYLE-MARKER {{}}</style>
<script>var SCRIPT_MARKER = "tracking";</script>
</head><body>
<nav><a href="/">Home</a> <a href="/world">NAV-MARKER World</a></nav>
<article>
<h1>Strike enters fifth day</h1>
<p>{BODY}</p>
<p>Union negotiator Katrin Oehlert said the latest offer was an insult to the workers who
kept the port running through the pandemic, and that talks would not resume this week.</p>
<p>According to the Kiel Institute, the stoppage costs the German economy around 150
million euros a day, a figure that could rise if the strike spreads to Bremerhaven.</p>
<img src="https://tracker.example.com/pixel.gif" alt="">
<iframe src="https://ads.example.com/frame">IFRAME-MARKER</iframe>
<script>document.write("INLINE-SCRIPT-MARKER")</script>
</article>
<!-- COMMENT-MARKER -->
<footer>Copyright Harbour Times</footer>
</body></html>
"""


# Any attempt to open a connection fails the test (tests/conftest.py).
pytestmark = pytest.mark.usefixtures("no_sockets")



@pytest.mark.parametrize("suffix", [".html", ".htm"])
def test_article_text_and_metadata(tmp_path, suffix):
    path = tmp_path / f"strike{suffix}"
    path.write_text(PAGE, encoding="utf-8")
    source = load_path(path)
    assert BODY in source.text
    for marker in ("SCRIPT_MARKER", "STYLE-MARKER", "NAV-MARKER", "IFRAME-MARKER",
                   "COMMENT-MARKER", "INLINE-SCRIPT", "tracker.example.com", "color: red"):
        assert marker not in source.text
    assert source.format == suffix[1:]
    assert source.title == "Strike enters fifth day"
    assert source.author == "Lena Fischer"
    assert source.published == "2024-03-14"
    assert source.url == "https://news.example.org/2024/03/14/strike-fifth-day"
    assert source.outlet == "Harbour Times"
    assert len(source.paragraphs) >= 3
    for start, end in source.paragraphs:
        assert source.text[start:end].strip()


def test_declared_legacy_charset(tmp_path):
    page = PAGE.replace('charset="utf-8"', 'charset="windows-1252"').replace(
        "Katrin", "Ren\u00e9e")
    path = tmp_path / "legacy.html"
    path.write_bytes(page.encode("cp1252"))
    source = load_path(path)
    assert "Ren\u00e9e Oehlert" in source.text
    assert "decoded as cp1252" in source.notes


def test_short_page_falls_back_to_visible_text(tmp_path):
    path = tmp_path / "short.html"
    path.write_text("<html><head><title>Note</title><script>SCRIPT()</script>"
                    "<style>p{}</style></head><body><p>Port closed.</p><p>Ships wait.</p>"
                    "</body></html>", encoding="utf-8")
    source = load_path(path)
    assert "SCRIPT" not in source.text and "p{}" not in source.text
    assert [source.text[s:e] for s, e in source.paragraphs] == ["Port closed.", "Ships wait."]
    assert source.title == "Note"


def test_page_that_looks_like_a_url_is_not_fetched(tmp_path):
    path = tmp_path / "link.html"
    path.write_text("https://example.com/article", encoding="utf-8")
    source = load_path(path)  # the autouse fixture fails the test on any connection
    assert "example.com" in source.text


def test_page_with_no_text_is_refused(tmp_path):
    path = tmp_path / "empty-page.html"
    path.write_text("<html><head><script>x()</script></head><body> </body></html>")
    refused(path)


def test_binary_html_is_refused(tmp_path):
    path = tmp_path / "image.htm"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 5000)
    assert "binary" in refused(path)


def _nested(depth: int, inner: str) -> str:
    return ("<html><head><title>Deep</title></head><body>" + "<div>" * depth + inner
            + "</div>" * depth + "<p>Harbour officials closed the pier after dark.</p>"
            "</body></html>")


def test_article_300_levels_deep_is_read(tmp_path):
    path = tmp_path / "deep.html"
    path.write_text(_nested(300, f"<p>{BODY}</p>"), encoding="utf-8")
    source = load_path(path)
    assert BODY in source.text
    assert "Harbour officials closed the pier" in source.text


def test_page_deeper_than_the_parser_follows_is_refused(tmp_path):
    path = tmp_path / "abyss.html"
    path.write_text(_nested(3_000, f"<p>{BODY}</p>"), encoding="utf-8")
    assert "levels deep" in refused(path)


FURNITURE = ("<nav>Home | World</nav><header>HEADER-MARKER Harbour Times</header>"
             "<div role='navigation'>ROLE-MARKER Sections</div>{body}"
             "<aside>ASIDE-MARKER Read more</aside><footer>FOOTER-MARKER Contact</footer>")


@pytest.mark.parametrize("body", [
    "<p>Port closed on Monday, officials said.</p>",  # short: trafilatura keeps the menu
    f"<article><p>{BODY}</p><p>{BODY.replace('Thursday', 'Friday')}</p></article>",
    "<div>Port closed.</div>",  # trafilatura finds nothing: the fallback path
])
def test_page_furniture_never_becomes_article_text(tmp_path, body):
    path = tmp_path / "furnished.html"
    path.write_text("<html><body>" + FURNITURE.format(body=body) + "</body></html>",
                    encoding="utf-8")
    source = load_path(path)
    assert source.text
    for marker in ("Home", "World", "HEADER-MARKER", "ROLE-MARKER", "ASIDE-MARKER",
                   "FOOTER-MARKER"):
        assert marker not in source.text, source.text
    assert source.text.startswith(("Port closed", BODY))


def test_over_long_page_is_refused_before_extraction(tmp_path, monkeypatch):
    def never(*args):
        raise AssertionError("the slow extraction ran on a page already too long")

    monkeypatch.setattr(html_reader, "read_html", never)
    path = tmp_path / "long.html"
    path.write_text("<html><body>" + f"<p>{BODY}</p>\n" * 200 + "</body></html>",
                    encoding="utf-8")
    message = refused(path, max_chars=10_000)
    assert "has about" in message and "(setting: max_text_chars)" in message


def test_scripts_and_markup_do_not_count_toward_the_estimate(tmp_path):
    script = "<script>var state = {" + '"k": "<b>v</b>", ' * 20_000 + "};</script>"
    styles = "<style>" + "p { color: red } " * 5_000 + "</STYLE >"
    page = (f"<html><head>{styles}</head><body><!-- {'x' * 50_000} -->{script}"
            f"<p class='lead' data-x='{'y' * 50_000}'>{BODY}</p></body></html>")
    assert len(BODY) <= html_reader.visible_estimate(page) <= len(BODY) + 10
    path = tmp_path / "app.html"
    path.write_text(page, encoding="utf-8")
    assert BODY in load_path(path, max_chars=2_000).text


def test_estimate_is_safe_on_unclosed_markup():
    assert html_reader.visible_estimate("<" * 100_000) == 100_000
    assert html_reader.visible_estimate("Port <script> x" * 10_000) == 5
