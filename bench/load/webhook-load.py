#!/usr/bin/env python3
"""Open-loop HTTP/1.1 webhook load against websmsd on 127.0.0.1 (keep-alive connections, form bodies).

Sends RATE requests/s for SECONDS over CONNS connections, each request POSTs To/From/Body to PATH. Prints one line:
sent, 200s, other statuses, errors, achieved rate, p50/p99/max latency (send -> full response) in ms.
Usage: webhook-load.py PORT PATH TO RATE SECONDS [CONNS]
"""
import asyncio
import sys
import time
import urllib.parse


async def connection(port, path, to, interval, deadline, start_at, lat, counts, ident):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    n = 0
    next_at = start_at
    while True:
        now = time.monotonic()
        if now >= deadline:
            break
        if next_at > now:
            await asyncio.sleep(next_at - now)
        next_at += interval
        body = urllib.parse.urlencode({"To": to, "From": "+4670%07d" % ident, "Body": "load %d-%d" % (ident, n)}).encode()
        n += 1
        req = (f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
               f"Content-Length: {len(body)}\r\n\r\n").encode() + body
        t0 = time.monotonic()
        try:
            writer.write(req)
            status_line = await reader.readline()
            length, chunked = 0, False
            while True:
                line = await reader.readline()
                if line in (b"\r\n", b""):
                    break
                lower = line.lower()
                if lower.startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
                elif lower.startswith(b"transfer-encoding:") and b"chunked" in lower:
                    chunked = True
            if chunked:
                while True:
                    size = int((await reader.readline()).split(b";")[0], 16)
                    await reader.readexactly(size + 2)
                    if size == 0:
                        break
            elif length:
                await reader.readexactly(length)
            lat.append(time.monotonic() - t0)
            if status_line.split(b" ")[1:2] == [b"200"]:
                counts["ok"] += 1
            else:
                counts["other"] += 1
        except (OSError, asyncio.IncompleteReadError, IndexError, ValueError):
            counts["errors"] += 1
            writer.close()
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.close()


async def main():
    port, path, to, rate, seconds = int(sys.argv[1]), sys.argv[2], sys.argv[3], float(sys.argv[4]), float(sys.argv[5])
    conns = int(sys.argv[6]) if len(sys.argv) > 6 else 32
    lat, counts = [], {"ok": 0, "other": 0, "errors": 0}
    start = time.monotonic() + 0.2
    deadline = start + seconds
    interval = conns / rate
    await asyncio.wait_for(asyncio.gather(*[
        connection(port, path, to, interval, deadline, start + i * interval / conns, lat, counts, i) for i in range(conns)
    ]), timeout=seconds + 60)
    took = time.monotonic() - start
    lat.sort()
    pct = lambda p: 1000 * lat[min(len(lat) - 1, int(p * len(lat)))] if lat else float("nan")
    sent = counts["ok"] + counts["other"] + counts["errors"]
    print(f"{sent} {counts['ok']} {counts['other']} {counts['errors']} {counts['ok'] / took:.0f} "
          f"{pct(0.50):.1f} {pct(0.99):.1f} {1000 * lat[-1] if lat else float('nan'):.1f}")


asyncio.run(main())
