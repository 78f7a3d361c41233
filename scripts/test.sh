#!/usr/bin/env bash
# Runs every Switchboard test. Installs the real peers the tests use (apt-get, only when missing; npm clients),
# starts a private Docker engine for the container tests when docker.io is present, builds, and runs the suite.
# Usage: ./scripts/test.sh [extra dotnet test args]
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

APT_PACKAGES=(sip-tester baresip sipvicious nftables iproute2 socat netcat-openbsd tshark sox libsox-fmt-all
  espeak-ng asterisk-core-sounds-en-wav asterisk-core-sounds-en-gsm libopus0 libbcg729-0 libgsm1 libspandsp2
  libsrtp2-1 python3-aiosmtpd openssl curl bubblewrap util-linux clang docker.io nodejs npm)

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
# nodejs/npm may come from elsewhere (e.g. a preinstalled Node): don't install Debian's over it.
if command -v node >/dev/null 2>&1; then missing=("${missing[@]/nodejs}"); fi
if command -v npm >/dev/null 2>&1; then missing=("${missing[@]/npm}"); fi
read -r -a missing <<< "${missing[*]:-}"
if ((${#missing[@]})); then
  echo "== installing missing packages: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  if [ -z "$SUDO" ] || command -v sudo >/dev/null 2>&1; then
    $SUDO apt-get update -qq || true
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/tmp/switchboard-apt.log 2>&1 \
      || { echo "apt-get install failed; tests needing these tools will be skipped (see /tmp/switchboard-apt.log)"; tail -5 /tmp/switchboard-apt.log; }
  else
    echo "not root and no sudo: cannot install ${missing[*]}; tests needing them will be skipped"
  fi
fi

# npm client libraries used by interop tests (AMI, FastAGI): pinned in tests/Switchboard.Interop.Tests/node.
if [ -f tests/Switchboard.Interop.Tests/node/package.json ] && command -v npm >/dev/null 2>&1; then
  echo "== npm install (interop clients)"
  (cd tests/Switchboard.Interop.Tests/node && npm install --no-audit --no-fund --silent >/tmp/switchboard-npm.log 2>&1) \
    || { echo "npm install failed (see /tmp/switchboard-npm.log)"; tail -5 /tmp/switchboard-npm.log; }
fi

# A private Docker engine for the container tests (on by default; SWITCHBOARD_CONTAINER_TESTS=0 skips them; stopped on exit).
DOCKERD_PID=""
if [ "${SWITCHBOARD_CONTAINER_TESTS:-1}" != "0" ] && command -v dockerd >/dev/null 2>&1 && [ "$(id -u)" -eq 0 ] && [ -z "${DOCKER_HOST:-}" ]; then
  export DOCKER_HOST=unix:///run/switchboard-docker.sock
  mkdir -p /tmp/switchboard-docker
  dockerd --host "$DOCKER_HOST" --data-root /tmp/switchboard-docker/data --exec-root /run/switchboard-docker \
    --pidfile /run/switchboard-docker.pid >/tmp/switchboard-dockerd.log 2>&1 &
  DOCKERD_PID=$!
  for _ in $(seq 1 30); do docker info >/dev/null 2>&1 && break; sleep 1; done
  docker info >/dev/null 2>&1 && echo "== dockerd ready ($DOCKER_HOST)" || echo "== dockerd did not start; container tests will be skipped"
fi
cleanup() { if [ -n "$DOCKERD_PID" ]; then kill "$DOCKERD_PID" 2>/dev/null || true; wait "$DOCKERD_PID" 2>/dev/null || true; fi; }
trap cleanup EXIT

echo "== build"
dotnet build Switchboard.slnx -c Release -nologo -v q -warnaserror

echo "== test"
RESULTS="$ROOT/artifacts/test-results"
rm -rf "$RESULTS"; mkdir -p "$RESULTS"
set +e
dotnet test Switchboard.slnx -c Release --no-build -nologo \
  --logger "console;verbosity=normal" --logger "trx" --results-directory "$RESULTS" \
  --blame-hang-timeout 10m "$@" 2>&1 | tee "$RESULTS/console.log" | grep -E "^(Passed!|Failed!|  Failed |  Skipped |Total tests|     [A-Z][a-z]+:|\s+Error Message)" 
rc=${PIPESTATUS[0]}
set -e

passed=0; failed=0; skipped=0
while read -r p f s; do passed=$((passed+p)); failed=$((failed+f)); skipped=$((skipped+s)); done < <(
  grep -hoE '<Counters [^>]*>' "$RESULTS"/*.trx 2>/dev/null | sed -E 's/.*passed="([0-9]+)".*failed="([0-9]+)".*/\1 \2/' | while read -r p f; do echo "$p $f 0"; done)
skipped=$(grep -hoE '<Counters [^>]*notExecuted="[0-9]+"' "$RESULTS"/*.trx 2>/dev/null | sed -E 's/.*notExecuted="([0-9]+)"/\1/' | paste -sd+ | bc 2>/dev/null || echo 0)
echo "Tests: $passed passed, $failed failed, ${skipped:-0} skipped"
exit $rc
