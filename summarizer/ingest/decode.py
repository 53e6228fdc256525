"""Bytes → text without guessing wildly: BOMs, UTF-8, a cautious Windows-1252 fallback, and a
clear refusal (with the reason) for binary or undecodable files."""

from __future__ import annotations

import codecs

_MAGIC = {
    b"\x89PNG": "PNG image",
    b"%PDF": "PDF document",
    b"PK\x03\x04": "ZIP archive (docx/xlsx?)",
    b"GIF8": "GIF image",
    b"\xff\xd8\xff": "JPEG image",
    b"\x1f\x8b": "gzip archive",
    b"\x7fELF": "executable",
}
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class DecodeRefused(ValueError):
    """The bytes are not text we can read; the message is the one-line reason."""


def decode_text(data: bytes) -> tuple[str, str]:
    """Return ``(text, encoding)``; raise ``DecodeRefused`` with a reason otherwise."""
    if not data:
        raise DecodeRefused("empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise DecodeRefused(
                    f"has a {encoding} byte-order mark but is not valid {encoding}: {exc.reason}"
                ) from exc
    for magic, kind in _MAGIC.items():
        if data.startswith(magic):
            raise DecodeRefused(f"binary file ({kind}), not text")
    if b"\x00" in data[:4096]:
        raise DecodeRefused("binary file (NUL bytes and no UTF-16 byte-order mark), not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise DecodeRefused("not UTF-8 and not Windows-1252/Latin-1 text; re-save it as UTF-8") from exc
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f")
    if controls > max(2, len(text) // 1000):
        raise DecodeRefused("not UTF-8 and looks binary; re-save it as UTF-8")
    return text, "cp1252"
