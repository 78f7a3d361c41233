#!/usr/bin/env bash
# Reproducibility check: two clean builds of the same commit must give byte-identical binaries,
# byte-identical layer tarballs and SBOMs, and the same image ID (the docker-archive written by
# stage.py is content-addressed; with Docker present both archives are also `docker load`ed and
# their image IDs compared).
#
# Both builds run from a fresh `git archive` of the commit at the same path (paths end up in
# native object files), with SOURCE_DATE_EPOCH = the commit time, Deterministic, PathMap and
# ContinuousIntegrationBuild (see build.sh), and sorted tars with fixed mtimes/owners (stage.py).
#
# Usage: container/reproducible.sh [commit] [targets]     (default: HEAD "mini base")
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
COMMIT="${1:-HEAD}"
TARGETS="${2:-mini base}"
WORK="${REPRO_DIR:-/tmp/switchboard-repro}"
EPOCH="$(git -C "$ROOT" log -1 --format=%ct "$COMMIT")"
SHA="$(git -C "$ROOT" rev-parse "$COMMIT")"

build() {
  local n=$1
  rm -rf "$WORK/src"
  mkdir -p "$WORK/src"
  git -C "$ROOT" archive "$SHA" | tar -x -C "$WORK/src"
  echo "== build $n of $SHA (SOURCE_DATE_EPOCH=$EPOCH)"
  # Same OUT path for both builds (build.sh publishes from OUT/src; native objects may record paths).
  rm -rf "$WORK/out"
  (cd "$WORK/src" && OUT="$WORK/out" BUILDER=none SOURCE_DATE_EPOCH="$EPOCH" ./container/build.sh $TARGETS >"$WORK/build$n.log" 2>&1) \
    || { tail -30 "$WORK/build$n.log"; exit 1; }
  rm -rf "$WORK/out/src"
  mv "$WORK/out" "$WORK/out$n"
}

rm -rf "$WORK"; mkdir -p "$WORK"
build 1
build 2

status=0
compare() {
  local a="$WORK/out1/$1" b="$WORK/out2/$1"
  local ha hb
  ha=$(sha256sum "$a" | cut -d' ' -f1); hb=$(sha256sum "$b" | cut -d' ' -f1)
  if [ "$ha" = "$hb" ]; then printf 'same      %s  %s\n' "$ha" "$1"; else printf 'DIFFERENT %s %s  %s\n' "$ha" "$hb" "$1"; status=1; fi
}
compare publish/switchboard
for f in $(cd "$WORK/out1/publish" && ls | grep -v '^switchboard$'); do compare "publish/$f"; done
for t in $TARGETS; do
  compare "context/layer-$t.tar"
  compare "context/sbom-$t.spdx.json"
  compare "context/image-$t.tar"
done
grep -h 'image id' "$WORK/out1/images.txt" "$WORK/out2/images.txt" | sort | uniq -c

if command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; then
  for t in $TARGETS; do
    docker load -q -i "$WORK/out1/context/image-$t.tar" >/dev/null
    id1=$(docker image inspect -f '{{.Id}}' "switchboard:$t")
    docker image rm -f "switchboard:$t" >/dev/null
    docker load -q -i "$WORK/out2/context/image-$t.tar" >/dev/null
    id2=$(docker image inspect -f '{{.Id}}' "switchboard:$t")
    if [ "$id1" = "$id2" ]; then echo "docker image ID same      $id1  switchboard:$t"
    else echo "docker image ID DIFFERENT $id1 $id2  switchboard:$t"; status=1; fi
  done
fi

if [ $status -eq 0 ]; then echo "REPRODUCIBLE: both builds are byte-identical"; else echo "NOT REPRODUCIBLE (see DIFFERENT lines)"; fi
exit $status
