#!/bin/sh
# Runs every test: unit tests of each module, the fixture sites (valid and invalid) through the
# built `mieruka` binary, and the demo site's own checks. Installs what the tests need if missing.
set -eu
cd "$(dirname "$0")/.."
scripts/install-system-packages.sh libcmark-dev libyaml-dev pkg-config
swift build --build-tests
swift test --skip-build
.build/debug/mieruka check
