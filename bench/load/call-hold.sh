#!/usr/bin/env bash
# Memory per bridged call (issue 3 target: < 50 KB per bridged call, RSS back to its baseline after the load).
# For each N: SIPp callers place N digest-authenticated INVITEs at HOLD_RATE/s, Dial()ed to a registered SIPp UAS,
# and hold them (SIPp pause) until all N are up; then they hang up. Prints RSS at the start, with N calls held
# (and the live managed heap after a full GC at that moment), and AFTER seconds after the last hang-up (the idle
# trimmer gives memory back once the finished transactions are gone, 32 s after their last message).
# per-call KB = (RSS at N held - RSS before the step) / N; "gc" = the same after a full compacting GC at N held
# (what the calls really keep, without the garbage of the fill); live KB/c = live managed heap per call.
# Usage: bench/load/call-hold.sh [N...]   (default 1000 2000)
# Env: HOLD_RATE (calls/s while filling, 200), PROCS (caller SIPp processes, 2), AFTER (s, 45), PBX_BIN (default:
#      the JIT build).
set -euo pipefail
cd "$(dirname "$0")/../.."
. bench/load/lib.sh
COUNTS=("${@:-1000 2000}"); read -r -a COUNTS <<< "${COUNTS[*]}"
HOLD_RATE=${HOLD_RATE:-200}; PROCS=${PROCS:-2}; AFTER=${AFTER:-45}; USERS=${USERS:-200}
HERE=bench/load/scenarios
PBX=""; UAS=""; WORK=$(mktemp -d /tmp/sb-holdbench-XXXX)
trap '[ -n "$UAS" ] && kill $UAS 2>/dev/null; [ -n "$PBX" ] && kill $PBX 2>/dev/null; [ -n "${KEEP:-}" ] || rm -rf "$WORK"' EXIT
PORT=$(free_port)

mkdir -p "$WORK/data/etc/asterisk"
printf '[t-udp]\ntype = transport\nprotocol = udp\nbind = 127.0.0.1:%s\n' "$PORT" > "$WORK/data/etc/asterisk/pjsip.conf"
{
  printf '[user](!)\ntype = wizard\naccepts_auth = yes\naccepts_registrations = yes\nendpoint/context = load\n'
  printf 'endpoint/allow = !all,ulaw,alaw\nendpoint/direct_media = no\naor/max_contacts = 1\naor/remove_existing = yes\n\n'
  printf '[callee](user)\ninbound_auth/username = callee\ninbound_auth/password = pw-callee\n\n'
  for i in $(seq -w 1 "$USERS"); do printf '[c%s](user)\ninbound_auth/username = c%s\ninbound_auth/password = pw%s\n' "$i" "$i" "$i"; done
} > "$WORK/data/etc/asterisk/pjsip_wizard.conf"
printf '[load]\nexten => 200,1,Dial(PJSIP/callee,10)\n same => n,Hangup()\n' > "$WORK/data/etc/asterisk/extensions.conf"
printf '[general]\nrtpstart = 20000\nrtpend = 39999\n' > "$WORK/data/etc/asterisk/rtp.conf"
for p in $(seq 1 "$PROCS"); do
  { echo SEQUENTIAL; for i in $(seq -w 1 "$USERS"); do (( (10#$i % PROCS) + 1 == p )) && echo "c$i;[authentication username=c$i password=pw$i]"; done; } > "$WORK/users$p.csv"
done
# The bridged caller with the 1 s pause replaced by SIPp's default pause (-d).
sed 's|<pause milliseconds="1000"/>|<pause/>|' $HERE/call-bridged-uac.xml > "$WORK/call-hold-uac.xml"

if [ -z "${PBX_BIN:-}" ]; then
  dotnet build src/Switchboard -c Release -nologo -v q >/dev/null
  PBX_CMD=(dotnet src/Switchboard/bin/Release/net10.0/switchboard.dll)
else
  PBX_CMD=("$PBX_BIN")
fi
SYSLOG_LEVEL=${SYSLOG_LEVEL:-3} ACME_FILE= "${PBX_CMD[@]}" run --data-dir "$WORK/data" > "$WORK/pbx.log" 2>&1 &
PBX=$!
for _ in $(seq 1 60); do grep -q "ready in" "$WORK/pbx.log" 2>/dev/null && break; sleep 0.5; done

UP=$(free_port)
printf 'SEQUENTIAL\ncallee;[authentication username=callee password=pw-callee]\n' > "$WORK/callee.csv"
sipp 127.0.0.1:$PORT -sf tests/Switchboard.Interop.Tests/Scenarios/register-auth.xml -inf "$WORK/callee.csv" -i 127.0.0.1 \
     -p "$UP" -m 1 -nostdin -timeout 10 >/dev/null 2>&1
sipp -sf $HERE/callee-uas.xml -i 127.0.0.1 -p "$UP" -mp 46000 -nostdin -max_socket 60000 >"$WORK/uas.out" 2>&1 &
UAS=$!; sleep 1
channels() { pbx_cli core show channels count | awk '/active calls/{print $1+0}'; }

echo "bridged calls held   fill rate: ${HOLD_RATE}/s   caller processes: $PROCS   load average: $(cut -d' ' -f1-3 /proc/loadavg)   $(date -u '+%F %H:%M UTC')"
printf "%-6s %-8s %-6s %-10s %-9s %-12s %-11s %-10s %-10s %-10s %-8s\n" N "RSS0 MB" held "RSS held" "KB/call" "RSS held gc" "KB/call gc" "live heap" "live KB/c" "RSS after" "heap after"
for n in "${COUNTS[@]}"; do
  rss0=$(rss_mb); live0=$(heap_mb gc); rss0=$(rss_mb)
  per=$(( n / PROCS )); fill=$(( n / HOLD_RATE + 5 )); hold_ms=$(( (fill + 20) * 1000 )); pids=()
  for p in $(seq 1 "$PROCS"); do
    sipp 127.0.0.1:$PORT -sf "$WORK/call-hold-uac.xml" -s 200 -inf "$WORK/users$p.csv" -i 127.0.0.1 -p "$(free_port)" \
       -mp $(( 40000 + p * 2000 )) -r $(( HOLD_RATE / PROCS )) -m "$per" -l "$per" -d "$hold_ms" -nostdin \
       -timeout $(( fill + 80 )) >/dev/null 2>&1 &
    pids+=($!)
  done
  held=0
  for _ in $(seq 1 $(( (fill + 15) * 2 ))); do held=$(channels); (( held >= n )) && break; sleep 0.5; done
  sleep 2; held=$(channels); rss1=$(rss_mb); live1=$(heap_mb gc); rss1g=$(rss_mb)
  wait "${pids[@]}" || true
  sleep "$AFTER"
  rss2=$(rss_mb); heap2=$(heap_mb)
  kb=$(python3 -c "print(f'{($rss1-$rss0)*1024/max(1,$held):.1f}')")
  kbg=$(python3 -c "print(f'{($rss1g-$rss0)*1024/max(1,$held):.1f}')")
  lkb=$(python3 -c "print(f'{($live1-$live0)*1024/max(1,$held):.1f}')")
  printf "%-6s %-8s %-6s %-10s %-9s %-12s %-11s %-10s %-10s %-10s %-8s\n" "$n" "$rss0" "$held" "$rss1" "$kb" "$rss1g" "$kbg" "$live1" "$lkb" "$rss2" "$heap2"
done
