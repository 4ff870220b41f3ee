#!/usr/bin/env bash
# Builds helmfile (github.com/helmfile/helmfile, from the Go module proxy) into ~/.cache/envforge/tools/bin for
# bench/run.sh. Its go.mod carries `replace` lines (k8s.io/api, apimachinery, client-go), so `go install MODULE@V`
# refuses it; building inside the downloaded module folder uses the module's own go.mod and go.sum unchanged.
# go.mod says `go 1.26.6`; GOTOOLCHAIN=go1.27.3 is what this machine's other builds use. -p bounds parallelism
# (2 shared cores). Version stamping: helmfile's Makefile, GO_BUILD_VERSION_LDFLAGS (go.szostok.io/version).
set -euo pipefail
VERSION=${HELMFILE_VERSION:-v1.8.0}
BIN=${ENVFORGE_TOOLS_BIN:-/root/.cache/envforge/tools/bin}
export GOMODCACHE=${GOMODCACHE:-/root/.cache/envforge/go-mod} GOCACHE=${GOCACHE:-/root/.cache/envforge/go-build}
export GOTOOLCHAIN=${GOTOOLCHAIN:-go1.27.3} GOFLAGS=-mod=readonly CGO_ENABLED=0
[ -x "$BIN/helmfile" ] && "$BIN/helmfile" --version 2>/dev/null | grep -q "${VERSION#v}" && exit 0
DIR=$(go mod download -json "github.com/helmfile/helmfile@$VERSION" | python3 -c 'import json,sys; print(json.load(sys.stdin)["Dir"])')
mkdir -p "$BIN"
cd "$DIR"
go build -p "${GO_BUILD_P:-1}" -trimpath -o "$BIN/helmfile.tmp" \
  -ldflags "-s -w -X go.szostok.io/version.version=$VERSION -X go.szostok.io/version.dirtyBuild=false" .
mv "$BIN/helmfile.tmp" "$BIN/helmfile"
