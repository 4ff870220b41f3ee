#!/usr/bin/env bash
# Builds the real components of the e2e tier from their Go modules (pinned by the wrapper modules beside this file)
# into a cache folder, and reuses what is there: a component is rebuilt only when its wrapper module changes.
#   tools/build-components.sh [NAME ...]   NAME: k8s etcd kwok source-controller kustomize-controller registry crds
#                                           (default: all)
# Cache: $ENVFORGE_TOOLS (default ~/.cache/envforge/tools); binaries in $ENVFORGE_TOOLS/bin. Each build prints its
# wall time and peak memory. Nothing is downloaded but Go modules, through the module proxy.
set -euo pipefail
tools=$(cd "$(dirname "$0")" && pwd)
cache=${ENVFORGE_TOOLS:-$HOME/.cache/envforge/tools}
bin=$cache/bin
mkdir -p "$bin"
export GOFLAGS=-mod=readonly CGO_ENABLED=0
# One Go build and module cache for every component (tools/argocd-appset/build.sh uses the same).
export GOCACHE=${GOCACHE:-$HOME/.cache/envforge/go-build} GOMODCACHE=${GOMODCACHE:-$HOME/.cache/envforge/go-mod}

k8s_version=v1.34.4 # tools/k8s/go.mod
k8s_ldflags="-s -w -X k8s.io/component-base/version.gitVersion=$k8s_version -X k8s.io/component-base/version.gitMajor=1"
k8s_ldflags+=" -X k8s.io/component-base/version.gitMinor=34 -X k8s.io/client-go/pkg/version.gitVersion=$k8s_version"

# name, wrapper folder, package to build, linker flags, names linked to the binary
components=(
  "k8s|k8s|.|$k8s_ldflags|kube-apiserver kube-controller-manager kube-scheduler kubectl"
  "etcd|etcd|.|-s -w|"
  "kwok|kwok|sigs.k8s.io/kwok/cmd/kwok|-s -w|"
  "source-controller|flux/source-controller|github.com/fluxcd/source-controller|-s -w|"
  "kustomize-controller|flux/kustomize-controller|github.com/fluxcd/kustomize-controller|-s -w|"
  "registry|registry|.|-s -w|"
)

want=("$@")
for entry in "${components[@]}"; do
  IFS='|' read -r name dir pkg ldflags links <<<"$entry"
  if [ "${#want[@]}" -gt 0 ] && [[ " ${want[*]} " != *" $name "* ]]; then continue; fi
  key=$( (cd "$tools/$dir" && cat go.mod go.sum ./*.go 2>/dev/null; echo "$pkg $ldflags"; go env GOVERSION) | sha256sum | cut -c1-16)
  if [ -x "$bin/$name" ] && [ "$(cat "$bin/$name.key" 2>/dev/null)" = "$key" ]; then
    echo "components: $name is built ($key)"
  else
    echo "components: building $name from $dir ..."
    log=$cache/$name.build.log
    if ! (cd "$tools/$dir" && /usr/bin/time -f '%e %M' -o "$cache/$name.time" \
          go build -trimpath -ldflags "$ldflags" -o "$bin/$name.new" "$pkg") >"$log" 2>&1; then
      echo "components: building $name failed; the end of $log:"; tail -20 "$log"; exit 1
    fi
    mv -f "$bin/$name.new" "$bin/$name"
    echo "$key" >"$bin/$name.key"
    read -r secs kb <"$cache/$name.time"
    echo "components: built $name in ${secs} s, peak $((kb / 1024)) MiB, $(du -m "$bin/$name" | cut -f1) MiB"
  fi
  for link in $links; do ln -sf "$name" "$bin/$link"; done
done

# The controllers' own CRD manifests, from the same pinned modules (the module zips only, no build):
# name, module@version, folder inside the module.
crd_sources=(
  "flux|github.com/fluxcd/source-controller@v1.7.3|config/crd/bases"
  "flux|github.com/fluxcd/kustomize-controller@v1.7.3|config/crd/bases"
  "external-secrets|github.com/external-secrets/external-secrets@v1.3.2|config/crds/bases"
  "argocd|github.com/argoproj/argo-cd/v3@v3.5.7|manifests/crds"
  "cert-manager|github.com/cert-manager/cert-manager@v1.21.2|deploy/crds"
)
if [ "${#want[@]}" -eq 0 ] || [[ " ${want[*]} " == *" crds "* ]]; then
  for entry in "${crd_sources[@]}"; do
    IFS='|' read -r name module folder <<<"$entry"
    dest=$cache/crds/$name
    stamp=$dest/.${module//\//_}
    if [ -f "$stamp" ]; then continue; fi
    dir=$(cd "$cache" && GOFLAGS= go mod download -json "$module" | sed -n 's/^\t"Dir": "\(.*\)",$/\1/p')
    [ -d "$dir/$folder" ] || { echo "components: no $folder in $module"; exit 1; }
    mkdir -p "$dest"
    cp "$dir/$folder"/*.yaml "$dest/"
    rm -f "$dest/kustomization.yaml"
    touch "$stamp"
    echo "components: CRDs of $module in $dest"
  done
  # source-watcher's ArtifactGenerator CRD, generated from its published API module by controller-gen (pinned in
  # tools/flux/source-watcher-crd): the controller module itself is refused by the module proxy (403).
  dest=$cache/crds/flux
  if [ ! -f "$dest/source.extensions.fluxcd.io_artifactgenerators.yaml" ]; then
    (cd "$tools/flux/source-watcher-crd" && GOFLAGS=-mod=readonly go tool controller-gen crd \
      paths=github.com/fluxcd/source-watcher/api/v2/v1beta1 output:crd:dir="$dest")
    echo "components: ArtifactGenerator CRD generated in $dest"
  fi
fi
