#!/usr/bin/env bash
# `mieruka serve` under change (bench/serve-change.py): 64 connections loading pages while 100
# saves are made (every fourth breaking the build, the next fixing it), every response checked
# against the complete builds; reload events per open page; resident memory and open descriptors
# over 500 rebuilds; Ctrl-C with 200 pages open.
#
#   bench/serve-change.sh            the demo site (this repository), copied to a temporary folder
#   bench/serve-change.sh 1000       the generated 1,000-page corpus (as bench/serve-load.sh makes it)
#   bench/serve-change.sh 10000      the generated 10,000-page corpus (slow: five full builds first,
#                                    and each rebuild makes the site's search index; fewer EDITS
#                                    and REBUILDS, say 20 and 40, give the Ctrl-C figure sooner)
#
# Env: CONNECTIONS (64), EDITS (100), REBUILDS (500), PAGES_OPEN (32), CTRL_C_PAGES (200), SAMPLE
# (200), SEED (42), WORK (/tmp/mieruka-bench), SHARED_BENCH (../shared/bench), MIERUKA (a built
# binary; by default the release build is made with swift build -c release).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
which=${1:-demo}
SEED=${SEED:-42}
WORK=${WORK:-/tmp/mieruka-bench}
shared=${SHARED_BENCH:-$root/../shared/bench}
mkdir -p "$WORK"

if [ -z "${MIERUKA:-}" ]; then
  (cd "$root" && swift build -c release --product mieruka >&2)
  MIERUKA=$root/.build/release/mieruka
fi

site=$WORK/serve-change-site
rm -rf "$site" && mkdir -p "$site"
case $which in
  demo)
    cp -r "$root/mieruka.yml" "$root/content" "$root/seeds" "$site/"
    for folder in templates static; do [ -d "$root/$folder" ] && cp -r "$root/$folder" "$site/"; done
    if [ -f "$root/.build-tools/check-site-results.json" ]; then
      mkdir -p "$site/.build-tools" && cp "$root/.build-tools/check-site-results.json" "$site/.build-tools/"
    fi
    ;;
  1000|10000)
    [ -f "$shared/gen_corpus.py" ] || { echo "no reference benchmark at $shared (set SHARED_BENCH)" >&2; exit 2; }
    if [ "$which" = 1000 ]; then plans=10; items=99; else plans=20; items=499; fi
    corpus=$WORK/corpus-$which
    generated=$WORK/mieruka-site-$which
    stamp="plans=$plans items=$items seed=$SEED gen=$(sha256sum "$shared/gen_corpus.py" | cut -c1-16) conv=$(sha256sum "$here/convert_corpus.py" | cut -c1-16)"
    if [ "$(cat "$generated/.stamp" 2>/dev/null || true)" != "$stamp" ]; then
      echo "generating the corpus ($stamp)" >&2
      rm -rf "$corpus" "$generated"
      python3 "$shared/gen_corpus.py" --plans "$plans" --items "$items" --seed "$SEED" --out "$corpus" >&2
      python3 "$here/convert_corpus.py" "$corpus/content" "$generated"
      echo "$stamp" >"$generated/.stamp"
    fi
    cp -r "$generated/." "$site/"
    ;;
  *) echo "usage: bench/serve-change.sh [demo|1000|10000]" >&2; exit 2 ;;
esac

python3 "$here/serve-change.py" "$MIERUKA" "$site" --connections "${CONNECTIONS:-64}" --edits "${EDITS:-100}" \
  --rebuilds "${REBUILDS:-500}" --pages-open "${PAGES_OPEN:-32}" --ctrl-c-pages "${CTRL_C_PAGES:-200}" \
  --sample "${SAMPLE:-200}"
