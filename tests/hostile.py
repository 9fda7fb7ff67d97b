"""The hostile inputs corpus, generated on the fly: name under raw/ -> (bytes or writer, outcome).

Nothing here is committed as a binary: every input is built from one real article (the
RT text dump in tests/fixtures) or from seeded random bytes, and the big ones (a gzip
bomb expanding to 1 GiB, 50 MB single lines) are written in chunks, so building the
corpus stays cheap in time and memory.

The expected outcome of an input is "cleaned" or the quarantine reason it must get; for
a container (JSON Lines, WARC) it may be a {record index: outcome} table. Each case sits
in its own folder, because text documents of one folder share a template profile in a
flow run, and the same article twice in one folder would be read as template.

Run as ``python -m tests.hostile RAW CLEAN`` it cleans RAW into CLEAN with the library
(plan_run, then clean_inputs) and prints as JSON whether the run crashed, for
test_hostile.py to run in a child process whose peak memory it can measure.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import random
import struct
import sys
import traceback
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders  # type: ignore[import-untyped]
from warcio.warcwriter import WARCWriter  # type: ignore[import-untyped]

from tests.conftest import FIXTURES

SEED = 20261127
CLEANED = "cleaned"
TOO_LARGE = "too_large"  # the lead's per-document budget (Config.max_doc_bytes, 5 MB)
BIG_LINE_BYTES = 50_000_000
HUGE_RECORD_BYTES = 6_000_000
BOMB_CHUNK = 1 << 20
BOMB_CHUNKS = 1024  # 1 GiB of zeros once expanded
DEPTH = 100_000
# Words that show the decoder read each encoding right: they survive cleaning only as
# the right characters.
ACCENTED = (
    "Officials met at the café on the Rue de la Paix in Zürich, where a naïve façade of "
    "calm hid hard talks, and reporters spoke of déjà vu after the long night."
)
LATIN1_PARAGRAPH = (
    "Later a second statement came from the Genève office: the crème of the delegation "
    "left at dawn, and the garçon who served them said the mood was très sombre."
)


@dataclass(frozen=True)
class Env:
    """Where a corpus is built: raw/, a folder outside it, and the secret it holds."""

    raw: Path
    outside: Path
    marker: str

    @property
    def secret(self) -> Path:
        """Return the file outside raw/ whose content must never reach an output."""
        return self.outside / "secret.txt"

    @property
    def secret_dir(self) -> Path:
        """Return a folder outside raw/ that holds the secret too."""
        return self.outside / "private"


Writer = Callable[[Path, Env], None]
Outcome = str | dict[int, str]


def article_paragraphs() -> list[str]:
    """Return the paragraphs of the fixture article, ASCII punctuation."""
    text = (FIXTURES / "text" / "000_e2191137fde1a18b.txt").read_text(encoding="utf-8")
    table = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})
    text = text.translate(table).replace("\u2013", "-").replace("\u2014", "-")
    paragraphs = [p.strip() for p in text.split("\n") if len(p.split()) >= 12]
    return [p.encode("ascii", "ignore").decode() for p in paragraphs]


def article_text(extra: str = ACCENTED) -> str:
    """Return the article as a plain-text dump with one extra paragraph in the middle."""
    paragraphs = article_paragraphs()
    middle = len(paragraphs) // 2
    return "\n\n".join([*paragraphs[:middle], extra, *paragraphs[middle:]]) + "\n"


def article_page(extra: str = ACCENTED, head: str = "", body_end: str = "") -> str:
    """Return the article as an HTML page without a charset declaration."""
    paragraphs = "".join(f"<p>{p}</p>\n" for p in article_text(extra).split("\n\n"))
    return (
        f"<html><head><title>Ceasefire in Syria</title>{head}</head>\n<body><article>"
        f"<h1>Ceasefire in Syria</h1>\n{paragraphs}</article>{body_end}</body></html>\n"
    )


def random_bytes(size: int, salt: int) -> bytes:
    """Return seeded random bytes."""
    return random.Random(SEED + salt).randbytes(size)


def sprinkle_nuls(data: bytes, every: int = 997) -> bytes:
    """Put a NUL byte after every so many bytes of text."""
    return b"\x00".join(data[i : i + every] for i in range(0, len(data), every))


def mixed_encodings() -> bytes:
    """Return a dump whose first half is UTF-8 and whose second half is Latin-1."""
    paragraphs = article_paragraphs()
    middle = len(paragraphs) // 2
    first = "\n\n".join([*paragraphs[:middle], ACCENTED]) + "\n\n"
    second = "\n\n".join([LATIN1_PARAGRAPH, *paragraphs[middle:]]) + "\n"
    return first.encode("utf-8") + second.encode("latin-1")


def invalid_utf8() -> bytes:
    """Return UTF-8 text with stray bytes, a cut sequence, an overlong form and a surrogate."""
    data = article_text().encode("utf-8")
    junk = [b"\xff", b"\xe2\x80", b"\xc0\xaf", b"\xed\xa0\x80", b"\xfe\xfe"]
    step = len(data) // (len(junk) + 1)
    cuts = [data.rfind(b" ", 0, step * (i + 1)) for i in range(len(junk))]
    out, last = [], 0
    for cut, bad in zip(cuts, junk, strict=True):
        out += [data[last:cut], b" ", bad]
        last = cut
    return b"".join([*out, data[last:]])


def concatenated_gzip() -> bytes:
    """Return one HTML page split over two gzip members (valid gzip: read both)."""
    page = article_page(extra=LATIN1_PARAGRAPH).encode("utf-8")
    middle = page.find(b"<p>", len(page) // 2)
    return gzip.compress(page[:middle]) + gzip.compress(page[middle:])


def truncated_gzip() -> bytes:
    """Return a gzipped page cut in the middle of its deflate stream."""
    data = gzip.compress(article_page().encode("utf-8"))
    return data[: len(data) // 2]


def write_gzip_bomb(path: Path, env: Env) -> None:
    """Write ~1 MB of gzip that expands to 1 GiB of zeros, without compressing 1 GiB.

    One MiB of zeros is deflated once and ended with a full flush, which byte-aligns
    the output and drops the history, so the same bytes can be repeated; one final block
    and the trailer (CRC-32 and size of the whole expansion) make it a single valid member.
    """
    chunk = bytes(BOMB_CHUNK)
    deflate = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    block = deflate.compress(chunk) + deflate.flush(zlib.Z_FULL_FLUSH)
    crc = 0
    for _ in range(BOMB_CHUNKS):
        crc = zlib.crc32(chunk, crc)
    with path.open("wb") as fh:
        fh.write(b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff")
        for _ in range(BOMB_CHUNKS):
            fh.write(block)
        fh.write(deflate.flush(zlib.Z_FINISH))
        fh.write(struct.pack("<II", crc, (BOMB_CHUNK * BOMB_CHUNKS) & 0xFFFFFFFF))


def billion_laughs(xml: bool) -> bytes:
    """Return a page declaring ten levels of ten-fold entities, used in its body."""
    levels = ['<!ENTITY lol "lol">']
    for level in range(1, 10):
        previous = "lol" if level == 1 else f"lol{level - 1}"
        levels.append(f'<!ENTITY lol{level} "{f"&{previous};" * 10}">')
    prolog = '<?xml version="1.0" encoding="utf-8"?>\n' if xml else ""
    doctype = f"<!DOCTYPE html [\n{''.join(levels)}\n]>\n"
    page = article_page(body_end="<p>&lol9;</p>")
    return (prolog + doctype + page.replace("<p>", "<p>&lol9; ", 1)).encode("utf-8")


def external_entities(target: str, xml: bool) -> bytes:
    """Return a page pulling a file in through SYSTEM entities, a parameter entity, a DTD."""
    prolog = '<?xml version="1.0" encoding="utf-8"?>\n' if xml else ""
    doctype = (
        f'<!DOCTYPE html SYSTEM "{target}" [\n'
        f'<!ENTITY x SYSTEM "{target}">\n'
        f'<!ENTITY % p SYSTEM "{target}">\n%p;\n]>\n'
    )
    xinclude = f'<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="{target}"/>'
    page = article_page(body_end=f"<p>Leaked: &x;</p>{xinclude}")
    return (prolog + doctype + page.replace("<p>", "<p>&x; ", 1)).encode("utf-8")


def write_secret_entities(xml: bool) -> Writer:
    """Return a writer of an external-entity page that targets the secret outside raw/."""

    def write(path: Path, env: Env) -> None:
        path.write_bytes(external_entities(env.secret.absolute().as_uri(), xml))

    return write


def deep_page(article_first: bool) -> bytes:
    """Return a page with 100,000 nested divs, after the article or instead of it."""
    nest = "<div>" * DEPTH + "<p>bottom of the nest</p>" + "</div>" * DEPTH
    if article_first:
        return article_page(body_end=nest).encode("utf-8")
    return f"<html><body>{nest}</body></html>".encode()


def deep_jsonl() -> bytes:
    """Return an export whose first line nests 100,000 arrays, then one good line."""
    good = json.dumps({"url": "https://deep.example.org/a", "text": article_text()})
    return ("[" * DEPTH + "]" * DEPTH + "\n" + good + "\n").encode("utf-8")


def write_long_line(html: bool) -> Writer:
    """Return a writer of a 50 MB input on one line, written in chunks."""

    def write(path: Path, env: Env) -> None:
        words = b"the talks went on through the night without a single break " * 1000
        with path.open("wb") as fh:
            fh.write(b"<html><body><p>" if html else b"")
            for _ in range(BIG_LINE_BYTES // len(words)):
                fh.write(words)
            fh.write(b"</p></body></html>" if html else b"")

    return write


def broken_jsonl() -> bytes:
    """Return an export with good lines, a cut line, a 6 MB line, a list, a Latin-1 line."""
    huge = "the talks went on through the night. " * (HUGE_RECORD_BYTES // 38)
    lines = [
        json.dumps({"url": "https://one.example.org/a", "text": article_text()}),
        '{"url": "https://two.example.org/b", "text": "cut off in the middle',
        json.dumps({"url": "https://three.example.org/c", "text": huge}),
        json.dumps([1, 2, 3]),
        json.dumps({"url": "https://four.example.org/d", "html": article_page()}),
    ]
    # One line saved as Latin-1 in a UTF-8 export (records appended by another tool).
    latin1 = json.dumps(
        {"url": "https://five.example.org/e", "text": article_text()}, ensure_ascii=False
    )
    return ("\n".join(lines) + "\n").encode("utf-8") + latin1.encode("latin-1") + b"\n"


def xxe_jsonl(path: Path, env: Env) -> None:
    """Write an export whose HTML record declares an external entity on the secret."""
    page = external_entities(env.secret.absolute().as_uri(), xml=True).decode("utf-8")
    path.write_text(json.dumps({"url": "https://xxe.example.org/a", "html": page}) + "\n")


def warc_records(gzipped: bool) -> bytes:
    """Return a WARC of two HTML responses."""
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gzipped)
    for url, body in (
        ("https://warc.example.org/a", article_page()),
        ("https://warc.example.org/b", article_page(extra=LATIN1_PARAGRAPH)),
    ):
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
        )
        payload = io.BytesIO(body.encode("utf-8"))
        record = writer.create_warc_record(url, "response", payload=payload, http_headers=headers)
        writer.write_record(record)
    return buf.getvalue()


def truncated_warc(gzipped: bool) -> bytes:
    """Return a WARC of two responses whose second record is cut in half."""
    data = warc_records(gzipped)
    second = data.find(b"WARC/1", 10) if not gzipped else _second_member(data)
    return data[: second + (len(data) - second) // 2]


def _second_member(data: bytes) -> int:
    decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
    decompressor.decompress(data)
    return len(data) - len(decompressor.unused_data)


def link_to(target: Callable[[Env], Path]) -> Writer:
    """Return a writer of a symbolic link to a path chosen from the environment."""

    def write(path: Path, env: Env) -> None:
        path.symlink_to(target(env))

    return write


def odd_name(raw: bytes) -> str:
    """Return a file name given as bytes (maybe not UTF-8) as Python names it."""
    return os.fsdecode(raw)


# name under raw/ -> (bytes or writer, expected outcome)
CASES: dict[str, tuple[bytes | Writer, Outcome]] = {
    "empty/empty.txt": (b"", "empty"),
    "empty/blank.html": (b"  \n\t\r\n ", "empty"),
    "empty/bom-only.txt": (b"\xef\xbb\xbf", "empty"),
    "empty/empty.jsonl": (b"\n\n", "empty"),
    "random/random.txt": (random_bytes(65536, 1), "binary"),
    "random/random.html": (random_bytes(65536, 2), "binary"),
    "random/random.jsonl": (random_bytes(65536, 3), "binary"),
    "random/random.html.gz": (random_bytes(65536, 4), "bad_gzip"),
    "random/random.warc.gz": (random_bytes(65536, 5), "bad_warc"),
    "utf16-bom/utf16-bom.txt": (article_text().encode("utf-16"), CLEANED),
    "utf16le/utf16le-no-bom.txt": (article_text().encode("utf-16-le"), CLEANED),
    "utf16be/utf16be-no-bom.html": (article_page().encode("utf-16-be"), CLEANED),
    "utf32/utf32le-no-bom.txt": (article_text().encode("utf-32-le"), CLEANED),
    "utf16-jsonl/export-no-bom.jsonl": (
        (json.dumps({"text": article_text()}, ensure_ascii=False) + "\n").encode("utf-16-le"),
        {0: CLEANED},
    ),
    "bad-utf16/lone-surrogate.txt": (
        b"\xff\xfe" + article_text().encode("utf-16-le") + b"\x00\xd8",
        "bad_encoding",
    ),
    "latin1/latin1.txt": (article_text().encode("latin-1"), CLEANED),
    "latin1-html/latin1.html": (article_page().encode("latin-1"), CLEANED),
    "mixed/utf8-then-latin1.txt": (mixed_encodings(), CLEANED),
    "invalid-utf8/stray-bytes.txt": (invalid_utf8(), CLEANED),
    "nul/sprinkled.txt": (sprinkle_nuls(article_text().encode("utf-8")), CLEANED),
    "nul-html/sprinkled.html": (sprinkle_nuls(article_page().encode("utf-8")), CLEANED),
    "nul-zeros/zeros.txt": (bytes(65536), "binary"),
    "gzip/truncated.html.gz": (truncated_gzip(), "bad_gzip"),
    "gzip-concat/two-members.html.gz": (concatenated_gzip(), CLEANED),
    "gzip-bomb/bomb.txt.gz": (write_gzip_bomb, TOO_LARGE),
    "entities/laughs.html": (billion_laughs(xml=False), CLEANED),
    "entities/laughs.xhtml": (billion_laughs(xml=True), CLEANED),
    "entities/xxe-passwd.xhtml": (external_entities("file:///etc/passwd", xml=True), CLEANED),
    "entities/xxe-secret.html": (write_secret_entities(xml=False), CLEANED),
    "entities/xxe-secret.xhtml": (write_secret_entities(xml=True), CLEANED),
    "entities/xxe-secret.jsonl": (xxe_jsonl, {0: CLEANED}),
    "deep/after-article.html": (deep_page(article_first=True), CLEANED),
    # libxml2 stops at depth 256 without huge_tree: what lies deeper is dropped.
    "deep/only-nesting.xhtml": (deep_page(article_first=False), "no_article"),
    "deep-jsonl/nested.jsonl": (deep_jsonl(), {0: "bad_json", 1: CLEANED}),
    "long-line/one-line.txt": (write_long_line(html=False), TOO_LARGE),
    "long-line/one-line.html": (write_long_line(html=True), TOO_LARGE),
    "jsonl/broken-and-huge.jsonl": (
        broken_jsonl(),
        {0: CLEANED, 1: "bad_json", 2: TOO_LARGE, 3: "bad_record", 4: CLEANED, 5: CLEANED},
    ),
    "warc/truncated.warc.gz": (truncated_warc(gzipped=True), {0: CLEANED, 1: "bad_warc"}),
    "warc-plain/truncated.warc": (truncated_warc(gzipped=False), {0: CLEANED, 1: "bad_warc"}),
    "name-space/a name with spaces.txt": (article_text().encode("utf-8"), CLEANED),
    "name-newline/line\nbreak.txt": (article_text().encode("utf-8"), CLEANED),
    "name-dots/up..and..over...txt": (article_text().encode("utf-8"), CLEANED),
    "name-dots-dir/dir../page.txt": (article_text().encode("utf-8"), CLEANED),
    odd_name(b"name-bytes/caf\xe9-\xff.txt"): (article_text().encode("utf-8"), CLEANED),
    odd_name(b"name-bytes/\xfe\xfe-empty.txt"): (b"", "empty"),
    odd_name(b"name-bytes-jsonl/caf\xe9.jsonl"): (
        (json.dumps({"text": article_text()}) + '\n{"title": "no body"}\n').encode("utf-8"),
        {0: CLEANED, 1: "no_content"},
    ),
    "name-long/" + "x" * 250 + ".txt": (article_text().encode("utf-8"), CLEANED),
    "links/to-secret-file.txt": (link_to(lambda env: env.secret), "outside_raw"),
    "links/to-secret-dir": (link_to(lambda env: env.secret_dir), "outside_raw"),
    "links/dangling.txt": (link_to(lambda env: env.raw / "links" / "missing.txt"), "unreadable"),
    "links-inside/to-a-page.txt": (
        link_to(lambda env: env.raw / "name-space" / "a name with spaces.txt"),
        CLEANED,
    ),
}

# Cleaned inputs whose text must hold these words: proof the bytes were read right.
MUST_CONTAIN: dict[tuple[str, int | None], tuple[str, ...]] = {
    ("utf16-bom/utf16-bom.txt", None): ("naïve façade",),
    ("utf16le/utf16le-no-bom.txt", None): ("naïve façade",),
    ("utf16be/utf16be-no-bom.html", None): ("naïve façade",),
    ("utf32/utf32le-no-bom.txt", None): ("naïve façade",),
    ("utf16-jsonl/export-no-bom.jsonl", 0): ("naïve façade",),
    ("latin1/latin1.txt", None): ("naïve façade",),
    ("latin1-html/latin1.html", None): ("naïve façade",),
    ("mixed/utf8-then-latin1.txt", None): ("naïve façade", "garçon", "très sombre"),
    ("invalid-utf8/stray-bytes.txt", None): ("naïve façade",),
    ("gzip-concat/two-members.html.gz", None): ("garçon",),
    ("jsonl/broken-and-huge.jsonl", 5): ("naïve façade",),
}
# Strings that must appear in no output at all (besides the per-run secret marker).
NEVER_IN_OUTPUT = ("root:x:0:0", "lollollol")


def build_corpus(env: Env) -> dict[str, Outcome]:
    """Write every case under env.raw and the secrets outside it; return the expectations."""
    env.secret_dir.mkdir(parents=True, exist_ok=True)
    secret = "\n\n".join(f"{p} {env.marker}" for p in article_paragraphs()) + "\n"
    env.secret.write_text(secret, encoding="utf-8")
    (env.secret_dir / "secret.txt").write_text(secret, encoding="utf-8")
    for name, (content, _) in CASES.items():
        path = env.raw / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            content(path, env)
    return {name: outcome for name, (_, outcome) in CASES.items()}


def run_library(raw: Path, clean: Path) -> dict[str, object]:
    """Clean raw into clean with plan_run and clean_inputs; on a crash, input by input."""
    from cleaners.batch import clean_inputs
    from cleaners.config import Config
    from cleaners.discover import discover_inputs
    from cleaners.plan import plan_run

    config = Config()
    result: dict[str, object] = {"crash": None, "input_crashes": {}}
    try:
        plan = plan_run(raw, clean, config)
        report = clean_inputs(plan.todo, raw, clean, config)
        result["inputs_seen"] = report.inputs_seen
    except Exception:
        result["crash"] = traceback.format_exc()
        # Tell which inputs crash, so each case still gets its verdict.
        crashes: dict[str, str] = {}
        for path in discover_inputs(raw):
            try:
                clean_inputs([path], raw, clean, config)
            except Exception as exc:
                crashes[os.fsencode(path.relative_to(raw)).hex()] = repr(exc)
        result["input_crashes"] = crashes
    return result


if __name__ == "__main__":
    print(json.dumps(run_library(Path(sys.argv[1]), Path(sys.argv[2]))))
