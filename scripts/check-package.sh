#!/bin/sh
# Tests the release tarball where there is no Swift: unpacks it into a clean Debian root made with
# debootstrap (minbase: no Swift, no compiler, no -dev packages, not even libcmark or libyaml),
# builds the demo site and a site made by `mieruka init` there, and compares both, file by file,
# with what the normal build of the same commit makes. Then the newcomer's remaining steps: the
# demo with a workbook in seeds/ in place of a CSV (Kodaira's H29 results, the same pages), and
# `mieruka serve` on the init site answering a request for its home page.
#
# Usage: scripts/check-package.sh [TARBALL]   (default: the one scripts/package.sh makes)
# MIERUKA                 the normal binary to compare with (default .build/debug/mieruka)
# MIERUKA_DEBIAN_ROOT     where the Debian root is kept between runs, outside any clone so that
#                         every checkout on the machine shares it (default ~/.cache/mieruka/debian-root)
set -eu
cd "$(dirname "$0")/.."
normal=${MIERUKA:-.build/debug/mieruka}
if [ $# -ge 1 ]; then tarball=$1; else tarball=$(scripts/package.sh | tail -n 1); fi
root=${MIERUKA_DEBIAN_ROOT:-${XDG_CACHE_HOME:-$HOME/.cache}/mieruka/debian-root}

scripts/install-system-packages.sh debootstrap
if [ ! -x "$root/bin/sh" ]; then
    echo "Making a clean Debian root in $root (debootstrap --variant=minbase bookworm)" >&2
    rm -rf "$root.partial"
    mkdir -p "$(dirname "$root")"
    debootstrap --variant=minbase bookworm "$root.partial" http://deb.debian.org/debian >"$root.log" 2>&1 || {
        tail -n 20 "$root.log" >&2
        exit 1
    }
    mv "$root.partial" "$root"
fi
# The root must not have what the binary is meant to do without.
for absent in /opt/swift /usr/bin/swift /usr/lib/x86_64-linux-gnu/libcmark.so.0.30.2 /usr/lib/x86_64-linux-gnu/libyaml-0.so.2 /usr/bin/gcc; do
    if [ -e "$root$absent" ]; then
        echo "check-package.sh: the Debian root has $absent; it must be a clean root" >&2
        exit 1
    fi
done

test_dir=/mieruka-package-test
inside="$root$test_dir"
rm -rf "$inside"
mkdir -p "$inside/demo"
tar -xzf "$tarball" -C "$inside"
name=$(basename "$tarball" .tar.gz)
binary="$test_dir/$name/mieruka"
cp -R mieruka.yml content seeds "$inside/demo/"
[ -d templates ] && cp -R templates "$inside/demo/"
[ -d static ] && cp -R static "$inside/demo/"
cp -R "$inside/demo" "$inside/demo-xlsx"
rm "$inside/demo-xlsx/seeds/kodaira-3/H29.csv"
cp Tests/Fixtures/xlsx/kodaira-H29.xlsx "$inside/demo-xlsx/seeds/kodaira-3/H29.xlsx"

# A Debian system has /proc (the Swift runtime reads a program's arguments from
# /proc/self/cmdline); a chroot has it only when mounted.
mounted_proc=""
serve_pid=""
cleanup() {
    [ -n "$serve_pid" ] && kill "$serve_pid" 2>/dev/null || true
    [ -n "$mounted_proc" ] && umount "$root/proc" 2>/dev/null || true
    [ -n "${reference:-}" ] && rm -rf "$reference"
    return 0
}
trap cleanup EXIT
if ! mountpoint -q "$root/proc"; then
    mount -t proc proc "$root/proc"
    mounted_proc=yes
fi

run_inside() {
    chroot "$root" /usr/bin/env -i PATH=/usr/bin:/bin LANG=C.UTF-8 "$@"
}
run_inside "$binary" --version
run_inside "$binary" build --source "$test_dir/demo" --output "$test_dir/demo-public"
run_inside "$binary" init "$test_dir/init-site"
run_inside "$binary" check --source "$test_dir/init-site"
run_inside "$binary" build --source "$test_dir/init-site"
run_inside "$binary" build --source "$test_dir/demo-xlsx" --output "$test_dir/demo-xlsx-public"

# serve on a new init site, on a free port, asked for its home page with bash's /dev/tcp (the root
# has no curl); it must answer 200 with the site's home page. (chroot and env exec the program, so
# the background job's process is serve itself.)
run_inside "$binary" init "$test_dir/serve-site" >/dev/null
chroot "$root" /usr/bin/env -i PATH=/usr/bin:/bin LANG=C.UTF-8 "$binary" serve --source "$test_dir/serve-site" --port 0 \
    >"$inside/serve.log" 2>&1 &
serve_pid=$!
port=""
for _ in $(seq 1 600); do
    port=$(sed -n 's|.*at http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$inside/serve.log" | head -n 1)
    [ -n "$port" ] && grep -q "for changes" "$inside/serve.log" && break
    sleep 0.1
done
if [ -z "$port" ]; then
    echo "check-package.sh: mieruka serve did not start in the Debian root:" >&2
    cat "$inside/serve.log" >&2
    exit 1
fi
run_inside /bin/bash -c "exec 3<>/dev/tcp/127.0.0.1/$port && printf 'GET / HTTP/1.1\\r\\nHost: 127.0.0.1\\r\\nConnection: close\\r\\n\\r\\n' >&3 && timeout 30 cat <&3" >"$inside/serve-response"
kill "$serve_pid"
wait "$serve_pid" 2>/dev/null || true
serve_pid=""
if ! head -n 1 "$inside/serve-response" | grep -q "^HTTP/1.1 200"; then
    echo "check-package.sh: mieruka serve in the Debian root did not answer 200 for /:" >&2
    head -n 20 "$inside/serve-response" >&2
    exit 1
fi
grep -q "サンプル市" "$inside/serve-response" || {
    echo "check-package.sh: the page mieruka serve sent is not the init site's home page" >&2
    exit 1
}

reference=$(mktemp -d)
"$normal" build --source "$inside/demo" --output "$reference/demo-public" >/dev/null
"$normal" init "$reference/init-site" >/dev/null
"$normal" build --source "$reference/init-site" >/dev/null
diff -r "$reference/demo-public" "$inside/demo-public"
diff -r "$reference/demo-public" "$inside/demo-xlsx-public"
# (Not the record of the workbooks beside public/: it names the binary that wrote them, which differs.)
diff -r -x .public.mieruka-workbooks "$reference/init-site" "$inside/init-site"
echo "check-package.sh: $name runs in a Debian root without Swift; the demo site (from its CSV and from a workbook) and an init site are byte for byte those of $normal; serve answers"
