#!/usr/bin/env python3
"""Prints one line per request (and group) of a Gatling report: counts, rate and percentiles for OK and KO apart.

    bench/gatling-summary.py REPORT_DIR [LABEL] [SECONDS]
With SECONDS (the measured arrivals' duration), "per second" is count / SECONDS instead of Gatling's mean over the
whole run, which includes the load generator's warm-up.
Requests named "warm-up: ..." are left out. Output columns: label, request, outcome (ok|ko), count, per second, p50, p95, p99, p99.9, max (ms).
"""
import glob
import html
import os
import re
import sys

report, label = sys.argv[1], (sys.argv[2] if len(sys.argv) > 2 else "")
seconds = float(sys.argv[3]) if len(sys.argv) > 3 else None
ROWS = {"Total count": "count", "Mean count/s": "rps", "50th percentile": "p50", "95th percentile": "p95",
        "99th percentile": "p99", "99.9th percentile": "p99.9", "Max": "max"}
for page in sorted(glob.glob(os.path.join(report, "req_*.html")) + glob.glob(os.path.join(report, "group_*.html"))):
    text = open(page, encoding="utf-8").read()
    name = html.unescape(re.search(r"<title>Gatling Stats - ([^<]*)", text).group(1)).strip()
    if name.startswith("warm-up: "):  # the load generator's own warm-up, not measured
        continue
    figures = {"ok": {}, "ko": {}}
    for title, ok, ko in re.findall(r'<td class="title">([^<]*)(?:</abbr>)?</td>\s*<td class="total">[^<]*</td>\s*'
                                    r'<td class="ok">([^<]*)</td>\s*<td class="ko">([^<]*)</td>', text):
        key = ROWS.get(title.strip())
        if key:
            figures["ok"][key], figures["ko"][key] = ok.strip(), ko.strip()
    for outcome in ("ok", "ko"):
        f = figures[outcome]
        if f.get("count", "0") in ("0", "-", ""):
            continue
        if seconds:
            f["rps"] = f"{int(f['count'].replace(',', '')) / seconds:.2f}"
        print(f"RESULT {label}|{name}|{outcome}|" + "|".join(f.get(k, "-") for k in
              ("count", "rps", "p50", "p95", "p99", "p99.9", "max")))
