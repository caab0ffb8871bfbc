#!/bin/sh
# Builds the Go reference renderer (../shared/tools/gotpl) into a scratch
# folder outside the repository and prints the binary's path on stdout.
#
# Usage: scripts/gotpl-build.sh [--install]
#   --install   apt-get install Go and the Debian Go libraries gotpl needs first.
# Env:  GOTPL_SRC  (default: <repo>/../shared/tools/gotpl)
#       GOTPL_OUT  (default: ${TMPDIR:-/tmp}/k8s-todo-lint-gotpl)
# Exit status 2 (and a message on stderr) when Go or the sources are missing,
# so callers can skip cleanly.
set -eu

here=$(cd "$(dirname "$0")/.." && pwd)
src=${GOTPL_SRC:-$here/../shared/tools/gotpl}
out=${GOTPL_OUT:-${TMPDIR:-/tmp}/k8s-todo-lint-gotpl}

if [ "${1:-}" = "--install" ]; then
  apt-get update -q >&2
  apt-get install -y -q golang-go golang-github-masterminds-sprig-dev golang-gopkg-yaml.v2-dev \
    golang-gopkg-yaml.v3-dev golang-github-gobwas-glob-dev golang-github-burntsushi-toml-dev >&2
fi

if [ ! -f "$src/main.go" ]; then
  echo "gotpl-build: no sources at $src" >&2
  exit 2
fi
if ! command -v go >/dev/null 2>&1; then
  echo "gotpl-build: go is not installed (run with --install)" >&2
  exit 2
fi
if [ ! -d /usr/share/gocode/src/github.com/Masterminds/sprig ]; then
  echo "gotpl-build: Debian's sprig sources are missing (run with --install)" >&2
  exit 2
fi

bin=$out/gotpl
# Rebuild only when main.go is newer than the binary.
if [ -x "$bin" ] && [ "$bin" -nt "$src/main.go" ]; then
  echo "$bin"
  exit 0
fi

mkdir -p "$out/gopath/src/github.com/Masterminds/sprig" "$out/gopath/src/github.com/Masterminds/semver"
# Debian installs sprig/semver without the /v3 suffix; GOPATH mode needs it.
ln -sfn /usr/share/gocode/src/github.com/Masterminds/sprig "$out/gopath/src/github.com/Masterminds/sprig/v3"
ln -sfn /usr/share/gocode/src/github.com/Masterminds/semver "$out/gopath/src/github.com/Masterminds/semver/v3"
(cd "$src" && GO111MODULE=off GOPATH="$out/gopath:/usr/share/gocode" GOCACHE="$out/gocache" \
  go build -o "$bin.tmp" . >&2)
mv "$bin.tmp" "$bin"
echo "$bin"
