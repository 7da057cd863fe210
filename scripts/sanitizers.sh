#!/bin/sh
# Builds and runs the whole Swift test suite, then a build of the demo site (twice: into a new
# folder and again into the same one) and a `check`, under a sanitizer:
#
#   scripts/sanitizers.sh address     AddressSanitizer (memory errors)
#   scripts/sanitizers.sh thread      ThreadSanitizer (data races), with --jobs 8
#   scripts/sanitizers.sh             both, one after the other
#
# Each sanitizer builds into its own folder (.build-address, .build-thread). Prints one line per
# sanitizer and exits 1 if any test failed or the sanitizer reported anything.
set -eu
cd "$(dirname "$0")/.."
scripts/install-system-packages.sh libcmark-dev libyaml-dev libdeflate-dev zlib1g-dev pkg-config
# Swift's own crash handler gets in the way of the sanitizers' reports.
export SWIFT_BACKTRACE=enable=no
sanitizers=${1:-"address thread"}
failed=0
for sanitizer in $sanitizers; do
    scratch=.build-$sanitizer
    log=$scratch/sanitizer.log
    mkdir -p "$scratch"
    : >"$log"
    # Tests run in parallel, except under ThreadSanitizer: there every thread is many times slower
    # to start and run, and with every serve test's server (a thread per connection) at once on
    # two cores, the HTTP tests' 10 s waits ran out with no answer yet (each passes when run alone,
    # and all do one after another). Each test's own threads still run together.
    serial=""
    case "$sanitizer" in
        address) export ASAN_OPTIONS=detect_leaks=0:halt_on_error=1 ;;
        thread)
            export TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1
            # The serve tests' waits (which only stop a hang) stretched to match.
            export MIERUKA_TEST_TIMEOUT_FACTOR=4
            serial=--no-parallel
            ;;
        *)
            echo "scripts/sanitizers.sh: unknown sanitizer $sanitizer (address or thread)" >&2
            exit 2
            ;;
    esac
    status=ok
    start=$(date +%s)
    if ! swift build --scratch-path "$scratch" --sanitize="$sanitizer" --build-tests >>"$log" 2>&1; then
        status="build failed"
    elif ! swift test --scratch-path "$scratch" --sanitize="$sanitizer" --skip-build $serial >>"$log" 2>&1; then
        status="tests failed"
    else
        site=$(mktemp -d)
        binary=$scratch/debug/mieruka
        if ! "$binary" build --jobs 8 --output "$site/public" >>"$log" 2>&1 \
            || ! "$binary" build --jobs 8 --output "$site/public" >>"$log" 2>&1 \
            || ! "$binary" check --jobs 8 >>"$log" 2>&1; then
            status="demo build failed"
        fi
        rm -rf "$site"
    fi
    if grep -qE "^(==[0-9]+==ERROR|WARNING: ThreadSanitizer|SUMMARY: (Address|Thread)Sanitizer)" "$log"; then
        status="sanitizer report"
    fi
    tests=$(grep -E "^(✔|✘) Test run with|Executed [0-9]+ tests" "$log" | tail -n 2 | tr '\n' ' ')
    echo "sanitizer $sanitizer: $status in $(($(date +%s) - start)) s; $tests(log: $log)"
    [ "$status" = ok ] || failed=1
done
exit $failed
