#!/usr/bin/env bash
# Latency of `mieruka serve`, from saving one item file to the reload event of the open pages.
#
#   bench/serve-latency.sh demo      the demo site (this repository), copied to a temporary folder
#   bench/serve-latency.sh 10000     the generated 10,000-page corpus (as bench/compare-hugo.sh makes it)
#
# Builds the release binary (scratch path MIERUKA_SCRATCH_PATH, default .build-serve), prepares
# the site, and runs bench/serve-latency.py on it: ROUNDS (default 15) saves of an item file, each
# timed from the write to the `reload` Server-Sent Event. Env: ROUNDS, SEED (42), WORK
# (/tmp/mieruka-bench), SHARED_BENCH (../shared/bench), MIERUKA (a built binary), JSON (results file).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
which=${1:?usage: bench/serve-latency.sh demo|10000}
ROUNDS=${ROUNDS:-15}
SEED=${SEED:-42}
WORK=${WORK:-/tmp/mieruka-bench}
shared=${SHARED_BENCH:-$root/../shared/bench}
scratch=${MIERUKA_SCRATCH_PATH:-$root/.build-serve}
mkdir -p "$WORK"

if [ -z "${MIERUKA:-}" ]; then
  (cd "$root" && swift build -c release --scratch-path "$scratch" --product mieruka >&2)
  MIERUKA=$scratch/release/mieruka
fi

case $which in
  demo)
    site=$WORK/serve-demo
    rm -rf "$site" && mkdir -p "$site"
    cp -r "$root/mieruka.yml" "$root/content" "$root/seeds" "$site/"
    for folder in templates static; do [ -d "$root/$folder" ] && cp -r "$root/$folder" "$site/"; done
    # The demo's settings name a results file of the accessibility checks (when there is one).
    if [ -f "$root/.build-tools/check-site-results.json" ]; then
      mkdir -p "$site/.build-tools" && cp "$root/.build-tools/check-site-results.json" "$site/.build-tools/"
    fi
    ;;
  10000)
    [ -f "$shared/gen_corpus.py" ] || { echo "no reference benchmark at $shared (set SHARED_BENCH)" >&2; exit 2; }
    python3 -c 'import yaml' 2>/dev/null || { echo "PyYAML is needed (pip install pyyaml)" >&2; exit 2; }
    corpus=$WORK/corpus-10000
    site=$WORK/mieruka-site-10000
    stamp="plans=20 items=499 seed=$SEED gen=$(sha256sum "$shared/gen_corpus.py" | cut -c1-16) conv=$(sha256sum "$here/convert_corpus.py" | cut -c1-16)"
    if [ "$(cat "$site/.stamp" 2>/dev/null || true)" != "$stamp" ]; then
      echo "generating the corpus ($stamp)" >&2
      rm -rf "$corpus" "$site"
      python3 "$shared/gen_corpus.py" --plans 20 --items 499 --seed "$SEED" --out "$corpus" >&2
      python3 "$here/convert_corpus.py" "$corpus/content" "$site"
      echo "$stamp" >"$site/.stamp"
    fi
    ;;
  *) echo "usage: bench/serve-latency.sh demo|10000" >&2; exit 2 ;;
esac

python3 "$here/serve-latency.py" "$MIERUKA" "$site" --rounds "$ROUNDS" ${JSON:+--json "$JSON"}
