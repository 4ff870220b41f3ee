#!/bin/sh
# cds-training.sh: the class-data archive of the jar mvn package just built (target/envforge.jar), made by a training
# run through the launcher: generate two environments (one on AWS, one on Azure) of the repository's charts and
# platform file into a scratch Git workspace, write, validate and commit them, with ENVFORGE_CDS=target/cds. The
# launcher then maps target/cds/envforge-<key>.jsa for this jar (the key: the jar's and java's path, size and time),
# so a build's first run does not load and verify its ~5,000 classes nor write the archive at its exit
# (docs/benchmark.md, "JVM settings"). Best effort: without git, or if the run fails, no archive is left and the
# launcher falls back to writing one on the first run. mvn package runs it (pom.xml, exec-maven-plugin);
# -Denvforge.cds.skip=true skips it.
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out=$here/target/cds
ws=$here/target/cds-training
rm -rf "$out" "$ws"
command -v git >/dev/null 2>&1 || { echo "cds-training: git not found; no class-data archive"; exit 0; }
mkdir -p "$ws/environments"
cp -r "$root/charts" "$ws/charts"
cp "$root/environments/platform.yaml" "$ws/environments/platform.yaml"
for i in 1 2; do
  cloud=aws; [ "$i" = 2 ] && cloud=azure
  printf 'apiVersion: envforge.io/v1alpha1\nkind: Environment\nmetadata:\n  name: train-%s\nspec:\n  cloud: %s\n  network:\n    cidr: 10.64.%s.0/20\n' \
    "$i" "$cloud" "$(( (i - 1) * 16 ))" > "$ws/environments/train-$i.yaml"
done
git -C "$ws" init -q -b main && git -C "$ws" -c user.name=envforge -c user.email=envforge@localhost add -A \
  && git -C "$ws" -c user.name=envforge -c user.email=envforge@localhost commit -q -m training \
  || { echo "cds-training: cannot make the scratch repository; no class-data archive"; rm -rf "$ws"; exit 0; }
if CI=true ENVFORGE_CDS="$out" ENVFORGE_JAR="$here/target/envforge.jar" sh "$here/envforge" generate --env all \
    --workspace "$ws" > "$ws.log" 2>&1 && ls "$out"/envforge-*.jsa >/dev/null 2>&1; then
  echo "cds-training: $(ls "$out"/envforge-*.jsa) ($(du -k "$out"/envforge-*.jsa | cut -f1) KiB)"
else
  echo "cds-training: the training run failed ($ws.log); no class-data archive"
  rm -rf "$out"
fi
rm -rf "$ws"
exit 0
