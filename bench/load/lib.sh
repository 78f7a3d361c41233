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
