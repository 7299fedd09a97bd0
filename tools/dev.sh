#!/usr/bin/env bash
# The everyday loop: a debug build served by Trunk with live reload on http://127.0.0.1:8080/.
# Runs Trunk with the project's wasm-opt (binaryen 132 from node_modules) first on PATH, never
# Debian's, and with the debug service worker that unregisters itself (nothing is cached).
# PORT=9000 changes the port. It builds into target/dev-dist/, leaving the release in dist/ alone.
# For what users get, use tools/serve.sh (the release build).
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh
PATH="$PWD/node_modules/.bin:$PATH" exec trunk serve --dist target/dev-dist --port "${PORT:-8080}" --address 127.0.0.1
