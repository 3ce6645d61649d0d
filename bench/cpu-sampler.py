#!/usr/bin/env python3
"""Prints, every quarter second until killed: epoch ms, then CPU ticks (1/100 s) of the platform's JVM, of PostgreSQL
(the postmaster with its reaped children and its live backends) and of the whole machine (busy, all cores).

    bench/cpu-sampler.py PLATFORM_PID POSTMASTER_PID [WINDOW_FILE THREADS_FILE]
With WINDOW_FILE ("from to", epoch ms) and THREADS_FILE, when stopped (SIGTERM) it also writes to THREADS_FILE the
platform JVM's CPU between those instants by thread name (digits dropped: "vert.x-eventloop-thread-#"), busiest first.
One process reads every figure of a sample within a few milliseconds: a shell loop forking pgrep and awk took up to a
second per sample on the loaded machine, so its figures for one instant came from different instants.
"""
import os
import re
import signal
import sys
import time

platform, postmaster = sys.argv[1], sys.argv[2]
window_file, threads_file = (sys.argv[3], sys.argv[4]) if len(sys.argv) > 4 else (None, None)
threads_seen = []  # (epoch ms, {thread id: (name, ticks)}) per sample


def stat(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()
    except OSError:
        return None


def ticks(fields, reaped=False):
    # after the command: state ppid ... utime (index 11) stime cutime cstime
    return 0 if fields is None else sum(int(x) for x in fields[11:15 if reaped else 13])


def postgres():
    total = ticks(stat(postmaster), reaped=True)
    for pid in os.listdir("/proc"):
        if pid.isdigit():
            fields = stat(pid)
            if fields is not None and fields[1] == postmaster:
                total += ticks(fields)
    return total


def busy():
    with open("/proc/stat") as f:
        cpu = f.readline().split()
    return sum(int(cpu[i]) for i in (1, 2, 3, 6, 7))


def threads():
    found = {}
    try:
        tids = os.listdir(f"/proc/{platform}/task")
    except OSError:
        return found
    for tid in tids:
        try:
            with open(f"/proc/{platform}/task/{tid}/stat") as f:
                text = f.read()
        except OSError:
            continue
        name = text[text.index("(") + 1:text.rindex(")")]
        found[tid] = (re.sub(r"\d+", "#", name), ticks(text.rsplit(")", 1)[1].split()))
    return found


def by_thread(signum, frame):
    try:
        with open(window_file) as f:
            start, end = (int(x) for x in f.read().split())
        inside = [(t, snap) for t, snap in threads_seen if start <= t <= end]
        (t0, first), (t1, last) = inside[0], inside[-1]
        seconds, cores, busiest = (t1 - t0) / 1000, {}, []
        for tid, (name, used) in last.items():
            share = (used - first.get(tid, (name, 0))[1]) / 100 / seconds
            cores[name] = cores.get(name, 0) + share
            busiest.append((share, f"{name} (thread {tid})"))
        with open(threads_file, "w") as out:
            out.write(f"# platform JVM threads while the measured arrivals ran ({seconds:.1f} s), cores: by name "
                      f"(Linux keeps 15 characters of it), then the busiest five threads\n")
            for share, name in sorted(((share, name) for name, share in cores.items()), reverse=True)[:10]:
                out.write(f"{share:.3f} {name}\n")
            for share, name in sorted(busiest, reverse=True)[:5]:
                out.write(f"{share:.3f} {name}\n")
    except (OSError, ValueError, IndexError):
        pass
    sys.exit(0)


if window_file:
    signal.signal(signal.SIGTERM, by_thread)
while True:
    now = int(time.time() * 1000)
    print(now, ticks(stat(platform)), postgres(), busy(), flush=True)
    if window_file:
        threads_seen.append((now, threads()))
    time.sleep(0.25)
