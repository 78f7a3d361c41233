#!/usr/bin/env python3
"""Bad-REGISTER flood for bench/load/autoban-load.sh: N source addresses (already on a local interface), each a
socket bound to it, sending REGISTERs for unknown accounts round-robin at RATE packets/s for SECONDS.
Prints one line: sent=<packets> seconds=<elapsed> errors=<send errors>."""
import socket, sys, time

target, port, first, count, rate, seconds = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4]), int(sys.argv[5]), float(sys.argv[6])
base = [int(x) for x in first.split('.')]
start_int = (base[0] << 24) | (base[1] << 16) | (base[2] << 8) | base[3]
socks = []
for i in range(count):
    n = start_int + i
    ip = f"{n >> 24 & 255}.{n >> 16 & 255}.{n >> 8 & 255}.{n & 255}"
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.setblocking(False)
    s.bind((ip, 5060))
    socks.append((s, ip))

def message(ip, seq):
    return (f"REGISTER sip:{target}:{port} SIP/2.0\r\n"
            f"Via: SIP/2.0/UDP {ip}:5060;branch=z9hG4bK-fl{seq}\r\n"
            f"From: <sip:scan{seq % 97}@{target}>;tag=fl{seq}\r\n"
            f"To: <sip:scan{seq % 97}@{target}>\r\n"
            f"Call-ID: fl{seq}@{ip}\r\nCSeq: 1 REGISTER\r\n"
            f"Contact: <sip:scan@{ip}:5060>\r\nMax-Forwards: 70\r\nExpires: 60\r\n"
            f"User-Agent: friendly-scanner\r\nContent-Length: 0\r\n\r\n").encode()

tick = 0.01
per_tick = max(1, int(rate * tick))
sent = errors = seq = 0
t0 = time.monotonic()
deadline = t0 + seconds
next_tick = t0
while True:
    now = time.monotonic()
    if now >= deadline:
        break
    for _ in range(per_tick):
        s, ip = socks[seq % count]
        try:
            s.sendto(message(ip, seq), (target, port))
            sent += 1
        except OSError:
            errors += 1
        seq += 1
    next_tick += tick
    delay = next_tick - time.monotonic()
    if delay > 0:
        time.sleep(delay)
print(f"sent={sent} seconds={time.monotonic() - t0:.2f} errors={errors}")
