#!/usr/bin/env bash
# Call load against a running Switchboard, driven by several SIPp processes on 127.0.0.1 (issue 3 performance scenarios).
#   answered: digest-authenticated INVITEs answered by the dialplan (Answer, Wait(1), Hangup; the PBX sends BYE)
#   bridged:  digest-authenticated INVITEs Dial()ed to a registered SIPp UAS; the caller sends BYE after 1 s
#   overload: the answered scenario offered far above capacity (default 4,000/s): the PBX must refuse the excess with
#             503 + Retry-After (overload control, pjsip.conf [global] overload_*) while the admitted calls complete
# Prints ONE table: a baseline row (RSS before any load), one row per step (offered rate, offered calls, completed
# calls, failed calls, fail %, calls refused with 503, PBX CPU ms per completed call, RSS after the step), and a last
# row with the RSS after IDLE seconds without load.
#   completed = calls answered and ended normally; 503s = calls refused by overload control (to the first or the
#   authenticated INVITE); failed = every other failure (timeouts, unexpected messages): that column shows a collapse.
# Usage: bench/load/call-load.sh answered|bridged|overload [rates...]
#        (default rates: answered/bridged 200 500 1000 1500, overload 4000; STEP s each, default 60)
# Env: STEP (60), PROCS (caller SIPp processes: 2, overload 4), USERS (caller accounts, 500), IDLE (30),
#      PBX_BIN (default: the JIT build), SYSLOG_LEVEL (3), KEEP (keep the work dir),
#      OVL_DELAY_HIGH / OVL_DELAY_LOW (ms), OVL_INVITES_HIGH, OVL_RETRY_AFTER (s), OVL_TRIGGER (global|none):
#      written to pjsip.conf [global] as overload_delay_high ... taskprocessor_overload_trigger when set.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
. bench/load/lib.sh
MODE=${1:-answered}; shift || true
case "$MODE" in
  answered|bridged) DEFAULT_RATES="200 500 1000 1500"; DEFAULT_PROCS=2 ;;
  overload) DEFAULT_RATES="4000"; DEFAULT_PROCS=4 ;;
  *) echo "usage: $0 answered|bridged|overload [rates...]" >&2; exit 2 ;;
esac
RATES=("${@:-$DEFAULT_RATES}"); read -r -a RATES <<< "${RATES[*]}"
STEP=${STEP:-60}; USERS=${USERS:-500}; PROCS=${PROCS:-$DEFAULT_PROCS}; IDLE=${IDLE:-30}
HERE=$ROOT/bench/load/scenarios
PBX=""; UAS=""; WORK=$(mktemp -d /tmp/sb-callbench-XXXX)
trap '[ -n "$UAS" ] && kill $UAS 2>/dev/null; [ -n "$PBX" ] && kill $PBX 2>/dev/null; [ -n "${KEEP:-}" ] || rm -rf "$WORK"' EXIT
PORT=$(free_port)

mkdir -p "$WORK/data/etc/asterisk"
{
  printf '[global]\ntype = global\n'
  [ -n "${OVL_TRIGGER:-}" ] && printf 'taskprocessor_overload_trigger = %s\n' "$OVL_TRIGGER"
  [ -n "${OVL_DELAY_HIGH:-}" ] && printf 'overload_delay_high = %s\n' "$OVL_DELAY_HIGH"
  [ -n "${OVL_DELAY_LOW:-}" ] && printf 'overload_delay_low = %s\n' "$OVL_DELAY_LOW"
  [ -n "${OVL_INVITES_HIGH:-}" ] && printf 'overload_invites_high = %s\n' "$OVL_INVITES_HIGH"
  [ -n "${OVL_RETRY_AFTER:-}" ] && printf 'overload_retry_after = %s\n' "$OVL_RETRY_AFTER"
  printf '\n[t-udp]\ntype = transport\nprotocol = udp\nbind = 127.0.0.1:%s\n' "$PORT"
} > "$WORK/data/etc/asterisk/pjsip.conf"
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
LOGLEVEL_DEFAULT=3; [ "$MODE" = overload ] && LOGLEVEL_DEFAULT=5
SYSLOG_LEVEL=${SYSLOG_LEVEL:-$LOGLEVEL_DEFAULT} ACME_FILE= "${PBX_CMD[@]}" run --data-dir "$WORK/data" > "$WORK/pbx.log" 2>&1 &
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

# sum_503 DIR: calls refused with 503 (first or second INVITE) in the last line of every -trace_counts file under DIR.
sum_503() {
  local total=0 f n
  for f in "$1"/*_counts.csv; do
    [ -f "$f" ] || continue
    n=$(awk -F';' 'NR==1{for(i=1;i<=NF;i++) if($i ~ /_503_Recv$/) c[i]=1} NF>2{last=$0} END{split(last,v,";"); s=0; for(i in c) s+=v[i]; print s}' "$f")
    total=$(( total + n ))
  done
  echo "$total"
}
row() { printf "%-10s %-9s %-10s %-10s %-8s %-8s %-8s %-12s %-8s\n" "$@"; }

sleep 3
echo "mode: $MODE   step: ${STEP}s   caller processes: $PROCS   idle: ${IDLE}s   load average: $(cut -d' ' -f1-3 /proc/loadavg)   $(nproc) cores"
row "step" "rate/s" "offered" "completed" "failed" "fail%" "503s" "cpu ms/call" "RSS MB"
row "baseline" "-" "-" "-" "-" "-" "-" "-" "$(rss_mb)"
n=0
for rate in "${RATES[@]}"; do
  n=$(( n + 1 ))
  per=$(( rate / PROCS )); total=$(( per * STEP ))
  c0=$(cpu_ticks); pids=()
  for p in $(seq 1 "$PROCS"); do
    lp=$(free_port); dir="$WORK/run-$rate-$p"; mkdir -p "$dir"
    ( cd "$dir" && exec sipp 127.0.0.1:$PORT -sf "$SCEN" -s $SERVICE -inf "$WORK/users$p.csv" -i 127.0.0.1 -p "$lp" -mp $(( 40000 + p * 2000 )) \
       -r "$per" -m "$total" -l $(( per * 6 )) -nostdin -timeout $(( STEP + 40 )) -trace_stat -stf "$dir/stat.csv" -trace_counts -fd $STEP -trace_err -error_file "$dir/errors.log" \
       >/dev/null 2>&1 ) &
    pids+=($!)
  done
  wait "${pids[@]}" || true
  c1=$(cpu_ticks)
  ok=0; bad=0; refused=0
  for p in $(seq 1 "$PROCS"); do
    dir="$WORK/run-$rate-$p"; line=$(tail -1 "$dir/stat.csv")
    ok=$(( ok + $(echo "$line" | awk -F';' '{print $16}') )); bad=$(( bad + $(echo "$line" | awk -F';' '{print $18}') ))
    refused=$(( refused + $(sum_503 "$dir") ))
  done
  done_calls=$(( ok - refused ))   # a refused call ends its scenario normally (503, ACK): not a completed call
  offered=$(( ok + bad ))
  cpu_ms=$(python3 -c "print(f'{($c1-$c0)*1000/$HZ/max(1,$done_calls):.3f}')")
  pct=$(python3 -c "print(f'{100*$bad/max(1,$offered):.3f}')")
  row "step $n" "$rate" "$offered" "$done_calls" "$bad" "$pct" "$refused" "$cpu_ms" "$(rss_mb)"
  sleep 3
done
sleep "$IDLE"
row "idle ${IDLE}s" "-" "-" "-" "-" "-" "-" "-" "$(rss_mb)"
if grep -q "pjsip.overload" "$WORK/pbx.log"; then
  echo "overload control: $(grep -c 'refusing new requests' "$WORK/pbx.log") episode(s); $(grep 'pjsip.overload' "$WORK/pbx.log" | tail -1 | sed 's/^.*pjsip.overload: //')"
fi
