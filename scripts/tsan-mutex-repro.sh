#!/bin/sh
# Shows why Mieruka uses its own `Lock` (Sources/MierukaParallel/Lock.swift) rather than
# `Synchronization.Mutex`: the same two-line program (scripts/tsan-mutex-repro/main.swift, four
# threads changing state only inside `withLock`) is built with `-sanitize=thread` once with Mutex
# and once with Lock, and each is run RUNS times (default 5). ThreadSanitizer reports a
# "Swift access race" in the Mutex program (Mutex waits on a futex TSan does not see) and nothing
# in the Lock program (a pthread mutex, which TSan intercepts). A third build adds a real race
# (a variable changed outside the lock) to the Lock program, which TSan must still report.
#
#   scripts/tsan-mutex-repro.sh        prints the reports counted per program; exits 1 when the
#                                      Lock program gets a report, the racy one none, or a count
#                                      is wrong
set -eu
cd "$(dirname "$0")/.."
runs=${RUNS:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export SWIFT_BACKTRACE=enable=no
swiftc -sanitize=thread -g -Onone -D USE_MUTEX -o "$work/with-mutex" scripts/tsan-mutex-repro/main.swift
swiftc -sanitize=thread -g -Onone -package-name repro -o "$work/with-lock" \
    scripts/tsan-mutex-repro/main.swift Sources/MierukaParallel/Lock.swift
swiftc -sanitize=thread -g -Onone -package-name repro -D RACE -o "$work/with-lock-and-a-race" \
    scripts/tsan-mutex-repro/main.swift Sources/MierukaParallel/Lock.swift
failed=0
for program in with-mutex with-lock with-lock-and-a-race; do
    reported=0
    for _ in $(seq "$runs"); do
        if ! "$work/$program" >"$work/out" 2>&1 && ! grep -q "ThreadSanitizer" "$work/out"; then
            echo "$program: wrong count or crash:" >&2
            cat "$work/out" >&2
            failed=1
        fi
        if grep -q "WARNING: ThreadSanitizer" "$work/out"; then reported=$((reported + 1)); fi
    done
    echo "$program: ThreadSanitizer reported a race in $reported of $runs runs"
    if [ "$program" = with-lock ] && [ "$reported" -ne 0 ]; then failed=1; fi
    if [ "$program" = with-lock-and-a-race ] && [ "$reported" -ne "$runs" ]; then failed=1; fi
done
exit $failed
