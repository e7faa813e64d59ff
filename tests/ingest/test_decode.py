"""decode: UTF-8 and BOMs trusted, legacy encodings guessed with a warning, binary refused."""

from __future__ import annotations

import codecs
import random
from pathlib import Path

import pytest

from slant.errors import InputError
from slant.ingest.decode import binary_kind, decode

TEXT = "The council’s vote — “yes” — came after midnight, and the café stayed open late."


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),
        TEXT.encode("utf-32"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-bom", "utf-32-bom"],
)
def test_decode_unicode_without_warning(data: bytes) -> None:
    decoded = decode(data, "x.txt")
    assert decoded.text == TEXT
    assert decoded.warnings == []


@pytest.mark.parametrize(("codec", "name"), [("utf-16-le", "UTF-16-LE"), ("utf-16-be", "UTF-16-BE")])
def test_decode_utf16_without_bom_is_warned(codec: str, name: str) -> None:
    decoded = decode("The council voted on Tuesday night.".encode(codec), "x.txt")
    assert decoded.text == "The council voted on Tuesday night."
    assert decoded.warnings == [f"decoded as {name} (no byte-order mark)"]


def test_decode_windows1252_fixture_is_guessed_and_warned(ingest_data: Path) -> None:
    decoded = decode((ingest_data / "windows1252.txt").read_bytes(), "windows1252.txt")
    assert "“far more than we had hoped” — about €120,000" in decoded.text
    assert decoded.warnings == ["decoded as windows-1252 (not UTF-8)"]


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        ("Mayor Teresa Quiñones said the council’s “vote” was final — and the café agreed.", "cp1252"),
        ("Mayor Teresa Quiñones said the council's vote was final, and the café in Zürich agreed.", "latin-1"),
        ("Mayor Núñez thanked the Ørsted crew in Ångström Hall; the vote was 5-2 ± 1.", "latin-1"),
    ],
    ids=["windows-1252", "latin-1", "latin-1-rare-letters"],
)
def test_decode_western_text_is_read_as_windows1252(text: str, codec: str) -> None:
    decoded = decode(text.encode(codec), "x.txt")
    assert decoded.text == text
    assert decoded.warnings == ["decoded as windows-1252 (not UTF-8)"]


@pytest.mark.parametrize(
    ("text", "codec", "name"),
    [
        ("Городской совет в понедельник одобрил план реконструкции порта и набережной.", "cp1251", "windows-1251"),
        ("Το δημοτικό συμβούλιο ενέκρινε τη Δευτέρα το σχέδιο ανακατασκευής του λιμανιού.", "cp1253", "windows-1253"),
    ],
)
def test_decode_other_legacy_encodings_are_still_guessed(text: str, codec: str, name: str) -> None:
    decoded = decode(text.encode(codec), "x.txt")
    assert decoded.text == text
    assert decoded.warnings == [f"decoded as {name} (not UTF-8)"]


def test_decode_html_meta_charset_is_honoured() -> None:
    page = '<html><head><meta charset="iso-8859-1"></head><body><p>Caf\xe9 “open”</p></body></html>'
    decoded = decode(page.encode("cp1252"), "page.html")
    assert "Café “open”" in decoded.text
    assert decoded.warnings == ["decoded as windows-1252 as the page declares (not UTF-8)"]


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"%PDF-1.7\n", "PDF"),
        (b"PK\x03\x04rest", "ZIP, e.g. a Word or EPUB file"),
        (b"\x89PNG\r\n\x1a\nrest", "PNG"),
        (b"\x1f\x8b\x08\x00", "GZIP"),
        (b"\xff\xd8\xff\xe0", "JPEG"),
        (b"plain text", None),
    ],
)
def test_binary_kind_names_magic_numbers(data: bytes, kind: str | None) -> None:
    assert binary_kind(data) == kind


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"%PDF-1.4\n1 0 obj", "a.bin: looks like binary data (PDF), not an article"),
        (b"The council\x00voted \x00on Tuesday", "a.bin: looks like binary data, not an article"),
        (bytes(range(1, 9)) * 20 + b"some text", "a.bin: looks like binary data, not an article"),
    ],
    ids=["magic", "nul-bytes", "control-bytes"],
)
def test_decode_refuses_binary(data: bytes, message: str) -> None:
    with pytest.raises(InputError) as err:
        decode(data, "a.bin")
    assert str(err.value) == message


def test_decode_refuses_undeterminable_encoding() -> None:
    rng = random.Random(7)
    data = bytes(rng.randrange(0x80, 0x100) for _ in range(600))
    with pytest.raises(
        InputError, match=r"^a\.txt: is not UTF-8 and its encoding could not be determined.*re-save it as UTF-8$"
    ):
        decode(data, "a.txt")
