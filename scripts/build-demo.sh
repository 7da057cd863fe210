#!/bin/sh
# Builds the demo site (the repository root) into public/, installing libcmark-dev if missing.
set -eu
cd "$(dirname "$0")/.."
scripts/install-system-packages.sh libcmark-dev libyaml-dev libdeflate-dev zlib1g-dev pkg-config
swift build -c release --product mieruka
# The accessibility test-results page publishes the last checks of scripts/test.sh, when there are any.
results=.build-tools/check-site-results.json
if [ -f "$results" ]; then
    .build/release/mieruka build --accessibility-results "$results" "$@"
else
    .build/release/mieruka build "$@"
fi
