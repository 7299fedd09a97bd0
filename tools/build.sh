#!/usr/bin/env bash
# Release build into dist/. wasm-opt 132 comes from node_modules/.bin (never Debian's 108).
set -euo pipefail
cd "$(dirname "$0")/.."
# DIST=/some/dir builds elsewhere (parallel runs on one machine); the tests read the same variable.
DIST="${DIST:-dist}"
printf '\033[1m==> %s\033[0m\n' "Building the release into $DIST/ (trunk build --release)"
PATH="$PWD/node_modules/.bin:$PATH" trunk build --release --dist "$DIST"
