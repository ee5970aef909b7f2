from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

import sourcecrit
from sourcecrit import (
    Article,
    ArticleEncodingError,
    ArticleError,
    ArticleNotFoundError,
    ArticleReadError,
    ArticleTooLargeError,
    BinaryArticleError,
    EmptyArticleError,
    SettingError,
    SourcecritError,
    load_article,
)
from sourcecrit.article import article_from_text, paragraphs, split_header

REPO = Path(__file__).resolve().parents[1]


def test_flagship_header_becomes_metadata(flagship):
    assert flagship.metadata == {"outlet": "Izvestia", "date": "2024-03-10"}
    assert flagship.header == "outlet Izvestia\n date 2024-03-10 "
    assert flagship.text.startswith("NATO soldiers are indeed present in Ukraine")
    assert flagship.date == "2024-03-10"


def test_flagship_paragraph_offsets(flagship):
    paras = flagship.paragraphs
    assert len(paras) == 12
    for p in paras:
        assert flagship.text[p.start : p.end] == p.text
    assert paras[-1].text.startswith("Western countries have increased")


def test_bundled_article_matches_exercise_copy(flagship_path):
    exercise = REPO / "exercises" / "nato-in-ukraine" / "article.txt"
    assert flagship_path.read_bytes() == exercise.read_bytes()


@pytest.mark.parametrize(
    "text, metadata, body",
    [
        (
            "title A headline\nauthor Jo Bloggs\n\nBody here.",
            {"title": "A headline", "author": "Jo Bloggs"},
            "Body here.",
        ),
        ("date 2024-01-02\nBody.", {"date": "2024-01-02"}, "Body."),
        ("No header here.", {}, "No header here."),
        ("dated evidence shows a rise.", {}, "dated evidence shows a rise."),
        (
            "---\ntitle: Front\noutlet: Example News\n---\nThe body.",
            {"title": "Front", "outlet": "Example News"},
            "The body.",
        ),
    ],
)
def test_split_header(text, metadata, body):
    meta, header, rest = split_header(text)
    assert meta == metadata
    assert rest == body
    assert header + rest == text


def test_markdown_front_matter_file(tmp_path):
    path = tmp_path / "story.md"
    path.write_text(
        "---\ntitle: Troops\ndate: 2024-03-10\n---\nThe minister said so.\n", encoding="utf-8"
    )
    article = load_article(path)
    assert article.title == "Troops"
    assert article.date == "2024-03-10"
    assert article.text == "The minister said so.\n"


def test_unsafe_yaml_front_matter_is_refused(tmp_path):
    path = tmp_path / "evil.md"
    path.write_text(
        "---\ntitle: !!python/object/apply:os.system ['echo hi']\n---\nBody.\n", encoding="utf-8"
    )
    with pytest.raises(ArticleError, match="not valid YAML"):
        load_article(path)


@pytest.mark.parametrize(
    "content, error, message",
    [
        (b"", EmptyArticleError, "empty"),
        (b"   \n\n\t  \n", EmptyArticleError, "whitespace"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", BinaryArticleError, "PNG image"),
        (b"%PDF-1.7\n%binary", BinaryArticleError, "PDF"),
        (b"abc\x00\x01\x02def", BinaryArticleError, "NUL"),
        (
            "Caf\u00e9 cr\u00e8me for the na\u00efve minister.".encode("latin-1"),
            ArticleEncodingError,
            "cp1252",
        ),
    ],
)
def test_bad_files_raise_specific_errors(tmp_path, content, error, message):
    path = tmp_path / "article.txt"
    path.write_bytes(content)
    with pytest.raises(error, match=message) as info:
        load_article(path)
    assert isinstance(info.value, SourcecritError)
    assert "article.txt" in str(info.value)


def test_encoding_error_says_how_to_pass_it(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Le ministre a d\u00e9clar\u00e9 que c'\u00e9tait faux.".encode("latin-1"))
    with pytest.raises(ArticleEncodingError) as info:
        load_article(path)
    assert "encoding='cp1252'" in str(info.value) and "--encoding cp1252" in str(info.value)
    article = load_article(path, encoding="cp1252")
    assert "d\u00e9clar\u00e9" in article.text


def test_wrong_explicit_encoding_is_refused_not_mangled(tmp_path):
    path = tmp_path / "utf16.txt"
    path.write_bytes("Caf\u00e9".encode("utf-8") + b"\xff")
    with pytest.raises(ArticleEncodingError, match="not valid utf-8"):
        load_article(path, encoding="utf-8")


def test_utf16_with_bom_is_read(tmp_path):
    path = tmp_path / "utf16.txt"
    path.write_bytes("The minister said that it was true.".encode("utf-16"))
    assert load_article(path).text == "The minister said that it was true."


def test_missing_file(tmp_path):
    with pytest.raises(ArticleNotFoundError, match="no such file"):
        load_article(tmp_path / "nope.txt")


@pytest.mark.parametrize("name", ["artcle", "0.md", "README", "~x", "~no_such_user_sc/a.txt"])
def test_load_article_never_takes_a_string_as_text(tmp_path, monkeypatch, name):
    # A typo for a file name must not become an article whose text is the typo.
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ArticleNotFoundError, match="no such file") as info:
        load_article(name)
    assert name.lstrip("~").split("/")[-1] in str(info.value)


def test_load_article_reads_a_path_given_as_a_string(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "README").write_text("date 2024-05-01\nThe minister said so.", encoding="utf-8")
    article = load_article("README")
    assert article.text == "The minister said so." and article.date == "2024-05-01"


def test_load_article_refuses_article_text_clearly():
    with pytest.raises(ArticleNotFoundError, match="analyze"):
        load_article("The minister said so.\n\nOfficials denied it.")


def test_size_limit_is_configurable(tmp_path, monkeypatch):
    text = "The minister said it. " * 100
    with pytest.raises(ArticleTooLargeError, match="above the limit of 100"):
        article_from_text(text, max_chars=100)
    monkeypatch.setenv("SOURCECRIT_MAX_CHARS", "50")
    with pytest.raises(ArticleTooLargeError):
        article_from_text(text)
    monkeypatch.delenv("SOURCECRIT_MAX_CHARS")
    assert article_from_text(text).text == text


def test_default_size_limit_is_two_megabytes(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_text("word " * 400_001, encoding="utf-8")
    with pytest.raises(ArticleTooLargeError, match="2,000,000"):
        load_article(path)


def test_non_english_text_gets_a_warning_but_loads():
    french = (
        "Le ministre des Affaires étrangères a déclaré que des soldats de l'alliance sont déjà "
        "présents sur le territoire, mais il n'a pas voulu dire quels pays les ont envoyés."
    )
    article = article_from_text(french)
    assert article.text == french
    assert any("does not look like English" in w for w in article.warnings)


def test_english_text_gets_no_language_warning(flagship):
    assert flagship.warnings == []


def test_html_file_goes_through_trafilatura(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(HTML_PAGE, encoding="utf-8")
    article = load_article(page)
    assert "The minister said that troops were already there." in article.text
    assert "<script>" not in article.text and "Subscribe now" not in article.text
    assert article.title == "Troops in the news"


def test_paragraphs_of_text_without_blank_lines():
    assert [p.text for p in paragraphs("One.\nStill one.")] == ["One.\nStill one."]


def test_article_dict_round_trip(flagship):
    assert Article.from_dict(flagship.to_dict()) == flagship


HTML_PAGE = """<!doctype html><html><head><title>Troops in the news</title>
<meta name="author" content="Jo Bloggs"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> Subscribe now</nav>
<article><h1>Troops in the news</h1>
<p>The minister said that troops were already there. He would not say which countries sent them,
and officials in several capitals declined to comment on the report on Tuesday.</p>
<p>According to the ministry, the claim was false. Analysts said the statement could be a signal
to allies, although they cautioned that it was too early to tell what it meant.</p>
<script>alert('x')</script></article>
<footer>Copyright Example News</footer></body></html>"""


# -- hostile local files (#16): refuse quickly, name the file, never a raw OSError ------------


def _load_in_thread(path, seconds: float = 5.0):
    """Run load_article in a thread; return (finished, error)."""
    outcome: dict = {}

    def run():
        try:
            load_article(path)
        except BaseException as exc:  # noqa: BLE001 - the test inspects whatever came out
            outcome["error"] = exc

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    return not thread.is_alive(), outcome.get("error")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path):
    fifo = tmp_path / "story.txt"
    os.mkfifo(fifo)
    finished, error = _load_in_thread(fifo)
    if not finished:  # let the blocked reader go before failing
        os.close(os.open(fifo, os.O_WRONLY))
    assert finished, "load_article blocked on a FIFO"
    assert isinstance(error, ArticleReadError) and "not an ordinary file" in str(error)
    assert str(fifo) in str(error)


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_endless_devices_are_refused_quickly(device):
    if not os.path.exists(device):
        pytest.skip(f"no {device} here")
    finished, error = _load_in_thread(Path(device))
    assert finished, f"load_article kept reading {device}"
    assert isinstance(error, ArticleReadError) and device in str(error)


def test_the_byte_cap_is_counted_not_taken_from_the_size_on_disk():
    # /proc files are regular files that report a size of 0 bytes but hold more.
    proc = Path("/proc/self/status")
    if not proc.is_file() or proc.stat().st_size != 0:
        pytest.skip("needs a Linux /proc")
    with pytest.raises(ArticleTooLargeError, match="larger than 40 bytes"):
        load_article(proc, max_chars=10)


def test_a_folder_is_refused(tmp_path):
    with pytest.raises(ArticleNotFoundError, match="is a folder"):
        load_article(tmp_path)


def test_a_symlink_loop_is_a_clear_error(tmp_path):
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    with pytest.raises(ArticleReadError, match="loop") as info:
        load_article(tmp_path / "a.txt")
    assert "a.txt" in str(info.value)


@pytest.mark.parametrize("name", ["bad\x00name.txt", "x" * 5000 + ".txt"])
def test_impossible_file_names_are_clear_errors(name):
    with pytest.raises(ArticleNotFoundError):
        load_article(Path(name))


PROBE = """
import sys
from sourcecrit import load_article, SourcecritError
try:
    load_article(sys.argv[1])
except SourcecritError as exc:
    print(type(exc).__name__, exc)
"""


@pytest.mark.parametrize("what", ["file", "folder"])
def test_an_unreadable_file_or_folder_is_a_clear_error(tmp_path, what):
    folder = tmp_path / "locked"
    folder.mkdir()
    story = folder / "story.txt"
    story.write_text("The minister said so.", encoding="utf-8")
    (story if what == "file" else folder).chmod(0)
    command = [sys.executable, "-c", PROBE, str(story)]
    if os.geteuid() == 0:  # root reads anything: drop the capabilities that allow it
        if not shutil.which("setpriv"):
            pytest.skip("running as root without setpriv")
        caps = "-dac_override,-dac_read_search"
        command = ["setpriv", f"--bounding-set={caps}", f"--inh-caps={caps}", *command]
    env = {**os.environ, "PYTHONPATH": str(Path(sourcecrit.__file__).parents[1])}
    try:
        out = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)
    finally:
        folder.chmod(0o700)
        story.chmod(0o600)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.startswith("ArticleReadError") and "permission denied" in out.stdout
    assert "story.txt" in out.stdout


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_names_the_likely_encoding(tmp_path, encoding):
    path = tmp_path / "story.txt"
    path.write_bytes("The minister said that it was true, officials said.".encode(encoding))
    with pytest.raises(ArticleEncodingError, match=f"{encoding.upper()}.*encoding='{encoding}'"):
        load_article(path)
    assert load_article(path, encoding=encoding).text.startswith("The minister said")


@pytest.mark.parametrize("value", ["abc", "-5", "0", "1e6", "２０"])
def test_a_bad_max_chars_variable_is_a_clear_error(monkeypatch, value):
    monkeypatch.setenv("SOURCECRIT_MAX_CHARS", value)
    with pytest.raises(SettingError, match="SOURCECRIT_MAX_CHARS"):
        article_from_text("The minister said so.")


@pytest.mark.parametrize("value", [-5, 0, 2.5, "100", True])
def test_a_bad_max_chars_argument_is_a_clear_error(value):
    with pytest.raises(SettingError, match="max_chars"):
        article_from_text("The minister said so.", max_chars=value)


def _laughs(levels: int = 9) -> str:
    lines = ['a0: &a0 "lol"']
    for i in range(1, levels + 1):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]")
    return "\n".join(lines) + "\n"


# Legal YAML in a Markdown article's front matter that is not valid data (issue 16): each
# went through yaml.safe_load before (ValueError, RecursionError, or a minute of expansion).
HOSTILE_FRONT_MATTER = [
    ("impossible date", "title: T\ndate: 2024-02-30\n", 3, "day is out of range"),
    ("impossible time", "date: 2024-01-01 25:61:61\n", 2, "hour must be in"),
    ("5,000-digit integer", "title: " + "7" * 5000 + "\n", 2, "that many digits"),
    ("vertical tab", "title: pasted\x0bfrom Word\n", 2, "vertical tab"),
    ("self-reference", "title: &a [*a]\n", 2, "refers to the node it sits in"),
    ("deep nesting", "title: " + "[" * 5000 + "]" * 5000 + "\n", 2, "levels deep"),
    ("billion laughs", _laughs(), None, "repeat more than"),
]


@pytest.mark.parametrize(
    "name, front, line, words", HOSTILE_FRONT_MATTER, ids=[h[0] for h in HOSTILE_FRONT_MATTER]
)
def test_hostile_front_matter_is_a_file_line_error_at_once(tmp_path, name, front, line, words):
    path = tmp_path / "story.md"
    path.write_text(f"---\n{front}---\nThe minister said the plan works.\n", encoding="utf-8")
    start = time.perf_counter()
    with pytest.raises(ArticleError) as info:
        load_article(path)
    assert time.perf_counter() - start < 1
    message = str(info.value)
    assert words in message and "story.md:" in message
    if line is not None:
        assert f"story.md:{line}: " in message
