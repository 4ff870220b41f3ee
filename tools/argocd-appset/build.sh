#!/usr/bin/env bash
# Builds the Argo CD ApplicationSet harness (tools/argocd-appset, Argo CD v3.6.1) into
# ${ENVFORGE_TOOLS:-/root/.cache/envforge/tools}/bin/argocd-appset, and what its repo-server runs from PATH into
# .../bin/argocd-appset-path/ (a folder of its own, so that nothing there shadows another tool on PATH): the kustomize
# CLI (kustomize/main.go) and Argo CD's hack/git-verify-wrapper.sh, taken from the Argo CD module as its Dockerfile
# takes it (the repo-server runs it before generating manifests, reposerver/repository runRepoOperation).
# Idempotent: does nothing when all were built from the same go.mod, go.sum and sources (the stamp file says so).
# Called by .ci/setup.
#
# Argo CD v3.6.1's go.mod says `go 1.27.0`, so the Go toolchain 1.27.3 is fetched through the module proxy
# (GOTOOLCHAIN). `-p 1` shares the machine's two cores; measured figures are in README.md.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bin_dir="${ENVFORGE_TOOLS:-/root/.cache/envforge/tools}/bin"
binary="$bin_dir/argocd-appset"
stamp="$binary.stamp"
path_dir="$bin_dir/argocd-appset-path"
kustomize="$path_dir/kustomize"
want="$(cat "$here/go.mod" "$here/go.sum" "$here/main.go" "$here/kustomize/main.go" | sha256sum | cut -d' ' -f1)"
if [ -x "$binary" ] && [ -x "$kustomize" ] && [ -x "$path_dir/git-verify-wrapper.sh" ] && [ -f "$stamp" ] \
  && [ "$(cat "$stamp")" = "$want" ]; then
  echo "argocd-appset: up to date ($binary)"
  exit 0
fi

export GOTOOLCHAIN="${ARGOCD_APPSET_GOTOOLCHAIN:-go1.27.3}"
export GOCACHE="${GOCACHE:-/root/.cache/envforge/go-build}"
export GOMODCACHE="${GOMODCACHE:-/root/.cache/envforge/go-mod}"
export GOFLAGS="-mod=readonly"
export CGO_ENABLED=0
mkdir -p "$bin_dir" "$path_dir"
echo "argocd-appset: building (Argo CD v3.6.1, $GOTOOLCHAIN, -p ${ARGOCD_APPSET_P:-1}); first build takes minutes"
tmp="$(mktemp -d "$bin_dir/.argocd-appset.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
(cd "$here" && go build -p "${ARGOCD_APPSET_P:-1}" -trimpath -ldflags "-s -w" -o "$tmp/" . ./kustomize)
argocd_dir="$(cd "$here" && go mod download -json github.com/argoproj/argo-cd/v3 | sed -n 's/^\t"Dir": "\(.*\)",$/\1/p')"
install -m 0755 "$argocd_dir/hack/git-verify-wrapper.sh" "$path_dir/git-verify-wrapper.sh"
mv -f "$tmp/kustomize" "$kustomize"
mv -f "$tmp/argocd-appset" "$binary"
echo "$want" > "$stamp"
echo "argocd-appset: built $binary"
