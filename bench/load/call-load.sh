#!/usr/bin/env bash
# Call load against a running Switchboard, driven by SIPp on 127.0.0.1 (issue 3 performance scenarios).
#   answered: digest-authenticated INVITEs answered by the dialplan (Answer, Wait(1), Hangup; the PBX sends BYE)
#   bridged:  digest-authenticated INVITEs Dial()ed to a registered SIPp UAS; the caller sends BYE after 1 s
# Prints one table: offered rate, completed calls, failures, fail %, CPU ms per call, RSS MB after the step.
# Usage: bench/load/call-load.sh answered|bridged [rates...]   (default rates 200 500 1000 1500; STEP s each, default 60)
# Env: STEP (60), PROCS (caller SIPp processes, 2), USERS (caller accounts, 500), PBX_BIN (default: the JIT build),
#      AFTER (seconds to watch RSS/heap after the last step; a full GC is forced at the end to show what is alive).
set -euo pipefail
cd "$(dirname "$0")/../.."
. bench/load/lib.sh
MODE=${1:-answered}; shift || true
RATES=("${@:-200 500 1000 1500}"); read -r -a RATES <<< "${RATES[*]}"
STEP=${STEP:-60}; USERS=${USERS:-500}; PROCS=${PROCS:-2}
HERE=bench/load/scenarios
PBX=""; UAS=""; WORK=$(mktemp -d /tmp/sb-callbench-XXXX)
trap '[ -n "$UAS" ] && kill $UAS 2>/dev/null; [ -n "$PBX" ] && kill $PBX 2>/dev/null; [ -n "${KEEP:-}" ] || rm -rf "$WORK"' EXIT
PORT=$(free_port)

mkdir -p "$WORK/data/etc/asterisk"
cat > "$WORK/data/etc/asterisk/pjsip.conf" <<CONF
[t-udp]
type = transport
protocol = udp
bind = 127.0.0.1:$PORT
CONF
{
  printf '[user](!)\ntype = wizard\naccepts_auth = yes\naccepts_registrations = yes\nendpoint/context = load\n'
  printf 'endpoint/allow = !all,ulaw,alaw\nendpoint/direct_media = no\naor/max_contacts = 1\naor/remove_existing = yes\n\n'
  printf '[callee](user)\ninbound_auth/username = callee\ninbound_auth/password = pw-callee\n\n'
  for i in $(seq -w 1 "$USERS"); do printf '[c%s](user)\ninbound_auth/username = c%s\ninbound_auth/password = pw%s\n' "$i" "$i" "$i"; done
} > "$WORK/data/etc/asterisk/pjsip_wizard.conf"
cat > "$WORK/data/etc/asterisk/extensions.conf" <<CONF
[load]
exten => 100,1,Answer()
 same => n,Wait(1)
 same => n,Hangup()
exten => 200,1,Dial(PJSIP/callee,10)
 same => n,Hangup()
CONF
printf '[general]\nrtpstart = 20000\nrtpend = 39999\n' > "$WORK/data/etc/asterisk/rtp.conf"
for p in $(seq 1 "$PROCS"); do
  { echo SEQUENTIAL; for i in $(seq -w 1 "$USERS"); do (( (10#$i % PROCS) + 1 == p )) && echo "c$i;[authentication username=c$i password=pw$i]"; done; } > "$WORK/users$p.csv"
done

if [ -z "${PBX_BIN:-}" ]; then
  dotnet build src/Switchboard -c Release -nologo -v q >/dev/null
  PBX_CMD=(dotnet src/Switchboard/bin/Release/net10.0/switchboard.dll)
else
  PBX_CMD=("$PBX_BIN")
fi
SYSLOG_LEVEL=${SYSLOG_LEVEL:-3} ACME_FILE= "${PBX_CMD[@]}" run --data-dir "$WORK/data" > "$WORK/pbx.log" 2>&1 &
PBX=$!
for _ in $(seq 1 60); do grep -q "ready in" "$WORK/pbx.log" 2>/dev/null && break; sleep 0.5; done

SERVICE=100; SCEN=$HERE/call-answered-uac.xml
if [ "$MODE" = bridged ]; then
  SERVICE=200; SCEN=$HERE/call-bridged-uac.xml
  UP=$(free_port)
  printf 'SEQUENTIAL\ncallee;[authentication username=callee password=pw-callee]\n' > "$WORK/callee.csv"
  sipp 127.0.0.1:$PORT -sf tests/Switchboard.Interop.Tests/Scenarios/register-auth.xml -inf "$WORK/callee.csv" -i 127.0.0.1 \
       -p "$UP" -m 1 -nostdin -timeout 10 >/dev/null 2>&1
  sipp -sf $HERE/callee-uas.xml -i 127.0.0.1 -p "$UP" -mp 46000 -nostdin -trace_err -error_file "$WORK/uas-errors.log" \
       -max_socket 60000 >"$WORK/uas.out" 2>&1 &
  UAS=$!; sleep 1
fi

echo "mode: $MODE   step: ${STEP}s   caller processes: $PROCS   load average: $(cut -d' ' -f1-3 /proc/loadavg)   RSS before: $(rss_mb) MB"
print_header call
for rate in "${RATES[@]}"; do
  per=$(( rate / PROCS )); total=$(( per * STEP ))
  c0=$(cpu_ticks); pids=()
  for p in $(seq 1 "$PROCS"); do
    lp=$(free_port)
    sipp 127.0.0.1:$PORT -sf "$SCEN" -s $SERVICE -inf "$WORK/users$p.csv" -i 127.0.0.1 -p "$lp" -mp $(( 40000 + p * 2000 )) \
       -r "$per" -m "$total" -l $(( per * 6 )) -nostdin -timeout $(( STEP + 40 )) -trace_stat -stf "$WORK/stat$p-$rate.csv" -fd $STEP >/dev/null 2>&1 &
    pids+=($!)
  done
  wait "${pids[@]}" || true
  print_step "$rate" "$c0" "$(cpu_ticks)"
  sleep 3
done
# AFTER=s: RSS and heap for s seconds after the last step (finished transactions end 32 s after their last message).
[ -n "${AFTER:-}" ] && print_after "$AFTER"
