#!/usr/bin/env python3
"""Start-up benchmark: time from process start to the first answered SIP OPTIONS, and idle RSS.

Usage: bench/load/startup.py [--binary PATH] [--runs N] [--idle SECONDS]
  --binary  the PBX to start: an AOT binary (artifacts/container/publish/switchboard) or, by default, the
            JIT build `dotnet src/Switchboard/bin/Release/net10.0/switchboard.dll` (built when missing).
Each run uses a fresh data dir with the seed config minus TLS (UDP on a free 127.0.0.1 port) and a second set of
runs with a TLS transport on a fresh data dir (first start generates the self-signed certificate).
Traffic goes to 127.0.0.1 only; each run stops its PBX. Prints one table (median/min/max over the runs).
"""
import argparse, os, shutil, signal, socket, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

def free_port(kind=socket.SOCK_DGRAM):
    s = socket.socket(socket.AF_INET, kind); s.bind(("127.0.0.1", 0)); p = s.getsockname()[1]; s.close(); return p

def options(port, local_port, seq):
    return (f"OPTIONS sip:probe@127.0.0.1:{port} SIP/2.0\r\n"
            f"Via: SIP/2.0/UDP 127.0.0.1:{local_port};branch=z9hG4bK-start{seq};rport\r\n"
            f"Max-Forwards: 70\r\nFrom: <sip:bench@127.0.0.1>;tag=b{seq}\r\nTo: <sip:probe@127.0.0.1>\r\n"
            f"Call-ID: start-{seq}-{time.time_ns()}\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n").encode()

def write_config(data, port, tls_port):
    conf = os.path.join(data, "etc", "asterisk"); os.makedirs(conf)
    with open(os.path.join(conf, "pjsip.conf"), "w") as f:
        f.write(f"[udp]\ntype = transport\nprotocol = udp\nbind = 127.0.0.1:{port}\n")
        if tls_port:
            f.write(f"\n[tls]\ntype = transport\nprotocol = tls\nbind = 127.0.0.1:{tls_port}\n"
                    f"cert_file = {data}/etc/ssl/asterisk/cert.pem\npriv_key_file = {data}/etc/ssl/asterisk/priv_key.pem\n")
    with open(os.path.join(conf, "extensions.conf"), "w") as f:
        f.write("[default]\nexten => s,1,Hangup()\n")

def rss_kb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0

def run_once(cmd, tls, idle):
    work = tempfile.mkdtemp(prefix="sb-start-")
    data = os.path.join(work, "data")
    port = free_port(); tls_port = free_port(socket.SOCK_STREAM) if tls else 0
    write_config(data, port, tls_port)
    env = dict(os.environ, SYSLOG_LEVEL="4", ACME_FILE="", HOSTNAME="pbx.bench.test")
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); sock.bind(("127.0.0.1", 0)); sock.setblocking(False)
    lp = sock.getsockname()[1]
    t0 = time.monotonic()
    proc = subprocess.Popen(cmd + ["run", "--data-dir", data], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    answered = None; seq = 0
    try:
        deadline = t0 + 30
        while time.monotonic() < deadline and proc.poll() is None:
            seq += 1
            sock.sendto(options(port, lp, seq), ("127.0.0.1", port))
            end = time.monotonic() + 0.002
            while time.monotonic() < end:
                try:
                    if sock.recv(4096).startswith(b"SIP/2.0 200"):
                        answered = time.monotonic() - t0; break
                except BlockingIOError:
                    time.sleep(0.0002)
            if answered is not None:
                break
        rss = None
        if answered is not None and idle > 0:
            time.sleep(idle); rss = rss_kb(proc.pid)
        return answered, rss
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
        sock.close(); shutil.rmtree(work, ignore_errors=True)

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary"); ap.add_argument("--runs", type=int, default=5); ap.add_argument("--idle", type=float, default=5)
    a = ap.parse_args()
    if a.binary:
        cmd = [a.binary]; label = a.binary
    else:
        dll = os.path.join(ROOT, "src/Switchboard/bin/Release/net10.0/switchboard.dll")
        if not os.path.exists(dll):
            subprocess.run(["dotnet", "build", os.path.join(ROOT, "src/Switchboard"), "-c", "Release", "-nologo", "-v", "q"], check=True)
        cmd = ["dotnet", dll]; label = "dotnet switchboard.dll (JIT)"
    with open("/proc/loadavg") as f:
        load = f.read().split()[0]
    print(f"binary: {label}   runs: {a.runs}   load average at start: {load}")
    print(f"{'config':<28}{'start->OPTIONS 200 ms (median/min/max)':<42}{'idle RSS MB (median)':<20}")
    for tls in (False, True):
        times, rsss = [], []
        for _ in range(a.runs):
            t, r = run_once(cmd, tls, a.idle)
            if t is not None: times.append(t * 1000)
            if r: rsss.append(r / 1024)
        name = "UDP only" if not tls else "UDP + TLS (cert generated)"
        if not times:
            print(f"{name:<28}no answer"); continue
        tt = f"{statistics.median(times):.0f} / {min(times):.0f} / {max(times):.0f}"
        rr = f"{statistics.median(rsss):.1f}" if rsss else "-"
        print(f"{name:<28}{tt:<42}{rr:<20}")

if __name__ == "__main__":
    sys.exit(main())
