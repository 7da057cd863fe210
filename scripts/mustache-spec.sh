#!/bin/sh
# Runs the Mustache specification through Mieruka's template engine.
#
#   scripts/mustache-spec.sh SPEC-FOLDER
#
# SPEC-FOLDER is the specs/ folder of a checkout of https://github.com/mustache/spec (kept outside
# this repository: its files are not ours to copy). Every case of every *.yml file there is
# rendered through the engine the site's templates use (parser, compiler, runtime), with the case's
# data as data-driven views (Sources/MustacheSpec). Prints per file, then in total,
# "N passed, M failed, K not supported", followed by each case that failed or is not supported
# and why. Exit status: 0 when no case failed, 1 when some did, 2 on misuse.
#
# MIERUKA_SCRATCH_PATH   SwiftPM's build folder (default .build)
set -eu
if [ $# -ne 1 ] || [ ! -d "$1" ]; then
    echo "usage: scripts/mustache-spec.sh SPEC-FOLDER (the specs/ folder of github.com/mustache/spec)" >&2
    exit 2
fi
folder=$(cd "$1" && pwd)
cd "$(dirname "$0")/.."
scratch=${MIERUKA_SCRATCH_PATH:-.build}
swift build --scratch-path "$scratch" --product mustache-spec >&2
exec "$scratch/debug/mustache-spec" "$folder"
