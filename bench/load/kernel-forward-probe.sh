#!/usr/bin/env bash
# What would in-kernel forwarding of established relays cost, against the PBX's userspace relay? (issue 3, media CPU)
# Runs bench/load/media-load.sh at N calls twice per round: once as it is ("user": every packet goes through the PBX's
# RTP threads) and once with the calls' packets rewritten in the kernel of the bench's network namespace ("kernel":
# a stateless nftables prerouting chain sets the destination port to the other leg's generator socket and the source
# port to the PBX's other-leg port, so the packets never reach the PBX's sockets). The generator writes the calls'
# ports (MEDIALOAD_PAIRS, callers and callees paired in set-up order); this script loads the rules from them before
# the warm-up ends and samples /proc/stat over the window: the machine's busy time is the price of relaying plus the
# generator's own work, whoever the kernel charges it to. This is a measurement probe: the PBX itself has no kernel
# forwarding (yet), and the pairing is the generator's, not the PBX's call bridging.
# Usage: bench/load/kernel-forward-probe.sh [calls] [rounds]     (default 2000 3; root, nft, a network namespace)
set -euo pipefail
cd "$(dirname "$0")/../.."
CALLS=${1:-2000}; ROUNDS=${2:-3}
[ "$(id -u)" = 0 ] && command -v nft >/dev/null && command -v ip >/dev/null || { echo "needs root, nft and ip" >&2; exit 2; }
PAIRS=$(mktemp -u /tmp/sb-kfwd-pairs-XXXX); RULES=$(mktemp /tmp/sb-kfwd-XXXX.nft)
trap 'rm -f "$PAIRS" "$RULES"' EXIT

# The rules for every call in $PAIRS: "callerPbxPort callerGenPort calleePbxPort calleeGenPort" per line.
write_rules() {
  {
    echo "table ip sbprobe {"
    echo " map sport { type inet_service : inet_service; elements = {"
    awk '{printf "  %s : %s, %s : %s,\n", $1, $3, $3, $1}' "$PAIRS"
    echo " } }"
    echo " map dport { type inet_service : inet_service; elements = {"
    awk '{printf "  %s : %s, %s : %s,\n", $1, $4, $3, $2}' "$PAIRS"
    echo " } }"
    echo " chain prerouting { type filter hook prerouting priority raw; policy accept;"
    echo "  udp dport 20000-39999 notrack"
    # The source port first: both lookups are keyed on the destination port as it arrived.
    echo "  udp dport 20000-39999 udp sport set udp dport map @sport udp dport set udp dport map @dport"
    echo " }"
    echo "}"
  } > "$RULES"
}

# Waits for the generator's pairs, optionally loads the rules, then prints the machine's busy share over the window.
watch_step() {
  local mode=$1 ns=""
  for _ in $(seq 1 900); do [ -f "$PAIRS" ] && break; sleep 0.2; done
  [ -f "$PAIRS" ] || { echo "$mode: no pairs from the generator"; return; }
  ns=$(ip netns list | awk '/^sbml/{print $1; exit}')
  if [ "$mode" = kernel ]; then
    write_rules
    ip netns exec "$ns" nft -f "$RULES" || { echo "kernel: nft refused the rules"; return; }
  fi
  sleep $(( ${WARMUP:-5} + 1 ))
  read -r _ u1 n1 s1 i1 w1 q1 sq1 st1 _ < <(head -1 /proc/stat)
  sleep $(( ${DURATION:-15} - 3 ))
  read -r _ u2 n2 s2 i2 w2 q2 sq2 st2 _ < <(head -1 /proc/stat)
  local busy=$(( (u2+n2+s2+q2+sq2) - (u1+n1+s1+q1+sq1) )) total=$(( (u2+n2+s2+i2+w2+q2+sq2+st2) - (u1+n1+s1+i1+w1+q1+sq1+st1) ))
  echo "$mode: machine busy $(( 100 * $(nproc) * busy / total ))% of one core (softirq $(( 100 * $(nproc) * (sq2-sq1) / total ))%)"
}

for round in $(seq 1 "$ROUNDS"); do
  for mode in user kernel; do
    rm -f "$PAIRS"
    watch_step "$mode" > "$RULES.$mode" 2>&1 &
    watcher=$!
    row=$(MEDIALOAD_PAIRS=$PAIRS DURATION=${DURATION:-15} bench/load/media-load.sh "$CALLS" 2>&1 | tail -1)
    wait "$watcher" || true
    echo "round $round $mode | $row | $(cat "$RULES.$mode")"
    rm -f "$RULES.$mode"
  done
done
