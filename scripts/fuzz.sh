#!/bin/sh
# Fuzzes one of Mieruka's readers with libFuzzer and AddressSanitizer for a while.
#
#   scripts/fuzz.sh TARGET SECONDS [libFuzzer options…]
#   scripts/fuzz.sh all SECONDS          each target in turn, SECONDS each
#
# TARGET is one of: yaml, front-matter, csv, values, templates, markdown (the files in Tests/Fuzz
# say what each asserts). The libraries are built with coverage and AddressSanitizer
# (MIERUKA_FUZZ=1, see the end of Package.swift) into .build-fuzz, and each target is linked into
# its own fuzzer with `swiftc -sanitize=fuzzer,address`. The corpus starts from the demo site and
# the test fixtures (and, for values, the forms people type, written below), and grows in
# .build-fuzz/corpus/TARGET between runs. Inputs that crash or break a property are kept in
# .build-fuzz/findings/TARGET/; once fixed, each becomes a file in Tests/Fuzz/findings/TARGET/,
# which every run replays first. Prints one line per target:
#   fuzz TARGET: N executions in S s, K findings   (S: the seconds it ran; a finding stops it early)
# and exits 1 when a target found anything.
set -eu
cd "$(dirname "$0")/.."
# MIERUKA_FUZZ_TIMEOUT (seconds, default 10) is how long one input may run before it counts as a
# hang; raise it on a loaded machine, where a slow input is not a hang.
# Swift's own crash handler gets in the way of AddressSanitizer's report.
export SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0
if [ $# -lt 2 ]; then
    echo "usage: scripts/fuzz.sh TARGET|all SECONDS [libFuzzer options…]" >&2
    exit 2
fi
target=$1
seconds=$2
shift 2
scratch=${MIERUKA_FUZZ_SCRATCH:-.build-fuzz}
all_targets="yaml front-matter csv values templates markdown"

module_of() {
    case "$1" in
        yaml) echo FuzzYAML ;;
        front-matter) echo FuzzFrontMatter ;;
        csv) echo FuzzCSV ;;
        values) echo FuzzValues ;;
        templates) echo FuzzTemplates ;;
        markdown) echo FuzzMarkdown ;;
        *)
            echo "scripts/fuzz.sh: unknown target $1 (one of: $all_targets, all)" >&2
            exit 2
            ;;
    esac
}

# Seeds from the repository's own files: copies under names made of their paths.
seed() {
    corpus=$1
    shift
    for file in "$@"; do
        [ -f "$file" ] && cp "$file" "$corpus/seed-$(echo "$file" | tr '/' '_')"
    done
    return 0
}

build_fuzzer() {
    module=$1
    MIERUKA_FUZZ=1 swift build -c release --scratch-path "$scratch" --target "$module" >"$scratch/build-$module.log" 2>&1 || {
        tail -n 30 "$scratch/build-$module.log" >&2
        exit 1
    }
    objects=""
    for folder in "$scratch"/release/*.build; do
        case "$(basename "$folder" .build)" in
            "$module" | FuzzSupport | Mieruka* | CMierukaSystem | ZIPFoundation)
                for object in "$folder"/*.o; do
                    [ -f "$object" ] && objects="$objects $object"
                done
                ;;
        esac
    done
    mkdir -p "$scratch/fuzzers"
    # shellcheck disable=SC2086
    swiftc -sanitize=fuzzer,address -o "$scratch/fuzzers/$module" $objects -lcmark -lyaml -lz >"$scratch/link-$module.log" 2>&1 || {
        grep -v "Cannot export local symbol" "$scratch/link-$module.log" | tail -n 30 >&2
        exit 1
    }
}

run_target() {
    name=$1
    shift
    module=$(module_of "$name")
    mkdir -p "$scratch"
    build_fuzzer "$module"
    corpus="$scratch/corpus/$name"
    findings="$scratch/findings/$name"
    mkdir -p "$corpus" "$findings"
    case "$name" in
        yaml) seed "$corpus" mieruka.yml $(find seeds Tests/Fixtures -name '*.yml') ;;
        front-matter | markdown) seed "$corpus" $(find content Tests/Fixtures -name '*.md') ;;
        csv) seed "$corpus" $(find seeds Tests/Fixtures -name '*.csv') ;;
        templates) seed "$corpus" $(find Sources/MierukaRender/Theme Tests/Fixtures -name '*.mustache') ;;
        values)
            # The forms the value parsers accept, as people type them (made-up values).
            n=0
            for value in "1,234" "１，２３４" "94.8" "△2" "▲140" "-3" "9,718人" "28.6億円" "17億7,700万円" "40億5千万円" \
                "107,077千円" "36百万円" "△2,000" "令和6年度" "令和元年度" "平成29年度" "R6" "H29" "2024" "2024年度" \
                "H28～R2" "2020～2024年度" "９４．３％" "80%台" "0.5" "999,999,999,999,999"; do
                n=$((n + 1))
                printf '%s' "$value" >"$corpus/seed-value-$n"
            done
            ;;
    esac
    # Known findings, fixed: replayed first, each must pass.
    if [ -d "Tests/Fuzz/findings/$name" ] && [ -n "$(ls "Tests/Fuzz/findings/$name")" ]; then
        "$scratch/fuzzers/$module" "Tests/Fuzz/findings/$name"/* >"$scratch/replay-$name.log" 2>&1 || {
            tail -n 30 "$scratch/replay-$name.log" >&2
            echo "fuzz $name: a known finding fails again (Tests/Fuzz/findings/$name)" >&2
            exit 1
        }
    fi
    log="$scratch/fuzz-$name.log"
    # libFuzzer also keeps "slow-unit-…" inputs: slow on this machine at this moment, not findings.
    before=$(ls "$findings" | grep -vc '^slow-unit-' || true)
    status=0
    started=$(date +%s)
    "$scratch/fuzzers/$module" "$corpus" -max_total_time="$seconds" -timeout="${MIERUKA_FUZZ_TIMEOUT:-10}" \
        -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 -artifact_prefix="$findings/" "$@" >"$log" 2>&1 || status=$?
    executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    after=$(ls "$findings" | grep -vc '^slow-unit-' || true)
    # The time it ran: a finding stops libFuzzer before the time it was given.
    elapsed=$(($(date +%s) - started))
    echo "fuzz $name: ${executions:-0} executions in $elapsed s, $((after - before)) findings (corpus $(ls "$corpus" | wc -l) inputs)"
    if [ "$status" -ne 0 ] || [ "$after" -gt "$before" ]; then
        grep -E "^(fuzz property broken|==[0-9]+==ERROR|SUMMARY)" "$log" | head -n 5 >&2 || true
        echo "  see $log and $findings/" >&2
        found=1
    fi
}

found=0
if [ "$target" = all ]; then
    for each in $all_targets; do run_target "$each" "$@"; done
else
    run_target "$target" "$@"
fi
exit $found
