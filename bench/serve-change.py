#!/usr/bin/env python3
"""`mieruka serve` under change: pages loaded while files are saved, memory and descriptors over
many rebuilds, and Ctrl-C with many pages open.

    bench/serve-change.py MIERUKA SITE [--connections 64] [--edits 100] [--rebuilds 500]
                                       [--pages-open 32] [--ctrl-c-pages 200] [--sample 200]

SITE is a copy the benchmark may change (bench/serve-change.sh makes one). One item file is
saved over and over (made-up titles, in the copy only): its title takes one of four new forms,
and every fourth save breaks its front matter (the build fails; serve keeps the last good site
and shows the errors), the next save fixing it.

1. Builds each good state of the site with `MIERUKA build` (the original and the four titles) and
   keeps the SHA-256 of every version of SAMPLE pages (and the stylesheet).
2. Starts `MIERUKA serve --port 0`, opens PAGES-OPEN event streams (as open pages do), and starts
   CONNECTIONS kept-alive connections asking for the sampled pages in turn. Every response must
   be 200, have as many bytes as its Content-Length, and (after taking away what serve adds
   before </body>: the reload script and the errors' overlay) end with </html> and be byte for
   byte a version that one of the complete builds wrote; anything else is counted as a failure
   (no answer, an error status) or a half-written response.
3. Saves EDITS times under that load, each time waiting until the sampled page shows the save
   (no fixed sleeps), and records the generation it was served with. Then stops the load and
   saves on until REBUILDS rebuilds in all, sampling serve's resident memory (VmRSS) and open
   descriptors (/proc/PID/fd) every 50.
4. Every open page must have received a `reload` event for the generation of every rebuild
   (successful or failed: both change what the page shows); prints the counts.
5. Closes those streams, opens CTRL-C-PAGES new ones, sends SIGINT and times the exit; prints the
   exit code and whether every stream was ended.

Exit status 1 when a rule did not hold (a failed or half-written response, a missed reload, an
exit code other than 0 or an exit slower than a second).
"""
import argparse
import hashlib
import os
import re
import select
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

MARK = "（計測用の変更{}）"  # made-up title change, in the benchmark's copy only


def find_item(site):
    """An item file (not an index) whose front matter has a title line."""
    for folder, _, files in sorted(os.walk(os.path.join(site, "content"))):
        for name in sorted(files):
            if not name.endswith(".md") or name.startswith("_"):
                continue
            path = os.path.join(folder, name)
            text = open(path, encoding="utf-8").read()
            if text.startswith("---\n") and re.search(r"^title: .+$", text, re.M):
                return path, text
    sys.exit("no item file with a title in " + site)


class Item:
    def __init__(self, path, text):
        self.path = path
        self.original = text
        self.title = re.search(r"^title: (.+)$", text, re.M).group(1)

    def good(self, variant):
        text = self.original
        if variant:
            mark = MARK.format(variant)
            # A title in quotes (the generated corpus writes them so) takes the mark inside them.
            quoted = len(self.title) >= 2 and self.title[0] == self.title[-1] and self.title[0] in "\"'"
            changed = self.title[:-1] + mark + self.title[-1] if quoted else self.title + mark
            text = text.replace("title: " + self.title, "title: " + changed, 1)
        return text

    def broken(self):
        # A flow sequence that is never closed: a YAML error with a location.
        return self.original.replace("title: " + self.title, "title: [" + self.title, 1)

    def save(self, text):
        with open(self.path, "w", encoding="utf-8") as handle:
            handle.write(text)


def files_of(root):
    result = {}
    for folder, _, files in os.walk(root):
        for name in files:
            full = os.path.join(folder, name)
            result[os.path.relpath(full, root)] = full
    return result


def strip_serve_additions(body):
    start = body.find(b'<div id="mieruka-serve-errors"')
    if start < 0:
        start = body.find(b"<script data-mieruka-serve>")
    if start < 0:
        return body
    end = body.find(b"</script>\n", start)
    return body if end < 0 else body[:start] + body[end + len(b"</script>\n"):]


def url_of(base, path):
    return urllib.parse.quote(base + (path[: -len("index.html")] if path.endswith("index.html") else path))


class HTTP:
    """One kept-alive connection; get() returns (status, headers, body) or raises."""

    def __init__(self, port):
        self.port = port
        self.sock = None
        self.buffer = b""

    def connect(self):
        self.sock = socket.create_connection(("127.0.0.1", self.port), timeout=30)
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.buffer = b""

    def close(self):
        if self.sock:
            self.sock.close()
        self.sock = None

    def _fill(self):
        chunk = self.sock.recv(262144)
        if not chunk:
            raise ConnectionError("closed by the server")
        self.buffer += chunk

    def get(self, target):
        if self.sock is None:
            self.connect()
        self.sock.sendall(f"GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
        while b"\r\n\r\n" not in self.buffer:
            self._fill()
        head, self.buffer = self.buffer.split(b"\r\n\r\n", 1)
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split(" ")[1])
        headers = {}
        for line in lines[1:]:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
        length = int(headers.get("content-length", "-1"))
        if length < 0:
            raise ValueError("no Content-Length")
        while len(self.buffer) < length:
            self._fill()
        body, self.buffer = self.buffer[:length], self.buffer[length:]
        if headers.get("connection", "").lower() == "close":
            self.close()
        return status, headers, body


class Load:
    def __init__(self, port, targets, expected):
        self.port = port
        self.targets = targets  # [(url, relative path)]
        self.expected = expected  # path -> set of sha256
        self.stop = threading.Event()
        self.lock = threading.Lock()
        self.requests = 0
        self.failures = []
        self.half = []
        self.threads = []

    def start(self, connections):
        for offset in range(connections):
            thread = threading.Thread(target=self.run, args=(offset,), daemon=True)
            thread.start()
            self.threads.append(thread)

    def run(self, offset):
        connection = HTTP(self.port)
        index = offset * 7
        while not self.stop.is_set():
            url, path = self.targets[index % len(self.targets)]
            index += 1
            problem = failure = None
            try:
                status, headers, body = connection.get(url)
            except Exception as error:  # noqa: BLE001 - every kind of failure is counted
                connection.close()
                failure = f"{url}: {error!r}"
            else:
                if status != 200:
                    failure = f"{url}: status {status}"
                else:
                    if path.endswith(".html"):
                        body = strip_serve_additions(body)
                        if not body.endswith(b"</html>\n"):
                            problem = f"{url}: does not end with </html>"
                    if problem is None and hashlib.sha256(body).hexdigest() not in self.expected[path]:
                        problem = f"{url}: {len(body)} bytes that no complete build wrote"
            with self.lock:
                self.requests += 1
                if failure:
                    self.failures.append(failure)
                if problem:
                    self.half.append(problem)
        connection.close()

    def finish(self):
        self.stop.set()
        for thread in self.threads:
            thread.join()


class EventStream:
    """An open page's event stream, read on a thread of its own."""

    def __init__(self, port):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=30)
        self.sock.sendall(b"GET /__mieruka/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
        self.reloads = []
        self.hello = threading.Event()
        self.ended = threading.Event()
        self.thread = threading.Thread(target=self.run, daemon=True)
        self.thread.start()

    def run(self):
        buffer = b""
        try:
            while True:
                chunk = self.sock.recv(65536)
                if not chunk:
                    break
                buffer += chunk
                while b"\n\n" in buffer:
                    event, buffer = buffer.split(b"\n\n", 1)
                    name = re.search(rb"^event: (\S+)$", event, re.M)
                    data = re.search(rb"^data: (.*)$", event, re.M)
                    if name and name.group(1) == b"hello":
                        self.hello.set()
                    elif name and name.group(1) == b"reload" and data:
                        self.reloads.append(data.group(1).decode())
        except OSError:
            pass
        self.ended.set()

    def close(self):
        try:
            self.sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.sock.close()


def proc_figures(pid):
    rss = 0
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                rss = int(line.split()[1])
    return rss, len(os.listdir(f"/proc/{pid}/fd"))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("mieruka")
    parser.add_argument("site")
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--edits", type=int, default=100)
    parser.add_argument("--rebuilds", type=int, default=500)
    parser.add_argument("--pages-open", type=int, default=32)
    parser.add_argument("--ctrl-c-pages", type=int, default=200)
    parser.add_argument("--sample", type=int, default=200)
    args = parser.parse_args()
    mieruka = os.path.abspath(args.mieruka)
    site = os.path.abspath(args.site)
    item = Item(*find_item(site))
    ok = True

    # 1. Every version of the sampled files that a complete build writes.
    builds = tempfile.mkdtemp(prefix="mieruka-serve-change-builds-")
    states = [0, 1, 2, 3, 4]
    outputs = []
    started = time.monotonic()
    for variant in states:
        item.save(item.good(variant))
        output = os.path.join(builds, f"state-{variant}")
        run = subprocess.run([mieruka, "build", "--source", site, "--output", output], capture_output=True, text=True)
        if run.returncode != 0:
            sys.exit(f"mieruka build of state {variant} failed:\n{run.stderr}")
        outputs.append(files_of(output))
    item.save(item.original)
    first = outputs[0]
    html = sorted(path for path in first if path.endswith(".html"))
    # The pages the title changes, then an even spread of the others.
    changed = [path for path in html if MARK.format(1).encode() in open(outputs[1][path], "rb").read()]
    others = [path for path in html if path not in changed]
    step = max(1, len(others) // max(1, args.sample - len(changed)))
    sample = (changed + others[::step])[: max(args.sample, len(changed))]
    sample += [path for path in first if path.endswith(".css")][:1]
    expected = {}
    for path in sample:
        expected[path] = {hashlib.sha256(open(files[path], "rb").read()).hexdigest() for files in outputs if path in files}
    probe = next(path for path in changed if path.endswith("index.html")) if changed else None
    if probe is None:
        sys.exit("no page shows the item's title")
    shutil.rmtree(builds)
    print(f"site: {len(html)} pages; {len(states)} good states built in {time.monotonic() - started:.1f} s; "
          f"{len(sample)} files sampled ({len(changed)} change with the title); saving {os.path.relpath(item.path, site)}")

    # 2. serve, open pages, load.
    serve = subprocess.Popen([mieruka, "serve", "--source", site, "--port", "0"], stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT, text=True, bufsize=1)
    lines = []
    ready = threading.Event()
    port_box = []

    def read_output():
        for line in serve.stdout:
            lines.append(line.rstrip("\n"))
            match = re.search(r"at http://127\.0\.0\.1:(\d+)(/\S*) \(Ctrl-C to stop\)", line)
            if match:
                port_box.append((int(match.group(1)), match.group(2)))
                ready.set()

    threading.Thread(target=read_output, daemon=True).start()
    if not ready.wait(600):
        serve.kill()
        sys.exit("serve did not start:\n" + "\n".join(lines[-20:]))
    port, base = port_box[0]
    probe_url = url_of(base, probe)
    targets = [(url_of(base, path), path) for path in sample]
    rss0, fds0 = proc_figures(serve.pid)
    streams = [EventStream(port) for _ in range(args.pages_open)]
    for stream in streams:
        if not stream.hello.wait(30):
            sys.exit("an event stream got no hello")
    probe_connection = HTTP(port)

    def page_shows(state):
        status, _, body = probe_connection.get(probe_url)
        text = body.decode("utf-8", "replace")
        generation = re.search(r'var g="([^"]*)"', text)
        broken = "mieruka-serve-errors" in text
        if state == "broken":
            shown = broken
        else:
            shown = not broken and (MARK.format(state) in text if state else "計測用の変更" not in text)
        return shown and status == 200, generation.group(1) if generation else None

    generations = [("start", page_shows(0)[1])]
    samples = []
    variant = 0

    def save(number):
        nonlocal variant
        if number % 4 == 3:
            item.save(item.broken())
            state = "broken"
        else:
            variant = variant % 4 + 1
            item.save(item.good(variant))
            state = variant
        saved = time.monotonic()
        while True:
            shown, generation = page_shows(state)
            # (A page can show a rebuild's files a moment before the generation they make.)
            if shown and generation != generations[-1][1]:
                generations.append((state, generation))
                return time.monotonic() - saved
            if time.monotonic() - saved > 120:  # a hang, not a measurement
                raise TimeoutError(f"save {number}: the page did not show state {state} within 120 s")
            time.sleep(0.01)

    load = Load(port, targets, expected)
    load.start(args.connections)
    load_started = time.monotonic()
    waits = [save(number) for number in range(args.edits)]
    load.finish()
    load_seconds = time.monotonic() - load_started
    samples.append((args.edits, *proc_figures(serve.pid)))
    for number in range(args.edits, args.rebuilds):
        waits.append(save(number))
        if (number + 1) % 50 == 0:
            samples.append((number + 1, *proc_figures(serve.pid)))
    generations = generations[1:]
    failed_saves = sum(1 for state, _ in generations if state == "broken")

    print(f"load: {args.connections} connections, {load.requests} requests in {load_seconds:.1f} s "
          f"({load.requests / load_seconds:.0f}/s) during {args.edits} saves "
          f"({args.edits - sum(1 for n in range(args.edits) if n % 4 == 3)} good, "
          f"{sum(1 for n in range(args.edits) if n % 4 == 3)} breaking the build)")
    print(f"  failed requests: {len(load.failures)}" + (f" e.g. {load.failures[:3]}" if load.failures else ""))
    print(f"  half-written or unbuilt responses: {len(load.half)}" + (f" e.g. {load.half[:3]}" if load.half else ""))
    ok &= not load.failures and not load.half
    waits.sort()
    print(f"saves: {len(generations)} rebuilds ({len(generations) - failed_saves} successful, {failed_saves} failed); "
          f"save to page showing it: median {waits[len(waits) // 2] * 1000:.0f} ms, max {waits[-1] * 1000:.0f} ms")

    # 4. Every open page told to reload after every rebuild.
    wanted = [generation for _, generation in generations]
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and any(set(wanted) - set(stream.reloads) for stream in streams):
        time.sleep(0.05)
    missed = [len(set(wanted) - set(stream.reloads)) for stream in streams]
    counts = [len(stream.reloads) for stream in streams]
    print(f"open pages: {len(streams)}; reload events per page min {min(counts)}, max {max(counts)} "
          f"for {len(generations)} rebuilds; pages that missed a rebuild's reload: {sum(1 for m in missed if m)}")
    ok &= not any(missed)
    if any(missed):
        print(f"  e.g. wanted {wanted[:6]}, got {streams[missed.index(max(missed))].reloads[:6]}")

    print("rebuilds  VmRSS (MiB)  open fds")
    print(f"{0:>8}  {rss0 / 1024:>11.1f}  {fds0:>8}   (after the first build, before any page was open)")
    for rebuilds, rss, fds in samples:
        print(f"{rebuilds:>8}  {rss / 1024:>11.1f}  {fds:>8}")
    later = [sample for sample in samples if sample[0] >= 100]
    if len(later) >= 2:
        print(f"  from rebuild {later[0][0]} to {later[-1][0]}: VmRSS {(later[-1][1] - later[0][1]) / 1024:+.1f} MiB, "
              f"fds {later[-1][2] - later[0][2]:+d}")

    # 5. Ctrl-C with many pages open.
    for stream in streams:
        stream.close()
    item.save(item.original)
    probe_connection.close()
    pages = [EventStream(port) for _ in range(args.ctrl_c_pages)]
    for page in pages:
        if not page.hello.wait(30):
            sys.exit("an event stream got no hello before Ctrl-C")
    rss, fds = proc_figures(serve.pid)
    interrupted = time.monotonic()
    serve.send_signal(signal.SIGINT)
    code = serve.wait(60)
    took = time.monotonic() - interrupted
    ended = sum(1 for page in pages if page.ended.wait(5))
    print(f"Ctrl-C with {len(pages)} pages open ({fds} fds, {rss / 1024:.1f} MiB): exit {code} in {took * 1000:.0f} ms; "
          f"streams ended: {ended} of {len(pages)}")
    ok &= code == 0 and took < 1 and ended == len(pages)
    for page in pages:
        page.close()
    print("rules: " + ("all held" if ok else "NOT all held"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
