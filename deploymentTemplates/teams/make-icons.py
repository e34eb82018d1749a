#!/usr/bin/env python3
"""Writes the Teams app icons (color.png 192x192, outline.png 32x32) with the standard library only."""
import struct
import zlib
from pathlib import Path


def png(path: Path, size: int, pixel) -> None:
    rows = b"".join(b"\x00" + b"".join(bytes(pixel(x, y, size)) for x in range(size)) for y in range(size))
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b""))


def heart(x: float, y: float) -> bool:
    # Implicit heart curve on [-1.3, 1.3]^2, y pointing up.
    return (x * x + y * y - 1) ** 3 - x * x * y ** 3 <= 0


def color(x: int, y: int, size: int):
    u, v = (x + 0.5) / size * 2.6 - 1.3, 1.2 - (y + 0.5) / size * 2.6
    return (255, 255, 255, 255) if heart(u, v) else (46, 125, 120, 255)


def outline(x: int, y: int, size: int):
    u, v = (x + 0.5) / size * 2.6 - 1.3, 1.2 - (y + 0.5) / size * 2.6
    inside = heart(u, v)
    inner = heart(u * 1.25, v * 1.25 + 0.05)
    return (255, 255, 255, 255) if inside and not inner else (0, 0, 0, 0)


here = Path(__file__).resolve().parent
png(here / "color.png", 192, color)
png(here / "outline.png", 32, outline)
