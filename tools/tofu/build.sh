#!/usr/bin/env bash
# Builds OpenTofu and the Terraform providers the generated roots use from their Go modules, pinned by the wrapper
# modules beside this script (tofu/, provider-*/), into the tool cache:
#   $ENVFORGE_TOOLS/bin/tofu
#   $ENVFORGE_TOOLS/tf-mirror/registry.opentofu.org/hashicorp/<type>/<version>/linux_amd64/terraform-provider-<type>
#   $ENVFORGE_TOOLS/tofurc   (CLI configuration: that filesystem mirror only, no registry; TF_CLI_CONFIG_FILE)
#   $ENVFORGE_TOOLS/moto-venv (moto's server for e2e.sh, from PyPI)
# Idempotent: what is already built for its pin is skipped. Usage: build.sh [tofu|aws|random|moto]... (no argument:
# all four). Builds run one package at a time (go build -p 1: the CPU is shared), each with its own GOCACHE under
# $ENVFORGE_CACHE/go-build-tofu/ so its size can be measured and dropped on its own.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cache=${ENVFORGE_CACHE:-/root/.cache/envforge}
tools=${ENVFORGE_TOOLS:-$cache/tools}
mirror=$tools/tf-mirror/registry.opentofu.org/hashicorp
export GOMODCACHE=${ENVFORGE_GOMODCACHE:-$cache/go-mod}
export GOFLAGS=-mod=readonly GOTOOLCHAIN=${GOTOOLCHAIN:-auto} CGO_ENABLED=0

# Pins. A provider's version is the release its wrapper module's commit carries (README.md beside this script).
tofu_version=1.12.6
declare -A provider_version=([aws]=6.48.0 [random]=3.9.0)
declare -A provider_module=(
  [aws]=github.com/hashicorp/terraform-provider-aws
  [random]=github.com/terraform-providers/terraform-provider-random)
# -X flags stamping the provider's version, as its release build does (terraform-provider-aws: version/version.go
# ProviderVersion; terraform-provider-random's main.go has no version variable).
declare -A provider_stamp=(
  [aws]="-X github.com/hashicorp/terraform-provider-aws/version.ProviderVersion=${provider_version[aws]}"
  [random]="")

# go build of one main package from one wrapper module; prints wall time, binary size and GOCACHE size.
build() { # name module-dir package output ldflags
  local name=$1 dir=$2 pkg=$3 out=$4 ldflags=$5 start
  start=$(date +%s)
  echo "build: $name ($pkg) -> $out"
  # Built beside the cache, then moved: OpenTofu must never find a half-written provider in the mirror.
  mkdir -p "$tools/partial"
  (cd "$dir" && GOCACHE=$cache/go-build-tofu/$name go build -p 1 -trimpath -ldflags "-s -w $ldflags" \
    -o "$tools/partial/$name" "$pkg")
  mkdir -p "$(dirname "$out")"
  mv "$tools/partial/$name" "$out"
  echo "build: $name done in $(( $(date +%s) - start )) s; binary $(du -m "$out" | cut -f1) MiB;" \
    "GOCACHE $(du -sm "$cache/go-build-tofu/$name" | cut -f1) MiB"
}

tofu() {
  local out=$tools/bin/tofu
  if [ -x "$out" ] && "$out" version 2>/dev/null | grep -qx "OpenTofu v$tofu_version"; then
    echo "build: tofu v$tofu_version already in $out"; return
  fi
  # version.dev=no drops the "-dev" suffix, as OpenTofu's own .goreleaser.yaml does.
  build tofu "$here/tofu" github.com/opentofu/opentofu/cmd/tofu "$out" \
    "-X github.com/opentofu/opentofu/version.dev=no"
}

provider() { # type
  local type=$1 version=${provider_version[$1]}
  local out=$mirror/$type/$version/linux_amd64/terraform-provider-${type}_v$version
  if [ -x "$out" ]; then echo "build: $type $version already in $out"; return; fi
  build "$type" "$here/provider-$type" "${provider_module[$type]}" "$out" "${provider_stamp[$type]}"
}

# moto's server for e2e.sh, in a venv of the tool cache, every package pinned by moto-requirements.txt (PyPI).
moto() {
  local venv=$tools/moto-venv want
  want=$(grep -oE '^moto==[^ ]+' "$here/moto-requirements.txt")
  if [ -x "$venv/bin/moto_server" ] && "$venv/bin/pip" freeze 2>/dev/null | grep -qx "$want"; then
    echo "build: $want already in $venv"; return
  fi
  echo "build: $want -> $venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check -r "$here/moto-requirements.txt"
}

cli_config() {
  mkdir -p "$tools"
  # OpenTofu's provider_installation block (docs: opentofu.org/docs/cli/config/config-file/#provider-installation):
  # providers only from the local mirror; the registry is never asked.
  cat > "$tools/tofurc.tmp" <<EOF
provider_installation {
  filesystem_mirror {
    path    = "$tools/tf-mirror"
    include = ["registry.opentofu.org/*/*"]
  }
  direct {
    exclude = ["*/*/*"]
  }
}
EOF
  mv "$tools/tofurc.tmp" "$tools/tofurc"
}

targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(tofu random aws moto)
cli_config
for t in "${targets[@]}"; do
  case $t in
    tofu) tofu ;;
    aws|random) provider "$t" ;;
    moto) moto ;;
    *) echo "build.sh: unknown target '$t'; use tofu, aws, random or moto" >&2; exit 2 ;;
  esac
done
