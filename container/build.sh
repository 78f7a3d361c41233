#!/usr/bin/env bash
# Builds the Switchboard images from local sources only (no base image is pulled):
#   1. dotnet publish (Native AOT; falls back to trimmed self-contained single-file if AOT fails)
#   2. stage.py: one deterministic rootfs layer per target (ldd-driven libraries) + SBOMs + file lists
#   3. docker build --target <t> on container/Dockerfile (or `docker load` of the content-addressed
#      archive with BUILDER=archive; BUILDER=none only stages)
#   4. prints size, file list and checks of each image (no shell / setuid in mini)
#
# Usage: container/build.sh [targets...]        (default: mini base full xtra)
# Env:   OUT=artifacts/container  REPO=switchboard  BUILDER=docker|podman|archive|none
#        SOURCE_DATE_EPOCH (default: last commit time)  PUBLISH_MODE=aot|trimmed  SKIP_PUBLISH=1
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
OUT="${OUT:-$ROOT/artifacts/container}"
REPO="${REPO:-switchboard}"
BUILDER="${BUILDER:-docker}"
TARGETS=("${@:-mini base full xtra}")
read -r -a TARGETS <<< "${TARGETS[*]}"
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-$(git -C "$ROOT" log -1 --format=%ct 2>/dev/null || echo 0)}"
VERSION="$(git -C "$ROOT" describe --tags --always --dirty 2>/dev/null || echo 0.0.0)"
PUBLISH="$OUT/publish"
CONTEXT="$OUT/context"

log() { printf '== %s\n' "$*" >&2; }

publish() {
  rm -rf "$PUBLISH"
  # Publish from a clean copy of the sources (no bin/obj): never disturbs a developer's or a test
  # run's build outputs, and starts from scratch like CI does.
  local src="$OUT/src"
  rm -rf "$src"; mkdir -p "$src"
  tar -C "$ROOT" --exclude=./.git --exclude=./artifacts --exclude='./out' --exclude='*/bin' --exclude='*/obj' \
      --exclude='*/node_modules' --exclude='*/TestResults' --exclude='*/BenchmarkDotNet.Artifacts' -cf - . | tar -C "$src" -xf -
  # Deterministic: fixed paths in PDB/debug info, CI build flags, no timestamps.
  local common=(src/Switchboard/Switchboard.csproj -c Release -r linux-x64 -o "$PUBLISH" -nologo
    -p:ContinuousIntegrationBuild=true -p:Deterministic=true "-p:PathMap=$src=/src"
    -p:DebugType=none -p:DebugSymbols=false -p:GenerateDocumentationFile=false
    -p:TreatWarningsAsErrors=false -p:SatelliteResourceLanguages=en)
  if [ "${PUBLISH_MODE:-aot}" = aot ]; then
    log "publish (Native AOT)"
    if (cd "$src" && dotnet publish "${common[@]}" -p:PublishAot=true -p:StripSymbols=true \
          -p:IlcGenerateStackTraceData=true -p:IlcOptimizationPreference=Size) >"$OUT/publish.log" 2>&1; then
      PUBLISH_KIND=aot
    else
      log "Native AOT publish failed (tail of $OUT/publish.log below); falling back to trimmed single-file"
      tail -20 "$OUT/publish.log" >&2
      PUBLISH_MODE=trimmed
    fi
  fi
  if [ "${PUBLISH_MODE:-aot}" = trimmed ]; then
    log "publish (trimmed self-contained single-file)"
    (cd "$src" && dotnet publish "${common[@]}" --self-contained -p:PublishAot=false -p:PublishTrimmed=true \
        -p:PublishSingleFile=true -p:IncludeNativeLibrariesForSelfExtract=false) >"$OUT/publish.log" 2>&1 \
      || { tail -30 "$OUT/publish.log" >&2; exit 1; }
    PUBLISH_KIND=trimmed
  fi
  grep -E "warning (IL|AOT)" "$OUT/publish.log" | sort -u | head -20 >&2 || true
  find "$PUBLISH" -name '*.pdb' -o -name '*.dbg' | xargs -r rm -f
  log "published ($PUBLISH_KIND): $(du -sh "$PUBLISH" | cut -f1)"
}

mkdir -p "$OUT"
if [ -z "${SKIP_PUBLISH:-}" ]; then publish; fi

log "stage layers (SOURCE_DATE_EPOCH=$SOURCE_DATE_EPOCH)"
rm -rf "$CONTEXT"; mkdir -p "$CONTEXT"
python3 "$HERE/stage.py" --publish "$PUBLISH" --out "$CONTEXT" --epoch "$SOURCE_DATE_EPOCH" \
  --targets "$(IFS=,; echo "${TARGETS[*]}")" --version "$VERSION" --repo "$REPO" | tee "$OUT/images.txt"
cp "$HERE/Dockerfile" "$CONTEXT/Dockerfile"
cp "$CONTEXT"/sbom-*.spdx.json "$OUT/" 2>/dev/null || true

for t in "${TARGETS[@]}"; do
  case "$BUILDER" in
    docker|podman)
      log "$BUILDER build --target $t"
      "$BUILDER" build -q --target "$t" -t "$REPO:$t" "$CONTEXT" >/dev/null ;;
    archive)
      log "docker load $REPO:$t"
      docker load -q -i "$CONTEXT/image-$t.tar" >/dev/null ;;
    none) ;;
    *) echo "unknown BUILDER=$BUILDER" >&2; exit 2 ;;
  esac
done

log "files per target (cumulative; size in bytes)"
for t in "${TARGETS[@]}"; do
  python3 - "$CONTEXT/files-$t.json" "$t" <<'PY'
import json, sys
files = json.load(open(sys.argv[1]))
total = sum(f["size"] for f in files)
print(f"--- {sys.argv[2]}: {len(files)} entries, {total/1e6:.1f} MB of files")
for f in files:
    if f["kind"] == "file" and not f["path"].startswith("/usr/share/asterisk/sounds/"):
        print(f"  {f['mode']:>7} {f['uid']:>5} {f['size']:>10}  {f['path']}  {f['package'] or ''}")
    elif f["kind"] == "link":
        print(f"  {'link':>7} {f['uid']:>5} {'':>10}  {f['path']} -> {f['target']}")
sounds = [f for f in files if f["path"].startswith("/usr/share/asterisk/sounds/") and f["kind"] == "file"]
if sounds:
    print(f"  ... {len(sounds)} sound files, {sum(f['size'] for f in sounds)/1e6:.1f} MB under /usr/share/asterisk/sounds")
PY
done

# Checks: mini has no shell, no package manager, nothing setuid/setgid.
python3 - "$CONTEXT/layer-mini.tar" <<'PY'
import sys, tarfile
bad = []
with tarfile.open(sys.argv[1]) as t:
    for m in t.getmembers():
        name = "/" + m.name
        if m.mode & 0o6000: bad.append(f"setuid/setgid: {name}")
        base = name.rsplit("/", 1)[-1]
        if base in ("sh", "bash", "ash", "dash", "busybox", "apt", "apt-get", "dpkg", "apk"): bad.append(f"shell/package manager: {name}")
if bad:
    print("\n".join(bad)); sys.exit(1)
print("mini: no shell, no package manager, no setuid/setgid files")
PY

if [ "$BUILDER" = docker ] || [ "$BUILDER" = archive ]; then
  docker image ls "$REPO" --format 'table {{.Repository}}:{{.Tag}}\t{{.ID}}\t{{.Size}}'
fi
