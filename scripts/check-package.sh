#!/bin/sh
# Tests the release tarball where there is no Swift: unpacks it into a clean Debian root made with
# debootstrap (minbase: no Swift, no compiler, no -dev packages, not even libcmark or libyaml),
# builds the demo site and a site made by `mieruka init` there, and compares both, file by file,
# with what the normal build of the same commit makes. Then the newcomer's remaining steps: the
# demo with a workbook in seeds/ in place of a CSV (Kodaira's H29 results, the same pages), and
# `mieruka serve` on the init site answering a request for its home page, and the CI recipes init
# writes (GitHub Actions, GitLab CI) run step by step as in a city's repository.
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

scripts/install-system-packages.sh debootstrap python3-yaml
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
    [ -n "$port" ] && grep -q "^mieruka: .*watching mieruka.yml" "$inside/serve.log" && break
    sleep 0.1
done
if [ -z "$port" ]; then
    echo "check-package.sh: mieruka serve did not start in the Debian root:" >&2
    cat "$inside/serve.log" >&2
    exit 1
fi
run_inside /bin/bash -c "exec 3<>/dev/tcp/127.0.0.1/$port && printf 'GET / HTTP/1.1\\r\\nHost: 127.0.0.1\\r\\nConnection: close\\r\\n\\r\\n' >&3 && timeout 30 cat <&3" >"$inside/serve-response"
# serve must end on SIGTERM (as a service manager stops it), within 30 s.
# (A process that has ended stays a zombie, state Z, until waited for.)
running() {
    case "$(sed -n 's/^[0-9]* (.*) \([A-Za-z]\) .*/\1/p' "/proc/$1/stat" 2>/dev/null)" in
    "" | Z) return 1 ;;
    *) return 0 ;;
    esac
}
kill "$serve_pid"
for _ in $(seq 1 300); do
    running "$serve_pid" || break
    sleep 0.1
done
if running "$serve_pid"; then
    kill -9 "$serve_pid" 2>/dev/null || true
    echo "check-package.sh: mieruka serve in the Debian root did not stop within 30 s of SIGTERM:" >&2
    cat "$inside/serve.log" >&2
    exit 1
fi
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

# The CI recipe init writes, run as the CI services would run it in a city's repository that has
# the tarball committed in tools/: scripts/ci-recipe.py reads the steps from the files init wrote
# (GitHub's own actions, checkout and Pages, cannot run here and are listed as skipped). On a push
# to main both check and build with the Pages address; on a pull request, a results file with a
# grade off the scale must fail the job with an annotation on its line.
run_inside "$binary" init "$test_dir/ci-site" >/dev/null
mkdir -p "$inside/ci-site/tools"
cp "$tarball" "$inside/ci-site/tools/"
run_ci() { # service event
    rm -rf "$inside/ci-site/public" "$inside/ci-site/.mieruka"
    /usr/bin/python3 scripts/ci-recipe.py "$inside/ci-site" "$1" "$2" >"$inside/ci-$1-$2.sh"
    chroot "$root" /usr/bin/env -i PATH=/usr/bin:/bin LANG=C.UTF-8 \
        GITHUB_PAGES_BASE_URL=https://example.github.io/site CI_PAGES_URL=https://example.gitlab.io/site \
        /bin/sh -c "cd $test_dir/ci-site && sh $test_dir/ci-$1-$2.sh" >"$inside/ci-$1-$2.log" 2>&1
}
for service in github gitlab; do
    for event in push pull_request; do
        run_ci "$service" "$event" || {
            echo "check-package.sh: the $service CI recipe failed on a $event in the Debian root:" >&2
            tail -n 30 "$inside/ci-$service-$event.log" >&2
            exit 1
        }
        [ -f "$inside/ci-site/public/index.html" ] || {
            echo "check-package.sh: the $service CI recipe on a $event made no public/index.html" >&2
            exit 1
        }
    done
    [ "$service" = github ] && address=https://example.github.io/site/ || address=https://example.gitlab.io/site/
    # (the last run was a pull request: built with the site's own base_url; run the push again)
    run_ci "$service" push
    grep -q "$address" "$inside/ci-site/public/sitemap.xml" || {
        echo "check-package.sh: the $service CI recipe did not build for the Pages address $address" >&2
        exit 1
    }
done
sed -i 's/^    grade: C$/    grade: Z/' "$inside/ci-site/seeds/gyokaku/R6.yml"
if run_ci github pull_request; then
    echo "check-package.sh: the GitHub CI recipe passed a pull request with a grade off the scale" >&2
    exit 1
fi
grep -q "^::error file=seeds/gyokaku/R6.yml,line=12," "$inside/ci-github-pull_request.log" || {
    echo "check-package.sh: the failing pull request has no annotation on seeds/gyokaku/R6.yml line 12:" >&2
    tail -n 20 "$inside/ci-github-pull_request.log" >&2
    exit 1
}
if run_ci gitlab pull_request; then
    echo "check-package.sh: the GitLab CI recipe passed a branch with a grade off the scale" >&2
    exit 1
fi
grep -q "seeds/gyokaku/R6.yml:12:" "$inside/ci-gitlab-pull_request.log" || {
    echo "check-package.sh: the failing GitLab job does not locate the error in seeds/gyokaku/R6.yml:" >&2
    tail -n 20 "$inside/ci-gitlab-pull_request.log" >&2
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
echo "check-package.sh: $name runs in a Debian root without Swift; the demo site (from its CSV and from a workbook) and an init site are byte for byte those of $normal; serve answers; init's GitHub and GitLab CI recipes check, build and publish, and fail a broken pull request on its line"
