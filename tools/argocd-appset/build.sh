#!/usr/bin/env bash
# Builds the Argo CD ApplicationSet harness (tools/argocd-appset, Argo CD v3.6.1) into
# ${ENVFORGE_TOOLS:-/root/.cache/envforge/tools}/bin/argocd-appset. Idempotent: does nothing when the binary there was
# built from the same go.mod, go.sum and main.go (its stamp file says so). Called by .ci/setup.
#
# Argo CD v3.6.1's go.mod says `go 1.27.0`, so the Go toolchain 1.27.3 is fetched through the module proxy
# (GOTOOLCHAIN). `-p 1` shares the machine's two cores; measured figures are in README.md.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bin_dir="${ENVFORGE_TOOLS:-/root/.cache/envforge/tools}/bin"
binary="$bin_dir/argocd-appset"
stamp="$binary.stamp"

want="$(cat "$here/go.mod" "$here/go.sum" "$here/main.go" | sha256sum | cut -d' ' -f1)"
if [ -x "$binary" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  echo "argocd-appset: up to date ($binary)"
  exit 0
fi

export GOTOOLCHAIN="${ARGOCD_APPSET_GOTOOLCHAIN:-go1.27.3}"
export GOCACHE="${GOCACHE:-/root/.cache/envforge/go-build}"
export GOMODCACHE="${GOMODCACHE:-/root/.cache/envforge/go-mod}"
export GOFLAGS="-mod=readonly"
export CGO_ENABLED=0
mkdir -p "$bin_dir"
echo "argocd-appset: building (Argo CD v3.6.1, $GOTOOLCHAIN, -p ${ARGOCD_APPSET_P:-1}); first build takes minutes"
tmp="$binary.tmp.$$"
(cd "$here" && go build -p "${ARGOCD_APPSET_P:-1}" -trimpath -ldflags "-s -w" -o "$tmp" .)
mv -f "$tmp" "$binary"
echo "$want" > "$stamp"
echo "argocd-appset: built $binary"
