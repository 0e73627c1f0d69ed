#!/usr/bin/env python3
"""Writes the tiny PNG test images byte by byte (python3 + zlib only), so that every
pixel value the tests expect is visible here. Run from this directory."""
import struct
import zlib


def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def png(name, width, height, bit_depth, color_type, rows, extra=b""):
    """rows: one bytes object per row, already packed (filter byte added here)."""
    raw = b"".join(b"\0" + row for row in rows)
    data = b"\x89PNG\r\n\x1a\n"
    data += chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, bit_depth, color_type, 0, 0, 0))
    data += extra + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
    with open(name, "wb") as f:
        f.write(data)


# gray 8-bit, 2x2: 0, 51 / 102, 255
png("gray8.png", 2, 2, 8, 0, [bytes([0, 51]), bytes([102, 255])])
# gray 16-bit, 3x1: 0, 100*257, 65535 (multiples of 257, so 8-bit values are exact)
png("gray16.png", 3, 1, 16, 0, [struct.pack(">HHH", 0, 100 * 257, 65535)])
# gray + alpha, 2x1: gray 200 opaque, gray 200 fully transparent
png("gray-alpha.png", 2, 1, 8, 4, [bytes([200, 255, 200, 0])])
# RGB, 3x1: red, blue, (10, 20, 30)
png("rgb.png", 3, 1, 8, 2, [bytes([255, 0, 0, 0, 0, 255, 10, 20, 30])])
# RGBA, 2x1: white at alpha 51, green opaque
png("rgba.png", 2, 1, 8, 6, [bytes([255, 255, 255, 51, 0, 255, 0, 255])])
# palette, 2x2, 8-bit indices into (0,0,0) (255,255,255) (0,255,0): 0 1 / 2 1
png("palette.png", 2, 2, 8, 3, [bytes([0, 1]), bytes([2, 1])],
    extra=chunk(b"PLTE", bytes([0, 0, 0, 255, 255, 255, 0, 255, 0])))
# a valid signature and IHDR whose image data is cut off
full = open("gray8.png", "rb").read()
with open("truncated.png", "wb") as f:
    f.write(full[: len(full) - 20])
# signature right, IHDR claims 0x0
with open("zero-size.png", "wb") as f:
    f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 0, 0, 8, 0, 0, 0, 0)))
# 10000x1 gray: over the explorer's 8192 limit (one compressed row, a few bytes)
png("too-wide.png", 10000, 1, 8, 0, [bytes(10000)])
