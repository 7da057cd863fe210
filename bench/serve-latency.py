#!/usr/bin/env python3
"""Latency of `mieruka serve`: from saving one item file to the reload event the open pages get.

    bench/serve-latency.py MIERUKA SITE [--rounds N] [--json FILE]

Starts `MIERUKA serve --source SITE --port 0`, connects to its event stream as a page does
(Server-Sent Events, /__mieruka/events), then ROUNDS times: rewrites one item file (its title
changes, alternately in different plans), and measures from just before the write to the arrival
of the `reload` event. The time includes the watcher's quiet period (50 ms), re-reading the file,
merging and validating the whole site, rendering the pages the change can alter, writing those
that differ, and the event reaching the client. Prints each round with serve's own summary line,
then min / median / p90 / max. Restores the files and stops serve (Ctrl-C) at the end.
"""
import argparse
import json
import os
import re
import select
import signal
import socket
import statistics
import subprocess
import sys
import time


def read_until(sock, buffer, pattern, timeout):
    deadline = time.monotonic() + timeout
    while True:
        match = re.search(pattern, buffer)
        if match:
            return match, buffer[match.end():]
        left = deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError(f"no {pattern!r} within {timeout} s")
        ready, _, _ = select.select([sock], [], [], left)
        if ready:
            chunk = sock.recv(65536)
            if not chunk:
                raise ConnectionError("the event stream closed")
            buffer += chunk


def item_files(site):
    """Three item documents per plan (spread over its folder and sub-folders), taken in turn."""
    content = os.path.join(site, "content")
    plans = sorted(p for p in os.listdir(content) if os.path.isdir(os.path.join(content, p)))
    files = []
    for plan in plans:
        items = sorted(
            os.path.join(folder, name)
            for folder, _, names in os.walk(os.path.join(content, plan))
            for name in names if name.endswith(".md") and name != "_index.md")
        if items:
            files.append([items[len(items) * k // 4] for k in (2, 1, 3)])
    # Alternately in each plan: a plan's middle item, then another, …
    return [group[k] for k in range(3) for group in files if k < len(group)]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("mieruka")
    parser.add_argument("site")
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--json")
    args = parser.parse_args()

    serve = subprocess.Popen(
        [args.mieruka, "serve", "--source", args.site, "--port", "0"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1)
    lines = []
    port = base = None
    started = time.monotonic()
    for line in serve.stdout:
        lines.append(line.rstrip())
        match = re.search(r"serving .* at http://127\.0\.0\.1:(\d+)(/\S*)", line)
        if match:
            port, base = int(match.group(1)), match.group(2)
            break
    if port is None:
        print("\n".join(lines), file=sys.stderr)
        sys.exit("serve did not start")
    first_build = lines[0] if lines else ""
    print(f"{first_build}  (ready after {time.monotonic() - started:.2f} s)")

    # serve's output, read on the side.
    os.set_blocking(serve.stdout.fileno(), False)

    def serve_lines():
        out = []
        while True:
            try:
                line = serve.stdout.readline()
            except (IOError, TypeError):
                break
            if not line:
                break
            out.append(line.rstrip())
        return out

    sock = socket.create_connection(("127.0.0.1", port))
    sock.sendall(b"GET /__mieruka/events HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n\r\n")
    _, buffer = read_until(sock, b"", rb"event: hello\ndata: [^\n]*\n\n", 10)

    files = item_files(args.site)
    originals = {path: open(path, encoding="utf-8").read() for path in files}
    results = []
    try:
        for round_number in range(args.rounds):
            path = files[round_number % len(files)]
            text = originals[path]
            # 〔N〕 at the start of the title (inside its quotes, when it is quoted).
            changed = re.sub(r'^title: ("?)', lambda m: f"title: {m.group(1)}〔{round_number}〕", text, count=1, flags=re.M)
            time.sleep(0.3)
            serve_lines()
            start = time.monotonic()
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(changed)
            _, buffer = read_until(sock, buffer, rb"event: reload\ndata: [^\n]*\n\n", 30)
            elapsed = (time.monotonic() - start) * 1000
            time.sleep(0.05)
            summary = next((l for l in serve_lines() if "rebuilt in" in l), "")
            results.append(elapsed)
            print(f"round {round_number + 1:2}: {elapsed:7.1f} ms  {os.path.relpath(path, args.site)}  | {summary}")
    finally:
        for path, text in originals.items():
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(text)
        time.sleep(0.5)
        sock.close()
        serve.send_signal(signal.SIGINT)
        code = serve.wait(timeout=30)
        if code != 0:
            print(f"serve exited with {code}", file=sys.stderr)

    ordered = sorted(results)
    p90 = ordered[min(len(ordered) - 1, int(round(0.9 * (len(ordered) - 1))))]
    print(f"save → reload, {len(results)} rounds: min {ordered[0]:.0f} ms, median {statistics.median(ordered):.0f} ms, "
          f"p90 {p90:.0f} ms, max {ordered[-1]:.0f} ms")
    if args.json:
        with open(args.json, "w") as handle:
            json.dump({"site": args.site, "rounds_ms": results, "median_ms": statistics.median(ordered),
                       "p90_ms": p90, "max_ms": ordered[-1], "first_build": first_build}, handle, indent=2)


if __name__ == "__main__":
    main()
