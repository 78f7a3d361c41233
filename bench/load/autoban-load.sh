#!/usr/bin/env bash
# AutoBan under a distributed bad-REGISTER flood, in network namespaces (needs root, ip, nft, sipp, setpriv, python3).
# An attacker namespace holds ATTACKERS source addresses (10.251.0.0/16 on its veth) that send REGISTERs for unknown
# accounts at RATE packets/s in total, while a legitimate SIPp (10.250.0.1) registers with digest auth at LEGIT
# REGISTERs/s. Run twice: layer "nft" (PBX as root: nftables drops jailed sources in the kernel) and layer
# "in-process" (PBX under setpriv without capabilities: the transport's admission filter drops them unparsed).
# Prints one table: legit success rate, PBX CPU, drops per layer, CPU cost per dropped packet.
# Usage: bench/load/autoban-load.sh   (env: ATTACKERS=2000 RATE=10000 LEGIT=50 WARM=10 DURATION=20 LAYERS="nft in-process")
set -euo pipefail
cd "$(dirname "$0")/../.."
ATTACKERS=${ATTACKERS:-2000}; RATE=${RATE:-10000}; LEGIT=${LEGIT:-50}; WARM=${WARM:-10}; DURATION=${DURATION:-20}
LAYERS=${LAYERS:-"nft in-process"}
[ "$(id -u)" = 0 ] || { echo "needs root (network namespaces, nft)"; exit 2; }
for t in ip nft sipp setpriv python3; do command -v $t >/dev/null || { echo "missing $t"; exit 2; }; done
A=sbb-atk-$$; P=sbb-pbx-$$; PORT=5070; PBX=""; FLOOD=""; LEGITPID=""
WORK=$(mktemp -d /tmp/sb-abload-XXXX)
cleanup() {
  for p in $FLOOD $LEGITPID $PBX; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done
  sleep 0.5; ip netns del $A 2>/dev/null || true; ip netns del $P 2>/dev/null || true; [ -n "${KEEP:-}" ] || rm -rf "$WORK"
}
trap cleanup EXIT

[ -n "${NOBUILD:-}" ] || dotnet build src/Switchboard -c Release -nologo -v q >/dev/null
DLL=$PWD/src/Switchboard/bin/Release/net10.0/switchboard.dll
SCEN=$PWD/tests/Switchboard.Interop.Tests/Scenarios/register-auth.xml
HZ=$(getconf CLK_TCK)

ip netns add $A; ip netns add $P
ip link add vl netns $A type veth peer name vr netns $P
ip -n $A addr add 10.250.0.1/30 dev vl; ip -n $P addr add 10.250.0.2/30 dev vr
for n in $A $P; do ip -n $n link set lo up; done
ip -n $A link set vl up; ip -n $P link set vr up
ip -n $P route add 10.251.0.0/16 dev vr
python3 - "$ATTACKERS" > "$WORK/addrs.batch" <<'PY'
import sys
start = (10 << 24) | (251 << 16) | 2  # 10.251.0.2, then consecutive: the flood binds the same addresses
for i in range(int(sys.argv[1])):
    n = start + i
    print(f"addr add {n >> 24 & 255}.{n >> 16 & 255}.{n >> 8 & 255}.{n & 255}/32 dev vl")
PY
ip -n $A -batch "$WORK/addrs.batch"
FIRST=10.251.0.2
echo "SEQUENTIAL" > "$WORK/legit.csv"; echo "legit;[authentication username=legit password=pw-legit-9x]" >> "$WORK/legit.csv"

start_pbx() { # $1 = layer
  rm -rf "$WORK/data"; mkdir -p "$WORK/data/etc/asterisk"
  printf '[t-udp]\ntype = transport\nprotocol = udp\nbind = 0.0.0.0:%s\n' $PORT > "$WORK/data/etc/asterisk/pjsip.conf"
  printf '[legit]\ntype = wizard\naccepts_auth = yes\naccepts_registrations = yes\naor/max_contacts = 1\naor/remove_existing = yes\ninbound_auth/username = legit\ninbound_auth/password = pw-legit-9x\n' > "$WORK/data/etc/asterisk/pjsip_wizard.conf"
  printf '[default]\n' > "$WORK/data/etc/asterisk/extensions.conf"
  printf '[autoban]\nmaxcount = 5\nwatchtime = 30s\njailtime = 10m\nrepeatmult = 2\n' > "$WORK/data/etc/asterisk/autoban.conf"
  local prefix=(ip netns exec $P)
  [ "$1" = in-process ] && prefix+=(setpriv --inh-caps=-all --bounding-set=-all --)
  SYSLOG_LEVEL=6 HOSTNAME=pbx.bench ACME_FILE= "${prefix[@]}" dotnet "$DLL" run --data-dir "$WORK/data" > "$WORK/pbx-$1.log" 2>&1 &
  PBX=$!
  for _ in $(seq 1 120); do grep -q "ready in" "$WORK/pbx-$1.log" 2>/dev/null && return 0; sleep 0.5; done
  echo "PBX did not start:"; tail -20 "$WORK/pbx-$1.log"; exit 1
}
cli() { dotnet "$DLL" -rx "$1" --data-dir "$WORK/data" 2>/dev/null; }
pbx_ticks() { awk '{print $14+$15}' /proc/$PBX/stat; }
softirq_ticks() { awk '/^cpu /{print $8}' /proc/stat; }
nft_drops() { ip netns exec $P nft list chain inet autoban incoming 2>/dev/null | awk '/@jail counter/{for(i=1;i<=NF;i++) if($i=="packets"){print $(i+1); exit}}' | grep . || echo 0; }
filter_drops() { cli "pjsip show counters" | awk 'NR>1 && NF>=6 {s+=$4} END {print s+0}'; }

ROWS=()
for layer in $LAYERS; do
  start_pbx "$layer"
  total=$(( WARM + DURATION ))
  (cd "$WORK" && ip netns exec $A sipp 10.250.0.2:$PORT -sf "$SCEN" -inf legit.csv -i 10.250.0.1 -p 5062 -mp 6000 \
      -r "$LEGIT" -m $(( LEGIT * total )) -nostdin -timeout $(( total + 30 )) -trace_stat -stf "legit-$layer.csv" -fd 1 >/dev/null 2>&1 || true) &
  LEGITPID=$!
  ip netns exec $A python3 bench/load/autoban-flood.py 10.250.0.2 $PORT $FIRST "$ATTACKERS" "$RATE" "$total" > "$WORK/flood-$layer.txt" &
  FLOOD=$!
  sleep "$WARM"
  t0=$(date +%s.%N); c0=$(pbx_ticks); s0=$(softirq_ticks); n0=$(nft_drops); f0=$(filter_drops)
  sleep "$DURATION"
  t1=$(date +%s.%N); c1=$(pbx_ticks); s1=$(softirq_ticks); n1=$(nft_drops); f1=$(filter_drops)
  wait $FLOOD || true; FLOOD=""
  wait $LEGITPID || true; LEGITPID=""
  ip netns exec $P nft list chain inet autoban incoming > "$WORK/chain-$layer.txt" 2>&1 || true
  ip netns exec $P nft list set inet autoban jail 2>/dev/null | grep -o "10\.251\.[0-9.]*" | wc -l > "$WORK/nftjail-$layer.txt" || true
  jailed=$(cli "autoban show" | grep -o '10\.251\.[0-9]*\.[0-9]*' | sort -u | wc -l)
  line=$(tail -1 "$WORK/legit-$layer.csv"); ok=$(echo "$line" | awk -F';' '{print $16}'); bad=$(echo "$line" | awk -F';' '{print $18}')
  sent=$(sed -n 's/.*sent=\([0-9]*\).*/\1/p' "$WORK/flood-$layer.txt"); secs=$(sed -n 's/.*seconds=\([0-9.]*\).*/\1/p' "$WORK/flood-$layer.txt")
  ROWS+=("$(python3 - "$layer" "$ATTACKERS" "$jailed" "$sent" "$secs" "$ok" "$bad" "$t0" "$t1" "$c0" "$c1" "$s0" "$s1" "$n0" "$n1" "$f0" "$f1" "$HZ" <<'PY'
import sys
(layer, attackers, jailed, sent, secs, ok, bad, t0, t1, c0, c1, s0, s1, n0, n1, f0, f1, hz) = sys.argv[1:]
win = float(t1) - float(t0); hz = float(hz)
pbx_cpu = (int(c1) - int(c0)) / hz; soft = (int(s1) - int(s0)) / hz
nft = int(n1) - int(n0); flt = int(f1) - int(f0)
ok = int(ok or 0); bad = int(bad or 0)
rate = int(sent or 0) / max(0.01, float(secs or 1))
if layer == "nft":
    cost = f"{soft * 1e6 / nft:.2f} (kernel softirq)" if nft else "n/a"
else:
    cost = f"{pbx_cpu * 1e6 / flt:.2f} (PBX process)" if flt else "n/a"
print(f"| {layer} | {attackers} | {jailed} | {rate:,.0f} | {100 * ok / max(1, ok + bad):.2f}% ({ok}/{ok + bad}) | "
      f"{100 * pbx_cpu / win:.1f}% | {nft / win:,.0f} | {flt / win:,.0f} | {cost} |")
PY
)")
  kill "$PBX" 2>/dev/null || true; wait "$PBX" 2>/dev/null || true; PBX=""
  ip netns exec $P nft delete table inet autoban 2>/dev/null || true
done
echo "| layer | attackers | jailed | offered bad REGISTER/s | legit REGISTER success | PBX CPU (of one core) | nft drops/s | in-process drops/s | CPU µs per dropped packet |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---|"
printf '%s\n' "${ROWS[@]}"
echo "window ${DURATION}s after ${WARM}s warm-up; load average: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores; $(date -u +%Y-%m-%dT%H:%MZ)"
