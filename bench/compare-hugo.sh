#!/usr/bin/env bash
# Mieruka against Hugo on the same generated corpus, side by side.
#
#   bench/compare-hugo.sh PAGES     PAGES: 100 (gen_corpus.py --plans 2 --items 49: Mieruka's
#                                   156-page site), 1000, 10000, 50000 or 200000
#
# Also checks that both sides' pages carry the same information (bench/compare_information.py).
# Uses the reference material in ../shared/bench (set SHARED_BENCH to point elsewhere): its corpus
# generator (seeded, made-up data), its Hugo site, and Hugo 0.111 (Debian package hugo). The corpus
# is converted to Mieruka's format by bench/convert_corpus.py.
#
# Three cases, as users run the tools, each tool into its own output:
#   cold        a build into an empty folder;
#   unchanged   a rebuild of the same input into the output the cold build made;
#   one-change  a rebuild into that output after one item's document changed (a sentence is
#               added to the body of the first plan's first item, on both sides; a different one
#               in every round, so each round has a real change).
# Rounds alternate, Hugo then Mieruka for each case, RUNS rounds (default 3); each run starts after
# a sync and a wait for a quiet machine (as the reference harness does); wall time is taken around
# /usr/bin/time -v, which gives the peak RSS. Prints each run, then per case the medians and the
# ratios, and last the worst ratio of the three cases:
#
#   mieruka/hugo: wall X.XX, peak RSS Y.YY (worst of cold, unchanged, one-change)
#
# Mieruka is measured as city staff run it: the binary of the release tarball (scripts/package.sh,
# the Swift runtime and Foundation linked statically), which by default is made and unpacked here.
# A binary linked against the toolchain's shared libraries (swift build -c release) is not what
# users run, and it starts 5-6 MiB larger (the shared Foundation, ICU and Swift libraries it maps).
#
# DISK_LOAD=1 times both tools while another process writes files to the same disk, as on a shared
# CI runner: bench/disk_writer.py writes rounds of 4,000 small files (about 74 MB) under $WORK,
# flushes them and deletes the round before, until the runs are over. The runs then do not wait for a
# quiet machine (the writer is the load).
#
# Env: RUNS, SEED (42), WORK (/tmp/mieruka-bench), SHARED_BENCH, MIERUKA (a built binary instead of
# the tarball's), DISK_LOAD.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
pages=${1:?usage: bench/compare-hugo.sh PAGES (100, 1000, 10000, 50000 or 200000)}
case $pages in
  100) plans=2; items=49 ;;
  1000) plans=10; items=99 ;;
  10000) plans=20; items=499 ;;
  50000) plans=50; items=999 ;;
  200000) plans=200; items=999 ;;
  *) echo "PAGES must be 100, 1000, 10000, 50000 or 200000" >&2; exit 2 ;;
esac
RUNS=${RUNS:-3}
SEED=${SEED:-42}
WORK=${WORK:-/tmp/mieruka-bench}
shared=${SHARED_BENCH:-$root/../shared/bench}
[ -f "$shared/gen_corpus.py" ] || { echo "no reference benchmark at $shared (set SHARED_BENCH)" >&2; exit 2; }
command -v hugo >/dev/null || { echo "hugo is not installed (apt-get install -y hugo)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "GNU time is not installed (apt-get install -y time)" >&2; exit 2; }
python3 -c 'import yaml' 2>/dev/null || { echo "PyYAML is needed (pip install pyyaml)" >&2; exit 2; }

mkdir -p "$WORK"

# Deleting a large tree makes the next builds slower, on this machine, for about six minutes: its
# root file system is ext4 without a journal, and there ext4 does not reuse an inode freed in the
# last 60 s, or in the last 360 s while the block of the inode table that holds it is unwritten
# (fs/ext4/ialloc.c, recently_deleted()). Every new file and folder then scans past the freed
# inodes of its block group, each looked up in the block cache: in a perf profile of a cold
# 50,000-page build made a minute after a 50,000-page output was deleted, that scan was a fifth
# of the samples, and the build took 28 s instead of 21 s. A benchmark that deletes the previous
# outputs and starts at once charges each tool for the deletion of the earlier run's output.
# So every tree this script deletes is recorded, and `settle` waits until six minutes and ten
# seconds have passed since the last one before the first timed run. (Deletions by others, such
# as a `rm -rf` just before the script starts, cannot be seen: leave them six minutes too.)
deletions=$WORK/.last-deletion
delete() { rm -rf "$@"; date +%s >"$deletions"; }
settle() {
  local last wait
  last=$(cat "$deletions" 2>/dev/null || echo 0)
  wait=$((last + 370 - $(date +%s)))
  [ "$wait" -gt 0 ] || return 0
  sync
  echo "waiting $wait s for the file system to settle after this script's last deletion (see delete)" >&2
  sleep "$wait"
}
corpus=$WORK/corpus-$pages
site=$WORK/mieruka-site-$pages
stamp="plans=$plans items=$items seed=$SEED gen=$(sha256sum "$shared/gen_corpus.py" | cut -c1-16) conv=$(sha256sum "$here/convert_corpus.py" | cut -c1-16)"
if [ "$(cat "$site/.stamp" 2>/dev/null || true)" != "$stamp" ]; then
  echo "generating the corpus ($stamp)" >&2
  delete "$corpus" "$site" "$WORK/pristine-$pages"
  python3 "$shared/gen_corpus.py" --plans "$plans" --items "$items" --seed "$SEED" --out "$corpus" >&2
  python3 "$here/convert_corpus.py" "$corpus/content" "$site"
  echo "$stamp" >"$site/.stamp"
fi
hugo_site=$WORK/hugo-site
rm -rf "$hugo_site" && cp -r "$shared/hugo-site" "$hugo_site"

# The document the one-change case edits, on both sides; put back as generated when the script ends.
# (`sed -n 1p`, not `head -1`: head exits after one line, and sort, still writing the names of a
# 10,000-page corpus, is then killed by SIGPIPE, which pipefail made the script's silent exit 141.)
first_plan=$(cd "$corpus/content" && find . -mindepth 1 -maxdepth 1 -type d | sort | sed -n 1p | cut -c3-)
first_item=$(cd "$corpus/content/$first_plan" && ls | grep -v '^_index.md$' | grep '\.md$' | sort | sed -n 1p)
hugo_doc=$corpus/content/$first_plan/$first_item
mieruka_doc=$site/content/$first_plan/$first_item
pristine=$WORK/pristine-$pages
if [ ! -d "$pristine" ]; then  # (kept if an earlier run was killed before it could put them back)
  mkdir -p "$pristine" && cp "$hugo_doc" "$pristine/hugo.md" && cp "$mieruka_doc" "$pristine/mieruka.md"
fi
restore() { cp "$pristine/hugo.md" "$hugo_doc"; cp "$pristine/mieruka.md" "$mieruka_doc"; }
trap restore EXIT
edit() {
  restore
  printf '\nベンチマークの変更 %s 回目：この一文だけが前回と異なる。\n' "$1" | tee -a "$hugo_doc" >>"$mieruka_doc"
}

if [ -z "${MIERUKA:-}" ]; then
  tarball=$(cd "$root" && scripts/package.sh | tail -n 1)
  rm -rf "$WORK/tarball" && mkdir -p "$WORK/tarball"
  tar -xzf "$root/$tarball" -C "$WORK/tarball"
  MIERUKA=$(echo "$WORK"/tarball/*/mieruka)
fi
echo "mieruka: $MIERUKA ($("$MIERUKA" --version))" >&2

# quiet: as the reference harness does (../shared/bench/lib.sh, wait_quiet), wait until the other
# processes use under 10% of the machine over one second (30 s at most).
quiet() {
  [ -z "${DISK_LOAD:-}" ] || return 0
  local waited=0 n0 t0 n1 t1
  while :; do
    read -r n0 t0 < <(awk '/^cpu /{n=$2+$3+$4+$7+$8+$9; print n, n+$5+$6; exit}' /proc/stat)
    sleep 1
    read -r n1 t1 < <(awk '/^cpu /{n=$2+$3+$4+$7+$8+$9; print n, n+$5+$6; exit}' /proc/stat)
    if [ $(((n1 - n0) * 10)) -lt $((t1 - t0)) ] || [ "$waited" -ge 30 ]; then return; fi
    waited=$((waited + 1))
  done
}

# Each run writes into a folder of its own, and nothing is deleted while the runs last (see
# delete above). The outputs of earlier benchmarks are deleted first, then the file system is left
# to settle.
outputs=$WORK/outputs-$pages
earlier=("$outputs" "$WORK/old-outputs-$pages" "$WORK/out-hugo-$pages" "$WORK/out-mieruka-$pages")
for path in "${earlier[@]}"; do
  if [ -e "$path" ]; then delete "${earlier[@]}"; break; fi
done
mkdir -p "$outputs"
settle

# run NAME OUT -- CMD…: one timed run; appends "name wall_s rss_kb" to $results
results=$WORK/runs-$pages.tsv
: >"$results"
run() {
  local name=$1 out=$2; shift 3
  rm -rf "$hugo_site/resources" "$hugo_site/.hugo_build.lock" "$WORK/hugo-cache"
  sync
  quiet
  local log start end
  log=$(mktemp)
  start=$(date +%s.%N)
  /usr/bin/time -v "$@" >/dev/null 2>"$log" || { cat "$log" >&2; exit 1; }
  end=$(date +%s.%N)
  local rss
  rss=$(awk -F': ' '/Maximum resident set size/{print $2}' "$log")
  rm -f "$log"
  local wall
  wall=$(awk -v a="$start" -v b="$end" 'BEGIN{printf "%.3f", b-a}')
  printf '%s\t%s\t%s\n' "$name" "$wall" "$rss" | tee -a "$results" >&2
}

# both CASE ROUND: Hugo then Mieruka, each into its own output of this round.
both() {
  run "hugo-$1" "$outputs/hugo-$2" -- hugo --quiet --gc --source "$hugo_site" --contentDir "$corpus/content" \
    --destination "$outputs/hugo-$2" --cacheDir "$WORK/hugo-cache"
  run "mieruka-$1" "$outputs/mieruka-$2" -- "$MIERUKA" build --source "$site" --output "$outputs/mieruka-$2"
}

writer=
if [ -n "${DISK_LOAD:-}" ]; then
  python3 "$here/disk_writer.py" "$WORK/disk-writer" &
  writer=$!
  trap 'kill "$writer" 2>/dev/null; wait "$writer" 2>/dev/null; restore' EXIT
  echo "another process writes to the same disk meanwhile (bench/disk_writer.py, pid $writer)" >&2
  sleep 5
fi
for i in $(seq 1 "$RUNS"); do
  both cold "$i"
  both unchanged "$i"
  edit "$i"
  both one-change "$i"
done
if [ -n "$writer" ]; then kill "$writer"; wait "$writer" || true; trap restore EXIT; fi
# The last output of each is kept, for a look; the others too, until the next run of this size
# deletes them before it settles: deleted now, they would slow the benchmark of another size run
# right after this one (or make it wait six minutes).
mv "$outputs/hugo-$RUNS" "$WORK/out-hugo-$pages"
mv "$outputs/mieruka-$RUNS" "$WORK/out-mieruka-$pages"
mv "$outputs" "$WORK/old-outputs-$pages"

median() { awk -v n="$1" '$1==n{print $2}' "$results" | sort -n | awk '{a[NR]=$1} END{print (NR%2)? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
peak() { awk -v n="$1" '$1==n && $3>m{m=$3} END{print m}' "$results"; }
hugo_pages=$(find "$WORK/out-hugo-$pages" -name '*.html' | wc -l)
mieruka_pages=$(find "$WORK/out-mieruka-$pages" -name '*.html' | wc -l)
# The same information on both sides (bench/compare_information.py: every word of each Hugo page
# on Mieruka's page at the same path, after normalising what the two write differently on purpose).
python3 "$here/compare_information.py" "$WORK/out-hugo-$pages" "$WORK/out-mieruka-$pages" --show 5 | sed 's/^/  /' >&2 \
    || echo "  (the pages differ in information: see above)" >&2
printf '%s pages of corpus (Hugo writes %s HTML files, Mieruka %s), %s rounds%s\n' "$pages" "$hugo_pages" "$mieruka_pages" "$RUNS" \
  "${DISK_LOAD:+, while another process writes to the same disk}"
worst_wall=0; worst_rss=0
for case in cold unchanged one-change; do
  hw=$(median "hugo-$case"); mw=$(median "mieruka-$case"); hr=$(peak "hugo-$case"); mr=$(peak "mieruka-$case")
  printf '  %-10s hugo: median wall %6.2f s, peak RSS %7.1f MiB; mieruka: median wall %6.2f s, peak RSS %7.1f MiB\n' \
    "$case" "$hw" "$(awk -v k="$hr" 'BEGIN{print k/1024}')" "$mw" "$(awk -v k="$mr" 'BEGIN{print k/1024}')"
  read -r ww wr < <(awk -v mw="$mw" -v hw="$hw" -v mr="$mr" -v hr="$hr" 'BEGIN{printf "%.2f %.2f\n", mw/hw, mr/hr}')
  printf 'mieruka/hugo %s: wall %s, peak RSS %s\n' "$case" "$ww" "$wr"
  worst_wall=$(awk -v a="$worst_wall" -v b="$ww" 'BEGIN{print (b>a)?b:a}')
  worst_rss=$(awk -v a="$worst_rss" -v b="$wr" 'BEGIN{print (b>a)?b:a}')
done
printf 'mieruka/hugo: wall %.2f, peak RSS %.2f (worst of cold, unchanged, one-change)\n' "$worst_wall" "$worst_rss"
