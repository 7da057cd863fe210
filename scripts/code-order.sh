#!/bin/sh
# Writes scripts/package/code-order.txt: the functions a build executes, for the linker to place
# side by side in the packaged binary (scripts/package.sh passes it to gold as
# --section-ordering-file).
#
# Why: the kernel maps a program's code in blocks around each page that runs (fault-around, and
# the page cache's large folios), so code that runs but lies scattered over the 20 MB of the
# binary's .text makes many megabytes resident for about 2 MB executed. Placed together, the same
# code takes a few blocks. Measured on the 156-page benchmark site: about 2 MiB less peak RSS
# (18.0-18.5 -> 16.4-16.9 MiB; docs/reference.md, "Speed and memory").
#
# The list is made by running the packaged binary under valgrind's callgrind (which names every
# function that ran) on the demo site (`build` and `check`) and, when the reference benchmark is
# there, on its generated 156-page corpus (cold, then unchanged): the functions every trace ran
# first, then those fewer ran. Each line is an input section name, `.text.<mangled name>`:
# package.sh compiles with -function-sections so that each function has a section of its own.
# A name that no longer exists
# (a function renamed or removed) is ignored by the linker; a new function is placed with the rest,
# unordered. Run this again after large changes; scripts/package.sh prints how much of the list
# the binary still has.
#
# Usage: scripts/code-order.sh            (builds the package first when .build-package has none)
# MIERUKA        the binary to trace instead (any release build of the same source with its symbols:
#                `swift build -c release` gives the same names, the runtime's from its shared library)
# SHARED_BENCH   the reference benchmark folder (default ../shared/bench)
set -eu
cd "$(dirname "$0")/.."
scripts/install-system-packages.sh valgrind binutils python3
scratch=${MIERUKA_PACKAGE_SCRATCH:-.build-package}
binary=${MIERUKA:-$scratch/release/mieruka}
[ -x "$binary" ] || scripts/package.sh >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# valgrind 3.19 cannot read the DWARF 5 that Swift 6.3 writes; the symbol table is enough.
objcopy --strip-debug "$binary" "$work/mieruka"

trace() {
    name=$1
    shift
    valgrind --tool=callgrind --callgrind-out-file="$work/$name.cg" "$work/mieruka" "$@" >"$work/$name.log" 2>&1 ||
        { tail -n 20 "$work/$name.log" >&2; exit 1; }
}
trace version --version
trace demo build --source . --output "$work/demo-out"
trace check check --source .
shared=${SHARED_BENCH:-../shared/bench}
if [ -f "$shared/gen_corpus.py" ]; then
    python3 "$shared/gen_corpus.py" --plans 2 --items 49 --seed 42 --out "$work/corpus" >/dev/null 2>&1
    python3 bench/convert_corpus.py "$work/corpus/content" "$work/site" >/dev/null 2>&1
    trace corpus build --source "$work/site" --output "$work/corpus-out"
    trace corpus-again build --source "$work/site" --output "$work/corpus-out"
fi

python3 - "$work" scripts/package/code-order.txt <<'PY'
import glob, os, re, sys
work, out = sys.argv[1], sys.argv[2]
# Functions run by every trace come first, then those run by fewer: the common core of a build
# lies together, and what only some sites use (a feature the demo has and the corpus has not)
# comes after it. Within a count, the order callgrind met them in, trace by trace.
first, count = {}, {}
for path in sorted(glob.glob(os.path.join(work, "*.cg")), key=os.path.getmtime):
    names, seen = {}, set()
    for line in open(path, encoding="utf-8", errors="replace"):
        m = re.match(r"(c?fn)=\((\d+)\)(?: (.*))?$", line.rstrip("\n"))
        if not m:
            continue
        if m.group(3):
            names[m.group(2)] = m.group(3)
        name = names.get(m.group(2), "")
        # Only real symbol names: callgrind writes addresses it cannot name as 0x…, and
        # file-qualified or demangled names with spaces are not section names.
        if m.group(1) != "fn" or not name or name in seen or name.startswith("0x") \
                or " " in name or "'" in name:
            continue
        seen.add(name)
        first.setdefault(name, len(first))
        count[name] = count.get(name, 0) + 1
order = sorted(first, key=lambda name: (-count[name], first[name]))
with open(out, "w", encoding="utf-8") as f:
    for name in order:
        f.write(".text." + name + "\n")
print(f"{out}: {len(order)} functions")
PY
