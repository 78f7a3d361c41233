#!/usr/bin/env bash
# Messaging load against a running Switchboard on 127.0.0.1 (issue 6 performance scenarios).
#   relay:  SIPp phones send digest-authenticated MESSAGEs to user rcpt; the dialplan MessageSend()s each one to
#           rcpt's registered SIPp device. Target 3,000 relayed messages/s.
#   websms: webhook-load.py POSTs form webhooks to websmsd (keep-alive, open loop); each accepted SMS runs the
#           [astqueue] context, which MessageSend()s it to rcpt's device. Target 2,000/s, p99 latency printed.
# For each offered rate: accepted (202 / HTTP 200), failed, delivered (MESSAGEs the device answered 200), achieved
# delivered/s (delivered / time from the step's start to the last delivery, +-1 s: the device's statistics are
# written every second), CPU ms per message, RSS. websms adds accepted/s (the generator's achieved rate of 200s;
# webhook-load.py is one Python process and may be the limit) and p50/p99/max latency of the HTTP answer.
# Usage: bench/load/message-load.sh relay|websms [rates...]   (default 500 1000 2000 3000; STEP s each, default 30)
# Env: STEP (30), PROCS (SIPp sender processes, 2), CONNS (HTTP connections, 32), PBX_BIN (default: the JIT build),
#      AFTER (seconds to watch RSS/heap after the last step; a full GC is forced at the end to show what is alive).
set -euo pipefail
cd "$(dirname "$0")/../.."
. bench/load/lib.sh
MODE=${1:-relay}; shift || true
RATES=("${@:-500 1000 2000 3000}"); read -r -a RATES <<< "${RATES[*]}"
STEP=${STEP:-30}; PROCS=${PROCS:-2}; CONNS=${CONNS:-32}
HERE=bench/load/scenarios
PBX=""; UAS=""; WORK=$(mktemp -d /tmp/sb-msgbench-XXXX)
trap '[ -n "$UAS" ] && kill $UAS 2>/dev/null; [ -n "$PBX" ] && kill $PBX 2>/dev/null; [ -n "${KEEP:-}" ] || rm -rf "$WORK"' EXIT
PORT=$(free_port); HTTP=$(free_port); UP=$(free_port)

mkdir -p "$WORK/data/etc/asterisk"
printf '[t-udp]\ntype = transport\nprotocol = udp\nbind = 127.0.0.1:%s\n' "$PORT" > "$WORK/data/etc/asterisk/pjsip.conf"
cat > "$WORK/data/etc/asterisk/pjsip_wizard.conf" <<CONF
[user](!)
type = wizard
accepts_auth = yes
accepts_registrations = yes
endpoint/context = load_text
endpoint/message_context = load_text
endpoint/allow = !all,ulaw
aor/max_contacts = 1
aor/remove_existing = yes

[rcpt](user)
inbound_auth/username = rcpt
inbound_auth/password = pw-rcpt

[snd](user)
inbound_auth/username = snd
inbound_auth/password = pw-snd
CONF
cat > "$WORK/data/etc/asterisk/extensions.conf" <<'CONF'
[load_text]
exten => rcpt,1,MessageSend(pjsip:rcpt,${MESSAGE(from)})
 same => n,Hangup()

[load_websms]
exten => _[+0-9].,1,MessageSend(pjsip:rcpt,${MESSAGE(from)})
 same => n,Hangup()
CONF
cat > "$WORK/data/etc/asterisk/websms.conf" <<'CONF'
[websmsd]
bind_addr = 127.0.0.1
url_path = /hook
remt_addr = 127.0.0.1
resp_ack = OK

[astqueue]
context = load_websms
CONF
printf 'SEQUENTIAL\nsnd;[authentication username=snd password=pw-snd]\n' > "$WORK/snd.csv"
printf 'SEQUENTIAL\nrcpt;[authentication username=rcpt password=pw-rcpt]\n' > "$WORK/rcpt.csv"

if [ -z "${PBX_BIN:-}" ]; then
  dotnet build src/Switchboard -c Release -nologo -v q >/dev/null
  PBX_CMD=(dotnet src/Switchboard/bin/Release/net10.0/switchboard.dll)
else
  PBX_CMD=("$PBX_BIN")
fi
WEBSMSD_PORT=$HTTP SYSLOG_LEVEL=${SYSLOG_LEVEL:-3} ACME_FILE= "${PBX_CMD[@]}" run --data-dir "$WORK/data" > "$WORK/pbx.log" 2>&1 &
PBX=$!
for _ in $(seq 1 60); do grep -q "ready in" "$WORK/pbx.log" 2>/dev/null && break; sleep 0.5; done

# The recipient's device: one SIPp UAS registered as rcpt's contact.
sipp -sf $HERE/message-uas.xml -i 127.0.0.1 -p "$UP" -nostdin -trace_stat -stf "$WORK/uas.csv" -fd 1 \
     -max_socket 60000 >"$WORK/uas.out" 2>&1 &
UAS=$!
sipp 127.0.0.1:$PORT -sf tests/Switchboard.Interop.Tests/Scenarios/register-contact.xml -inf "$WORK/rcpt.csv" -i 127.0.0.1 \
     -p "$(free_port)" -m 1 -nostdin -timeout 10 -set contact_port "$UP" >/dev/null 2>&1
sleep 2
delivered() { tail -1 "$WORK/uas.csv" | awk -F';' '{print $16}'; }

echo "mode: $MODE   step: ${STEP}s   $(nproc) cores   load average: $(cut -d' ' -f1-3 /proc/loadavg)   $(date -u '+%F %H:%M UTC')   RSS before: $(rss_mb) MB"
if [ "$MODE" = websms ]; then
  printf "%-8s %-9s %-11s %-8s %-8s %-10s %-12s %-9s %-9s %-9s %-10s %-7s\n" rate/s accepted accepted/s refused errors delivered delivered/s p50_ms p99_ms max_ms "cpu ms/msg" "RSS MB"
else
  printf "%-8s %-9s %-8s %-10s %-12s %-10s %-7s\n" rate/s accepted failed delivered delivered/s "cpu ms/msg" "RSS MB"
fi
for rate in "${RATES[@]}"; do
  d0=$(delivered); c0=$(cpu_ticks); t0=$(date +%s.%N)
  if [ "$MODE" = websms ]; then
    read -r sent ok other errs okrate p50 p99 pmax < <(python3 bench/load/webhook-load.py "$HTTP" /hook +12025550100 "$rate" "$STEP" "$CONNS")
  else
    per=$(( rate / PROCS )); total=$(( per * STEP )); pids=()
    for p in $(seq 1 "$PROCS"); do
      sipp 127.0.0.1:$PORT -sf $HERE/message-uac.xml -s rcpt -inf "$WORK/snd.csv" -i 127.0.0.1 -p "$(free_port)" \
         -r "$per" -m "$total" -l $(( per * 4 )) -nostdin -timeout $(( STEP + 40 )) -trace_stat -stf "$WORK/stat$p-$rate.csv" -fd "$STEP" >/dev/null 2>&1 &
      pids+=($!)
    done
    wait "${pids[@]}" || true
    ok=0; bad=0
    for p in $(seq 1 "$PROCS"); do
      line=$(tail -1 "$WORK/stat$p-$rate.csv")
      ok=$(( ok + $(echo "$line" | awk -F';' '{print $16}') )); bad=$(( bad + $(echo "$line" | awk -F';' '{print $18}') ))
    done
  fi
  # Let delivery catch up (bounded), then count what the device answered.
  # (the device's statistics file is written every second, so the end time is known to about 1 s).
  for _ in $(seq 1 100); do [ "$(delivered)" -ge $(( d0 + ok )) ] && break; sleep 0.2; done
  t1=$(date +%s.%N); sleep 1.2
  d1=$(delivered); c1=$(cpu_ticks)
  dn=$(( d1 - d0 ))
  rate_d=$(python3 -c "print(f'{$dn/max(1e-9,$t1-$t0):.0f}')")  # includes the catch-up time
  cpu_ms=$(python3 -c "print(f'{($c1-$c0)*1000/$HZ/max(1,$dn):.3f}')")
  if [ "$MODE" = websms ]; then
    printf "%-8s %-9s %-11s %-8s %-8s %-10s %-12s %-9s %-9s %-9s %-10s %-7s\n" "$rate" "$ok" "$okrate" "$other" "$errs" "$dn" "$rate_d" "$p50" "$p99" "$pmax" "$cpu_ms" "$(rss_mb)"
  else
    printf "%-8s %-9s %-8s %-10s %-12s %-10s %-7s\n" "$rate" "$ok" "$bad" "$dn" "$rate_d" "$cpu_ms" "$(rss_mb)"
  fi
  sleep 2
done
# AFTER=s: RSS and heap for s seconds after the last step (finished transactions end 32 s after their last message).
[ -n "${AFTER:-}" ] && print_after "$AFTER"
