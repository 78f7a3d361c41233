#!/usr/bin/env bash
# Media load (issue 3): N concurrent bridged G.711 calls relayed by the PBX, 20 ms packets both ways.
# The generator (bench/Switchboard.MediaLoad) registers the callee, places the calls (caller -> 200 ->
# Dial(PJSIP/callee)), answers them as the callee and then drives RTP on every leg from a few sockets per side,
# timestamping every packet. A fresh PBX per step. Prints one table: calls, pps into/out of the PBX, loss %,
# one-way transit p50/p99/max (generator -> PBX -> generator), added jitter p99 (p99 - min transit),
# RFC 3550 interarrival jitter (mean/max over streams), PBX CPU % of one core over the window, RSS, the generator's CPU and
# the whole machine's busy CPU (% of one core; with KERNEL=1 the relaying work is charged to the generator's sends).
# Usage: bench/load/media-load.sh [calls...]      (default 100 250 500)
# Env: WARMUP (5 s), DURATION (20 s), SETUP_RATE (200 calls/s), SOCKETS (4 per side), PBX_BIN (default: JIT build),
#      RX (poll: one generator thread polls its sockets every ms, so the PBX's loopback sends never wake a sleeping
#      receiver; block: one thread per socket blocked in recvmmsg, whose wake-ups loopback charges to the PBX),
#      SWITCHBOARD_RTP_ENGINE (io_uring default / epoll), SWITCHBOARD_RTP_THREADS/_BATCH/_POOL pass through to the PBX,
#      HIGHPRIORITY=1 writes asterisk.conf [options] highpriority = yes (RTP threads SCHED_RR 10; needs root/CAP_SYS_NICE),
#      KERNEL=1 writes rtp.conf kernel_forwarding = yes (established relays forwarded by nftables; root, nft, and
#      net.ipv4.ip_forward = 1, which the script sets in its network namespace), RTP_TIMEOUT=N sets the endpoints'
#      rtp_timeout (with KERNEL=1 it is fed from the kernel's packet counters).
# Transit and jitter use the kernel's arrival stamps (SO_TIMESTAMPNS) at the generator's sockets.
set -euo pipefail
cd "$(dirname "$0")/../.."
. bench/load/lib.sh
STEPS=("${@:-100 250 500}"); read -r -a STEPS <<< "${STEPS[*]}"
WARMUP=${WARMUP:-5}; DURATION=${DURATION:-20}; SETUP_RATE=${SETUP_RATE:-200}; SOCKETS=${SOCKETS:-4}; RX=${RX:-poll}
PBX=""; WORK=$(mktemp -d /tmp/sb-mediabench-XXXX); NS=""; IN_NS=()
# As root, PBX and generator share the loopback of a network namespace created here (NETNS=0 keeps the host's):
# the host's netfilter tables (Docker's NAT, an AutoBan table) would otherwise add conntrack/NAT work to every packet.
if [ "${NETNS:-1}" = 1 ] && [ "$(id -u)" = 0 ] && command -v ip >/dev/null; then
  NS="sbml$$"; ip netns add "$NS"; ip netns exec "$NS" ip link set lo up; IN_NS=(ip netns exec "$NS")
fi
trap '[ -n "$PBX" ] && kill $PBX 2>/dev/null; [ -n "$NS" ] && ip netns del "$NS"; [ -n "${KEEP:-}" ] || rm -rf "$WORK"' EXIT

dotnet build bench/Switchboard.MediaLoad -c Release -nologo -v q >/dev/null
GEN=(dotnet bench/Switchboard.MediaLoad/bin/Release/net10.0/Switchboard.MediaLoad.dll)
if [ -z "${PBX_BIN:-}" ]; then
  dotnet build src/Switchboard -c Release -nologo -v q >/dev/null
  PBX_CMD=(dotnet src/Switchboard/bin/Release/net10.0/switchboard.dll)
else
  PBX_CMD=("$PBX_BIN")
fi

echo "media load: warm-up ${WARMUP}s, window ${DURATION}s, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), network namespace ${NS:-none (host loopback)}"
header=--header
for calls in "${STEPS[@]}"; do
  PORT=$(free_port)
  rm -rf "$WORK/data"; mkdir -p "$WORK/data/etc/asterisk"
  printf '[t-udp]\ntype = transport\nprotocol = udp\nbind = 127.0.0.1:%s\n' "$PORT" > "$WORK/data/etc/asterisk/pjsip.conf"
  {
    printf '[user](!)\ntype = wizard\naccepts_auth = yes\naccepts_registrations = yes\nendpoint/context = load\n'
    printf 'endpoint/allow = !all,ulaw\nendpoint/direct_media = no\naor/max_contacts = 1\naor/remove_existing = yes\n'
    if [ -n "${RTP_TIMEOUT:-}" ]; then printf 'endpoint/rtp_timeout = %s\n' "$RTP_TIMEOUT"; fi
    printf '\n'
    printf '[caller](user)\ninbound_auth/username = caller\ninbound_auth/password = pw-caller\n\n'
    printf '[callee](user)\ninbound_auth/username = callee\ninbound_auth/password = pw-callee\n'
  } > "$WORK/data/etc/asterisk/pjsip_wizard.conf"
  printf '[load]\nexten => 200,1,Dial(PJSIP/callee,10)\n same => n,Hangup()\n' > "$WORK/data/etc/asterisk/extensions.conf"
  printf '[general]\nrtpstart = 20000\nrtpend = 39999\n' > "$WORK/data/etc/asterisk/rtp.conf"
  if [ "${KERNEL:-0}" = 1 ]; then
    printf 'kernel_forwarding = yes\n' >> "$WORK/data/etc/asterisk/rtp.conf"
    "${IN_NS[@]}" sysctl -qw net.ipv4.ip_forward=1
  fi
  if [ "${HIGHPRIORITY:-0}" = 1 ]; then printf '[options]\nhighpriority = yes\n' > "$WORK/data/etc/asterisk/asterisk.conf"; fi
  SYSLOG_LEVEL=${SYSLOG_LEVEL:-3} ACME_FILE= "${IN_NS[@]}" "${PBX_CMD[@]}" run --data-dir "$WORK/data" > "$WORK/pbx-$calls.log" 2>&1 &
  PBX=$!
  # "ready in" is a warning-level line, hidden at SYSLOG_LEVEL 3: the SIP port being bound is the other sign of life.
  for _ in $(seq 1 60); do
    grep -q "ready in" "$WORK/pbx-$calls.log" 2>/dev/null && break
    "${IN_NS[@]}" ss -Hlun "sport = :$PORT" 2>/dev/null | grep -q . && { sleep 1; break; }
    sleep 0.5
  done
  "${IN_NS[@]}" "${GEN[@]}" --pbx "127.0.0.1:$PORT" --pid "$PBX" --calls "$calls" --warmup "$WARMUP" --duration "$DURATION" \
     --setup-rate "$SETUP_RATE" --sockets "$SOCKETS" --rx "$RX" $header || echo "(step $calls: not every call was answered)"
  header=""
  kill "$PBX" 2>/dev/null; wait "$PBX" 2>/dev/null || true; PBX=""
  sleep 1
done
