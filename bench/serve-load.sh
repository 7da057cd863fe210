#!/usr/bin/env bash
# `mieruka serve` under load, side by side with `hugo server`, on the 10,000-page corpus.
#
#   bench/serve-load.sh            (PAGES=10000; 1000 for a quick look)
#
# Both servers serve the same generated corpus (made-up data: ../shared/bench/gen_corpus.py, seed
# 42; converted to Mieruka's format by bench/convert_corpus.py), on 127.0.0.1 only, each with its
# defaults (Hugo renders to memory and injects its live-reload script; Mieruka reads its served
# folder and injects its reload script), except that Hugo runs with --disableFastRender: in its
# default fast render mode it renders pages again as they are asked for, and answered 27-41
# requests/s here instead of thousands (measured on 2026-12-05), which is no fair comparison. wrk asks, in turn, for SAMPLE (500) of each site's
# pages, the same sample every run (sorted, every Nth), each page asked for once beforehand (Hugo
# renders a page again on its first visit), with 1 connection (1 thread) and with 64
# connections (2 threads), DURATION seconds each (default 10) after a 2 s warm-up, alternating
# Hugo then Mieruka ROUNDS times (default 1). Prints per run p50, p99 and requests/s, and last:
#
#   1 connection:   mieruka p50 X ms, p99 Y ms, N req/s | hugo ...
#   64 connections: ...
#   goals: p99 on 1 connection < 2 ms: yes/no; 64 connections >= 0.5 x hugo's req/s: yes/no (ratio R)
#
# Env: PAGES, DURATION, ROUNDS, SAMPLE, SEED, WORK (/tmp/mieruka-bench), SHARED_BENCH, MIERUKA (a
# built binary; by default the release build is made with swift build -c release).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
PAGES=${PAGES:-10000}
DURATION=${DURATION:-10}
ROUNDS=${ROUNDS:-1}
SAMPLE=${SAMPLE:-500}
SEED=${SEED:-42}
WORK=${WORK:-/tmp/mieruka-bench}
shared=${SHARED_BENCH:-$root/../shared/bench}
case $PAGES in
  1000) plans=10; items=99 ;;
  10000) plans=20; items=499 ;;
  *) echo "PAGES must be 1000 or 10000" >&2; exit 2 ;;
esac
[ "$DURATION" -le 120 ] || { echo "DURATION is at most 120 s" >&2; exit 2; }
[ -f "$shared/gen_corpus.py" ] || { echo "no reference benchmark at $shared (set SHARED_BENCH)" >&2; exit 2; }
for tool in hugo wrk curl; do command -v $tool >/dev/null || { echo "$tool is not installed" >&2; exit 2; }; done
python3 -c 'import yaml' 2>/dev/null || { echo "PyYAML is needed (pip install pyyaml)" >&2; exit 2; }

mkdir -p "$WORK"
corpus=$WORK/corpus-$PAGES
site=$WORK/mieruka-site-$PAGES
stamp="plans=$plans items=$items seed=$SEED gen=$(sha256sum "$shared/gen_corpus.py" | cut -c1-16) conv=$(sha256sum "$here/convert_corpus.py" | cut -c1-16)"
if [ "$(cat "$site/.stamp" 2>/dev/null || true)" != "$stamp" ]; then
  echo "generating the corpus ($stamp)" >&2
  rm -rf "$corpus" "$site"
  python3 "$shared/gen_corpus.py" --plans "$plans" --items "$items" --seed "$SEED" --out "$corpus" >&2
  python3 "$here/convert_corpus.py" "$corpus/content" "$site"
  echo "$stamp" >"$site/.stamp"
fi
hugo_site=$WORK/serve-load-hugo-site
rm -rf "$hugo_site" && cp -r "$shared/hugo-site" "$hugo_site"

if [ -z "${MIERUKA:-}" ]; then
  (cd "$root" && swift build -c release --product mieruka >&2)
  MIERUKA=$root/.build/release/mieruka
fi

# The pages to ask for: each tool's own HTML pages, as a build of the same corpus writes them
# (made once per corpus and kept in $lists).
lists=$WORK/serve-load-$PAGES
if [ "$(cat "$lists/.stamp" 2>/dev/null || true)" != "$stamp sample=$SAMPLE" ]; then
  rm -rf "$lists" && mkdir -p "$lists"
  "$MIERUKA" build --source "$site" --output "$lists/out-mieruka" >/dev/null
  hugo --quiet --source "$hugo_site" --contentDir "$corpus/content" --destination "$lists/out-hugo" \
    --cacheDir "$lists/hugo-cache" >/dev/null
  sample() { # folder → every Nth page path, as a URL path
    (cd "$1" && find . -name index.html | sed 's|^\.||; s|index\.html$||' | LC_ALL=C sort) \
      | awk -v n="$SAMPLE" '{ all[NR] = $0 } END { step = NR / n; if (step < 1) step = 1; for (i = 1; i <= NR; i += step) print all[int(i)] }'
  }
  sample "$lists/out-mieruka" >"$lists/mieruka.paths"
  sample "$lists/out-hugo" >"$lists/hugo.paths"
  rm -rf "$lists/out-mieruka" "$lists/out-hugo" "$lists/hugo-cache"
  echo "$stamp sample=$SAMPLE" >"$lists/.stamp"
fi
echo "pages asked for: $(wc -l <"$lists/mieruka.paths") of Mieruka's, $(wc -l <"$lists/hugo.paths") of Hugo's" >&2

cat >"$lists/paths.lua" <<'LUA'
local paths = {}
for line in io.lines(os.getenv("PATHS_FILE")) do paths[#paths + 1] = line end
local i = 0
function setup(thread) thread:set("offset", math.random(#paths)) end
function init() i = offset or 0 end
function request()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT p50 %.3f p99 %.3f rps %.1f errors %d non2xx %d\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.requests / (summary.duration / 1e6), e.connect + e.read + e.write + e.timeout, e.status))
end
LUA

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

wait_for() { # log needle seconds
  local waited=0
  until grep -q "$2" "$1" 2>/dev/null; do
    sleep 0.2; waited=$((waited + 1))
    [ $waited -lt $(($3 * 5)) ] || { echo "not ready: $(cat "$1")" >&2; exit 1; }
  done
}

mport=$(free_port)
"$MIERUKA" serve --source "$site" --host 127.0.0.1 --port "$mport" >"$lists/mieruka.log" 2>&1 &
pids+=($!); mpid=$!
wait_for "$lists/mieruka.log" "Ctrl-C to stop" 120
hport=$(free_port)
hugo server --source "$hugo_site" --contentDir "$corpus/content" --bind 127.0.0.1 --port "$hport" \
  --disableFastRender --cacheDir "$lists/hugo-cache" >"$lists/hugo.log" 2>&1 &
pids+=($!); hpid=$!
wait_for "$lists/hugo.log" "Web Server is available" 180
for check in "mieruka $mport" "hugo $hport"; do
  set -- $check
  first=$(head -1 "$lists/$1.paths")
  code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$2$first")
  [ "$code" = 200 ] || { echo "$1 answers $first with $code" >&2; exit 1; }
done

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) processors)"
# Every sampled page once before measuring: Hugo's server (in its default fast render mode)
# renders a page again on its first visit, so the measured requests would otherwise be renders.
warm() { # port paths
  python3 - "$1" "$2" <<'PY'
import http.client, sys
connection = http.client.HTTPConnection("127.0.0.1", int(sys.argv[1]), timeout=60)
for path in open(sys.argv[2]).read().split():
    connection.request("GET", path)
    connection.getresponse().read()
PY
}
warm "$hport" "$lists/hugo.paths"
warm "$mport" "$lists/mieruka.paths"
rss() { awk '/^VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }
results=$lists/results.txt
: >"$results"
load() { # tool port connections threads seconds → RESULT line
  PATHS_FILE="$lists/$1.paths" wrk -t "$4" -c "$3" -d "${5}s" --latency -s "$lists/paths.lua" \
    "http://127.0.0.1:$2" | grep '^RESULT'
}
for round in $(seq 1 "$ROUNDS"); do
  for connections in 1 64; do
    threads=$([ "$connections" = 1 ] && echo 1 || echo 2)
    for tool in hugo mieruka; do
      port=$([ $tool = hugo ] && echo "$hport" || echo "$mport")
      pid=$([ $tool = hugo ] && echo "$hpid" || echo "$mpid")
      load $tool "$port" "$connections" "$threads" 2 >/dev/null
      line=$(load $tool "$port" "$connections" "$threads" "$DURATION")
      echo "$tool $connections $line rss_mib $(rss "$pid")" | tee -a "$results" >&2
    done
  done
done

summary() { # tool connections → "p50 X ms, p99 Y ms, N req/s" (medians over rounds)
  awk -v t="$1" -v c="$2" '$1 == t && $2 == c { n++; p50[n] = $5; p99[n] = $7; rps[n] = $9 }
    function med(a, n,   i, j, x) { for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { x = a[i]; a[i] = a[j]; a[j] = x }
      return a[int((n + 1) / 2)] }
    END { printf "p50 %.3f ms, p99 %.3f ms, %.0f req/s", med(p50, n), med(p99, n), med(rps, n) }' "$results"
}
value() { awk -v t="$1" -v c="$2" -v f="$3" '$1 == t && $2 == c { v = $f } END { print v }' "$results"; }
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "1 connection:   mieruka $(summary mieruka 1) | hugo $(summary hugo 1)"
echo "64 connections: mieruka $(summary mieruka 64) | hugo $(summary hugo 64)"
echo "errors: mieruka $(value mieruka 64 11) + $(value mieruka 1 11), hugo $(value hugo 64 11) + $(value hugo 1 11); non-2xx: mieruka $(value mieruka 64 13), hugo $(value hugo 64 13)"
awk -v p99="$(value mieruka 1 7)" -v m="$(value mieruka 64 9)" -v h="$(value hugo 64 9)" 'BEGIN {
  printf "goals: p99 on 1 connection < 2 ms: %s; 64 connections >= 0.5 x hugo req/s: %s (ratio %.2f)\n",
    (p99 < 2 ? "yes" : "no"), (m >= 0.5 * h ? "yes" : "no"), m / h }'
