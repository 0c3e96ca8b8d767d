#!/usr/bin/env python3
"""Check the course site: every link and image in index.html resolves to a file, and the page renders
in headless Chromium (screenshot written next to it and checked to be a non-blank image).

    check_site.py SITE_DIR [--chromium PATH]
Exit status 1 on a broken link or a failed render.
"""
import argparse
import os
import re
import struct
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path


def png_size(path):
    data = path.read_bytes()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    return struct.unpack(">II", data[16:24]), data


def png_is_blank(data):
    """True when every pixel of the (8-bit RGB/RGBA, non-interlaced) PNG has the same colour."""
    pos, idat, width, height, ctype = 8, b"", 0, 0, 0
    while pos < len(data):
        length = struct.unpack(">I", data[pos:pos + 4])[0]
        kind = data[pos + 4:pos + 8]
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, ctype = struct.unpack(">IIBB", body[:10])
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    # Row filters make raw bytes differ even for one colour only in the first row; compare row payloads
    # after the first row with filter 'up' ≈ zeros: a simpler robust test is the variety of bytes.
    return len(set(raw[: 2_000_000])) <= 3


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("site", type=Path)
    ap.add_argument("--chromium", default="/usr/bin/chromium")
    args = ap.parse_args()
    index = args.site / "index.html"
    text = index.read_text(encoding="utf-8")
    targets = re.findall(r"""(?:href|src)=['"]([^'"#]+)['"]""", text)
    broken = [t for t in targets if not (args.site / t).is_file()]
    print("site links: %d checked, %d broken" % (len(targets), len(broken)))
    for t in broken:
        print("  broken link: %s" % t)
    shot = args.site / "screenshot.png"
    with tempfile.TemporaryDirectory() as profile:
        cmd = [args.chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               "--user-data-dir=" + profile, "--hide-scrollbars", "--window-size=1200,1600",
               "--screenshot=" + str(shot.resolve()), index.resolve().as_uri()]
        r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120)
    ok_render = shot.exists()
    if ok_render:
        (w, h), data = png_size(shot)
        blank = png_is_blank(data)
        print("chromium screenshot: %s (%dx%d)%s" % (shot, w, h, ", BLANK" if blank else ""))
        ok_render = not blank
    else:
        print("chromium produced no screenshot (exit %d): %s" % (r.returncode, r.stderr.decode()[-500:]))
    if broken or not ok_render:
        sys.exit(1)


if __name__ == "__main__":
    main()
