# Shared helpers of the SIPp load scripts (sourced). Expects WORK, PROCS, PBX (pid) to be set by the caller.
free_port() { python3 -c 'import socket;s=socket.socket(socket.AF_INET,socket.SOCK_DGRAM);s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }
cpu_ticks() { awk '{print $14+$15}' /proc/$PBX/stat; }
rss_mb() { awk '/VmRSS/{printf "%.1f", $2/1024}' /proc/$PBX/status; }
HZ=$(getconf CLK_TCK)
print_header() { printf "%-10s %-10s %-10s %-10s %-14s %-8s\n" "rate/s" "completed" "failed" "fail%" "cpu ms/$1" "RSS MB"; }
# print_step RATE CPU_TICKS_BEFORE CPU_TICKS_AFTER: sums SIPp's last statistics line of each process (stat<p>-<rate>.csv in WORK).
print_step() {
  local rate=$1 c0=$2 c1=$3 ok=0 bad=0 line
  for p in $(seq 1 "$PROCS"); do
    line=$(tail -1 "$WORK/stat$p-$rate.csv")
    ok=$(( ok + $(echo "$line" | awk -F';' '{print $16}') )); bad=$(( bad + $(echo "$line" | awk -F';' '{print $18}') ))
  done
  local cpu_ms pct
  cpu_ms=$(python3 -c "print(f'{($c1-$c0)*1000/$HZ/max(1,$ok):.3f}')")
  pct=$(python3 -c "print(f'{100*$bad/max(1,$ok+$bad):.3f}')")
  printf "%-10s %-10s %-10s %-10s %-14s %-8s\n" "$rate" "$ok" "$bad" "$pct" "$cpu_ms" "$(rss_mb)"
}
# pbx_cli CMD...: runs one CLI command on the PBX under test (needs PBX_CMD and WORK/data from the caller).
pbx_cli() { "${PBX_CMD[@]}" -rx "$*" --data-dir "$WORK/data" 2>/dev/null; }
# heap_mb [gc]: the managed heap in MB after a full compacting collection (with gc) or as it is.
heap_mb() { pbx_cli core show memory "${1:-}" | awk -F: '/^gc_heap_kb/{printf "%.1f", $2/1024}'; }
# print_after SECONDS: RSS and live heap at intervals after the load (the "back to baseline" figure).
print_after() {
  local total=$1 t=0 step=${2:-10}
  printf "%-14s %-10s %-14s %-14s %-10s\n" "after load s" "RSS MB" "heap MB" "live heap MB" "server tx"
  while (( t <= total )); do
    local heap rss tx live
    heap=$(heap_mb); rss=$(rss_mb); tx=$(pbx_cli core show memory | awk -F: '/^server_transactions/{print $2+0}')
    live=$( (( t == total )) && heap_mb gc || echo -)
    printf "%-14s %-10s %-14s %-14s %-10s\n" "$t" "$rss" "$heap" "$live" "$tx"
    (( t == total )) && printf "%-14s %-10s %-14s\n" "after full GC" "$(rss_mb)" "$(heap_mb)"
    # HEAPDUMP=file: a heap dump of the PBX at the end (read it with dotnet-dump/ClrMD to see what is alive).
    (( t == total )) && [ -n "${HEAPDUMP:-}" ] && "$(dirname "$(readlink -f "$(command -v dotnet)")")"/shared/Microsoft.NETCore.App/*/createdump -h -f "$HEAPDUMP" "$PBX" >/dev/null
    (( t == total )) && break
    sleep "$step"; t=$(( t + step )); (( t > total )) && t=$total
  done
}
