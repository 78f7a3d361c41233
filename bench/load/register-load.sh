#!/usr/bin/env bash
# Registration load against a running Switchboard, driven by SIPp (digest-authenticated REGISTERs).
# Prints one table: offered rate, completed, failures, CPU ms per registration, RSS.
# Usage: bench/load/register-load.sh [rates...]   (default: 1000 2000 4000 6000; STEP seconds each, default 60)
# Traffic goes to 127.0.0.1 only; every step stops by itself.
set -euo pipefail
cd "$(dirname "$0")/../.."
. bench/load/lib.sh
RATES=("${@:-1000 2000 4000 6000}"); read -r -a RATES <<< "${RATES[*]}"
STEP=${STEP:-60}; USERS=${USERS:-2000}; PROCS=${PROCS:-4}
PBX=""; WORK=$(mktemp -d /tmp/sb-bench-XXXX); trap '[ -n "$PBX" ] && kill $PBX 2>/dev/null || true; rm -rf "$WORK"' EXIT
PORT=$(free_port)

dotnet build src/Switchboard -c Release -nologo -v q >/dev/null
mkdir -p "$WORK/data/etc/asterisk"
cat > "$WORK/data/etc/asterisk/pjsip.conf" <<CONF
[t-udp]
type = transport
protocol = udp
bind = 127.0.0.1:$PORT
CONF
{
  printf '[user](!)\ntype = wizard\naccepts_auth = yes\naccepts_registrations = yes\naor/max_contacts = 1\naor/remove_existing = yes\n\n'
  for i in $(seq -w 1 "$USERS"); do printf '[b%s](user)\ninbound_auth/username = b%s\ninbound_auth/password = pw%s\n' "$i" "$i" "$i"; done
} > "$WORK/data/etc/asterisk/pjsip_wizard.conf"
for p in $(seq 1 "$PROCS"); do
  { echo SEQUENTIAL; for i in $(seq -w 1 "$USERS"); do (( (10#$i % PROCS) + 1 == p )) && echo "b$i;[authentication username=b$i password=pw$i]"; done; } > "$WORK/users$p.csv"
done
SYSLOG_LEVEL=3 ACME_FILE= dotnet src/Switchboard/bin/Release/net10.0/switchboard.dll run --data-dir "$WORK/data" > "$WORK/pbx.log" 2>&1 &
PBX=$!
for _ in $(seq 1 60); do grep -q "ready in" "$WORK/pbx.log" 2>/dev/null && break; sleep 0.5; done
SCEN=tests/Switchboard.Interop.Tests/Scenarios/register-auth.xml
print_header reg
for rate in "${RATES[@]}"; do
  per=$(( rate / PROCS )); total=$(( per * STEP ))
  c0=$(cpu_ticks); pids=()
  for p in $(seq 1 "$PROCS"); do
    lp=$(( 40000 + p * 10 + RANDOM % 5 * 200 ))
    (cd "$WORK" && sipp 127.0.0.1:$PORT -sf "$OLDPWD/$SCEN" -inf "users$p.csv" -i 127.0.0.1 -p $lp -mp $((lp+2)) \
       -r "$per" -m "$total" -l $(( per * 4 )) -nostdin -timeout $(( STEP + 30 )) -trace_stat -stf "stat$p-$rate.csv" -fd $STEP >/dev/null 2>&1 || true) &
    pids+=($!)
  done
  wait "${pids[@]}"
  print_step "$rate" "$c0" "$(cpu_ticks)"
done
