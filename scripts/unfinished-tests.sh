#!/bin/sh
# Names the tests of a Swift Testing log (swift test's output) that started and never ended: what
# was running when the run was stopped. Usage: scripts/unfinished-tests.sh LOG
set -eu
awk '
/◇ Test .* started\.$/ {
    name = $0; sub(/^.*◇ Test /, "", name); sub(/ started\.$/, "", name); running[name] = 1; next
}
/(✔|✘) Test .* (passed|failed) after / {
    name = $0; sub(/^.*(✔|✘) Test /, "", name); sub(/ (with [0-9]+ test cases? )?(passed|failed) after .*$/, "", name)
    delete running[name]
}
END { for (name in running) print "  " name }
' "$1" | sort
