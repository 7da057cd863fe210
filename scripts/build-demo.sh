#!/bin/sh
# Builds the demo site (the repository root) into public/, installing libcmark-dev if missing.
set -eu
cd "$(dirname "$0")/.."
scripts/install-system-packages.sh libcmark-dev libyaml-dev pkg-config
swift build -c release --product mieruka
.build/release/mieruka build "$@"
