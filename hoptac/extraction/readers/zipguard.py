"""Refuse ZIP-based files (DOCX, XLSX) that would expand too far, before anything parses them.

The check reads only the central directory (`infolist()`): the declared uncompressed size of
every member, their total, and each member's compression ratio. `zipfile` never inflates a
member beyond its declared size (it stops and reports a bad CRC), so a file that passes here
cannot grow past `max_unzipped_bytes` while it is parsed.
"""

from __future__ import annotations

import io
import zipfile

from hoptac.extraction.readers.base import Limits, UnreadableDocument

# Small members (styles, relationships) legitimately compress 100×; only big ones are judged.
RATIO_FLOOR = 1024 * 1024
MAX_MEMBERS = 10_000


def open_zip(data: bytes, name: str, limits: Limits, *, kind: str) -> zipfile.ZipFile:
    """Return the archive in `data` once its members are known to be safe to inflate.

    Raises UnreadableDocument (code "not_zip", "zip_too_big" or "zip_ratio").
    """
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as e:
        raise UnreadableDocument(
            f"{name}: not a valid .{kind} file ({e})", code="not_zip", kind=kind
        ) from e
    check_members(infos, name, limits)
    return zf


def check_members(infos: list[zipfile.ZipInfo], name: str, limits: Limits) -> None:
    """Raise UnreadableDocument when the members would expand beyond the limits."""
    if len(infos) > MAX_MEMBERS:
        raise UnreadableDocument(
            f"{name}: too many parts in the archive ({len(infos)})",
            code="zip_too_big", size=0, limit=limits.max_unzipped_bytes,
        )  # fmt: skip
    total = 0
    for info in infos:
        total += info.file_size
        if total > limits.max_unzipped_bytes:
            raise UnreadableDocument(
                f"{name}: expands to more than {limits.max_unzipped_bytes} bytes",
                code="zip_too_big", size=total, limit=limits.max_unzipped_bytes,
            )  # fmt: skip
        if info.file_size > RATIO_FLOOR:
            ratio = info.file_size / max(info.compress_size, 1)
            if ratio > limits.max_zip_ratio:
                raise UnreadableDocument(
                    f"{name}: {info.filename} is compressed {ratio:.0f} times "
                    f"(limit {limits.max_zip_ratio}): a compression bomb?",
                    code="zip_ratio", ratio=round(ratio), limit=limits.max_zip_ratio,
                )  # fmt: skip
