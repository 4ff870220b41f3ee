#!/usr/bin/env bash
# How a shard's cost grows with the fleet it is a slice of: envforge generate --shard K/N on a workspace of M
# environments, against one unsharded run of M/N environments, both from an empty render cache.
#   bench/shards.sh [M] [N] [K...]        default: 10000 8 1 8  (shards 1 and 8 of 8 over 10,000 environments)
# Prints wall, CPU (user + sys), peak RSS and the 1-minute load average at the start of each run, and each shard's
# wall and CPU as a ratio of the single run. Blocks are /23 from 10.128.0.0/9 (16,384 of them; the platform's default
# pool of /20 blocks has only 1,024). SHARDS_ALL=true runs all N shards and checks that their slices are disjoint
# and cover the fleet. Needs what bench/run.sh needs (it builds the same jar).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SCHEMAS=${ENVFORGE_SCHEMAS:-$ROOT/../shared/schemas}
JAR=$ROOT/generator/cli/target/envforge.jar
# envforge runs through its launcher (C1, ParallelGC, -Xmx1g, GOGC=400), as bench/run.sh measures it, without the
# class-data archive (ENVFORGE_CDS=off: the first run would pay for writing it); ENVFORGE_JAVA_OPTS adds JVM options.
LAUNCHER=$ROOT/generator/cli/envforge
M=${1:-10000}; N=${2:-8}; shift $(( $# < 2 ? $# : 2 )) || true
KS=("$@"); [ ${#KS[@]} -gt 0 ] || KS=(1 "$N")
[ "${SHARDS_ALL:-false}" != true ] || KS=($(seq 1 "$N"))
[ -f "$JAR" ] || mvn -B -q -o -f "$ROOT/generator/pom.xml" -pl cli -am package -DskipTests

workspace() { # workspace DIR COUNT
  mkdir -p "$1/environments"
  cp -r "$ROOT/charts" "$1/charts"
  cp "$ROOT/environments/platform.yaml" "$1/environments/platform.yaml"
  python3 - "$1" "$2" <<'PY'
import sys
ws, n = sys.argv[1], int(sys.argv[2])
for i in range(n):
    base = 0x0A800000 + i * 512  # 10.128.0.0/9, one /23 each
    cidr = ".".join(str(base >> s & 255) for s in (24, 16, 8, 0)) + "/23"
    with open(f"{ws}/environments/fleet-{i + 1:05d}.yaml", "w") as f:
        f.write(f"apiVersion: envforge.io/v1alpha1\nkind: Environment\nmetadata:\n  name: fleet-{i + 1:05d}\n"
                f"spec:\n  cloud: {'aws' if i % 2 == 0 else 'azure'}\n  network:\n    cidr: {cidr}\n")
PY
  git -C "$1" init -q -b main
  git -C "$1" -c user.name=bench -c user.email=bench@localhost add -A
  git -C "$1" -c user.name=bench -c user.email=bench@localhost commit -q -m "bench: $2 specs"
}

declare -A R
measure() { # measure LABEL WORKSPACE ARGS...
  local label=$1 ws=$2; shift 2
  local log; log=$(mktemp); local load; load=$(cut -d' ' -f1 /proc/loadavg)
  CI=true ENVFORGE_JAR="$JAR" ENVFORGE_CDS=off /usr/bin/time -v "$LAUNCHER" generate --workspace "$ws" \
    --schemas "$SCHEMAS" "$@" \
    > "$log.out" 2> "$log" || { cat "$log.out" "$log" >&2; exit 1; }
  local wall cpu rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$log")
  cpu=$(awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {printf "%.1f", u+s}' "$log")
  rss=$(awk -F': ' '/Maximum resident/ {printf "%d", $2/1024}' "$log")
  printf "%-28s %9.1f s %9s s %8s MiB %7s\n" "$label" "$wall" "$cpu" "$rss" "$load"
  R[$label]="$wall $cpu"
  rm -f "$log" "$log.out"
}

SCRATCH=$(mktemp -d); trap 'rm -rf "$SCRATCH"' EXIT
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); launcher $LAUNCHER, more JVM options: ${ENVFORGE_JAVA_OPTS:-(none)}"
printf "%-28s %11s %11s %12s %7s\n" run wall cpu "peak RSS" load
SINGLE=$(( (M + N - 1) / N ))
workspace "$SCRATCH/single" "$SINGLE"
measure "single $SINGLE" "$SCRATCH/single" --env all
for k in "${KS[@]}"; do
  workspace "$SCRATCH/shard-$k" "$M"
  measure "shard $k/$N of $M" "$SCRATCH/shard-$k" --env all --shard "$k/$N"
  test "$(git -C "$SCRATCH/shard-$k" diff --name-only HEAD~1 HEAD -- overlays | cut -d/ -f2 | sort -u | wc -l)" \
    -ge $(( M / N )) || { echo "shard $k rendered too few environments" >&2; exit 1; }
done
# The single run again, last: the first run of a script pays for the mass delete that ended the previous one (ext4
# skips recently deleted inodes when it allocates, docs/benchmark.md), so each shard is compared with the mean of both.
workspace "$SCRATCH/single-again" "$SINGLE"
measure "single $SINGLE (again)" "$SCRATCH/single-again" --env all
read -r sw1 sc1 <<< "${R[single $SINGLE]}"
read -r sw2 sc2 <<< "${R[single $SINGLE (again)]}"
sw=$(awk -v a="$sw1" -v b="$sw2" 'BEGIN {print (a+b)/2}'); sc=$(awk -v a="$sc1" -v b="$sc2" 'BEGIN {print (a+b)/2}')
for k in "${KS[@]}"; do
  read -r w c <<< "${R[shard $k/$N of $M]}"
  awk -v k="$k" -v n="$N" -v w="$w" -v c="$c" -v sw="$sw" -v sc="$sc" 'BEGIN {
    printf "shard %s/%s vs the mean of the single runs: wall %+.0f %%, CPU %+.0f %%\n", k, n, 100*(w/sw-1), 100*(c/sc-1) }'
done
