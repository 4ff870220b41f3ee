#!/usr/bin/env bash
# Builds envforge's Helm engine library (this folder: Go, helm.sh/helm/v3 from the Go module proxy at the version
# helm-java embeds, see go.mod) into ~/.cache/envforge/tools/lib/libenvforge-helm-engine.so, where the generator
# looks for it (render/helm/NativeHelmEngine; ENVFORGE_TOOLS moves the folder). Without it the generator renders
# with helm-java, with the same output and about three times Helm's CPU (docs/benchmark.md, session 8).
# Needs Go and a C compiler (cgo, -buildmode=c-shared). It builds with Go 1.25.10, the toolchain of helm-java's own
# library (go.mod's toolchain line): GOTOOLCHAIN makes the local go command fetch it from the module proxy (about
# 5 s, once). Rebuilds only when the sources changed (a digest of them is kept beside the library). Cold: about a
# minute of compiling, after the modules are downloaded (most of them are the ones helmfile's build downloads too).
set -euo pipefail
cd "$(dirname "$0")"
LIB=${ENVFORGE_TOOLS:-$HOME/.cache/envforge/tools}/lib
export GOMODCACHE=${GOMODCACHE:-$HOME/.cache/envforge/go-mod} GOCACHE=${GOCACHE:-$HOME/.cache/envforge/go-build}
export GOFLAGS=-mod=readonly CGO_ENABLED=1 GOTOOLCHAIN=go1.25.10
sources=$(cat go.mod go.sum ./*.go manifests/*.go | sha256sum | cut -d' ' -f1)
if [ -f "$LIB/libenvforge-helm-engine.so" ] && [ "$(cat "$LIB/libenvforge-helm-engine.sources" 2>/dev/null)" = "$sources" ]; then
  exit 0
fi
mkdir -p "$LIB"
# manifests.Sort against Helm's releaseutil.SortManifests, on crafted and random files (go test caches a pass)
go test -p "${GO_BUILD_P:-2}" ./manifests
go build -p "${GO_BUILD_P:-2}" -buildmode=c-shared -trimpath -ldflags "-s -w -X main.sources=$sources" -o "$LIB/libenvforge-helm-engine.so.tmp" .
rm -f "$LIB"/libenvforge-helm-engine.so*.h
mv -f "$LIB/libenvforge-helm-engine.so.tmp" "$LIB/libenvforge-helm-engine.so"
echo "$sources" > "$LIB/libenvforge-helm-engine.sources"
echo "helm-engine: built $LIB/libenvforge-helm-engine.so"
