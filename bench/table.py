#!/usr/bin/env python3
"""Prints the results of imapwire-bench as Markdown tables (as in docs/benchmarks.md).

    build/release/bench/imapwire-bench --benchmark_repetitions=5 \\
        --benchmark_out=bench.json --benchmark_out_format=json
    bench/table.py bench.json

With repetitions, each row is the median of the runs and the CV column the coefficient of
variation of the throughput over the runs; without, the one run. Standard library only.
"""

import json
import sys

TO_NS = {"ns": 1.0, "us": 1e3, "ms": 1e6, "s": 1e9}


def load(path):
    with open(path) as f:
        doc = json.load(f)
    runs, medians, fits, rms, cvs = {}, {}, {}, {}, {}
    samples = {}
    for b in doc["benchmarks"]:
        name = b.get("run_name", b["name"])
        if b.get("error_occurred"):
            runs[name] = b
            continue
        if b.get("run_type") == "aggregate":
            agg = b.get("aggregate_name")
            if agg == "median":
                medians[name] = b
            elif agg == "BigO":
                fits[name] = b
            elif agg == "RMS":
                rms[name] = b
            elif agg == "cv" and "bytes_per_second" in b:
                cvs[name] = b["bytes_per_second"]
        else:
            runs.setdefault(name, b)
            if "bytes_per_second" in b:
                samples.setdefault(name, []).append(b["bytes_per_second"])
    # without the cv aggregate (repetitions reported one by one), compute it
    for name, xs in samples.items():
        if name not in cvs and len(xs) > 1:
            mean = sum(xs) / len(xs)
            var = sum((x - mean) ** 2 for x in xs) / (len(xs) - 1)
            cvs[name] = var ** 0.5 / mean if mean else 0.0
    best = dict(runs)
    best.update(medians)
    return doc, best, fits, rms, cvs


def rate(v):
    if v >= 1e9:
        return "%.2f G" % (v / 1e9)
    if v >= 1e6:
        return "%.1f M" % (v / 1e6)
    if v >= 1e3:
        return "%.1f k" % (v / 1e3)
    return "%.0f" % v


def num(v):
    if v == 0:
        return "0"
    if abs(v) < 0.01:
        return "%.1g" % v
    if abs(v - round(v)) < 1e-6 or abs(v) >= 10:
        return "%.0f" % v
    return "%.2f" % v


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    doc, best, fits, rms, cvs = load(sys.argv[1])
    ctx = doc.get("context", {})
    print("Run %s on %s CPUs (%s MHz), load average %s." % (
        ctx.get("date", "?"), ctx.get("num_cpus", "?"), ctx.get("mhz_per_cpu", "?"),
        ", ".join("%.2f" % x for x in ctx.get("load_avg", []))))
    print()
    print("| benchmark | MB/s | CV | messages/s | allocs/msg | bytes allocated/msg |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, b in best.items():
        if name.startswith("scale/"):
            continue
        if b.get("error_occurred"):
            print("| `%s` | error: %s | | | | |" % (name, b.get("error_message", "")))
            continue
        cv = cvs.get(name)
        sp = "%.1f %%" % (100 * cv) if cv is not None else ""
        if name.startswith("etpan/"):
            allocs = sizes = "(malloc)"  # libetpan allocates with malloc: not counted
        else:
            allocs = num(b.get("allocs_per_msg", 0))
            sizes = num(b.get("alloc_bytes_per_msg", 0))
        print("| `%s` | %s | %s | %s | %s | %s |" % (
            name, num(b.get("bytes_per_second", 0) / 1e6), sp,
            rate(b.get("items_per_second", 0)), allocs, sizes))
    print()
    print("| scaling benchmark | N | CPU time/msg | MB/s | allocs/msg |")
    print("|---|---:|---:|---:|---:|")
    for name, b in best.items():
        if not name.startswith("scale/") or b.get("error_occurred"):
            continue
        family, n = name.rsplit("/", 1)
        ns = b["cpu_time"] * TO_NS[b.get("time_unit", "ns")]
        print("| `%s` | %s | %s | %s | %s |" % (
            family, n, "%.2f µs" % (ns / 1e3), num(b.get("bytes_per_second", 0) / 1e6),
            num(b.get("allocs_per_msg", 0))))
    print()
    print("| family | fitted CPU time per N | RMS of the fit |")
    print("|---|---:|---:|")
    for name, b in fits.items():
        family = name[:-len("_BigO")] if name.endswith("_BigO") else name
        coef = b["cpu_coefficient"] * TO_NS[b.get("time_unit", "ns")]
        r = (rms.get(family) or rms.get(family + "_RMS") or {}).get("rms")
        print("| `%s` | %.3g ns × N | %s |" % (
            family, coef, "%.1f %%" % (100 * r) if r is not None else "?"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
