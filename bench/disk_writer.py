#!/usr/bin/env python3
"""Writes files to a folder until stopped, the way another build on a shared CI runner does: each
round makes 200 folders of 20 files (4-32 KiB each, about 74 MB in all), flushes them to disk,
then deletes them. Used by `DISK_LOAD=1 bench/compare-hugo.sh` so that both tools are timed while
another process writes to the same disk.

    python3 bench/disk_writer.py FOLDER

Prints, when stopped (SIGTERM or Ctrl-C), how many rounds and megabytes it wrote.
"""
import os
import shutil
import signal
import sys
import time


def main() -> None:
    folder = sys.argv[1]
    os.makedirs(folder, exist_ok=True)
    stopping = False

    def stop(*_):
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    rounds = 0
    written = 0
    start = time.monotonic()
    while not stopping:
        tree = os.path.join(folder, f"round-{rounds % 2}")
        for d in range(200):
            sub = os.path.join(tree, f"d{d:03}")
            os.makedirs(sub, exist_ok=True)
            for f in range(20):
                size = 4096 * (1 + (d * 20 + f) % 8)
                with open(os.path.join(sub, f"f{f:02}.html"), "wb") as out:
                    out.write(b"x" * size)
                written += size
            if stopping:
                break
        os.sync()
        # The tree of the round before last is deleted now (a build replacing its output).
        shutil.rmtree(os.path.join(folder, f"round-{(rounds + 1) % 2}"), ignore_errors=True)
        rounds += 1
    shutil.rmtree(folder, ignore_errors=True)
    elapsed = time.monotonic() - start
    print(f"disk writer: {rounds} rounds, {written / 1e6:.0f} MB written in {elapsed:.0f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
