#!/usr/bin/env bash
# Sets up what is missing, builds the release and serves it on http://127.0.0.1:8080/.
# PORT=9000 or BASE=/tools/thc/ change where it is served.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh
bash tools/build.sh
exec node tools/serve.mjs --dir dist --port "${PORT:-8080}" --base "${BASE:-/}"
