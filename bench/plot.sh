#!/usr/bin/env bash
# Draws docs/benchmarks.png from Google Benchmark's JSON output of imapwire-bench.
#
#   build/release/bench/imapwire-bench --benchmark_repetitions=5 \
#       --benchmark_out=bench.json --benchmark_out_format=json
#   bench/plot.sh bench.json [docs/benchmarks.png]
#
# Needs python3 (to read the JSON) and gnuplot with the pngcairo terminal (Debian:
# gnuplot-nox). With repetitions, the median of each benchmark is plotted; without, the one run.
#
# Top: throughput (MB/s, log scale) per kind of traffic: libetpan's parser, imapwire's
# parse_response / parse_command, its serializer, framing with find_message and with the framer.
# Bottom: CPU time of one message against its nesting depth, address count and literal size,
# with the straight line Google Benchmark fitted (Complexity(oN)).
set -euo pipefail

if (($# < 1 || $# > 2)); then
    echo "usage: $0 RESULTS.json [OUT.png]" >&2
    exit 2
fi
json=$1
out=${2:-"$(dirname "${BASH_SOURCE[0]}")/../docs/benchmarks.png"}
command -v gnuplot >/dev/null || { echo "$0: gnuplot not found (apt-get install gnuplot-nox)" >&2; exit 1; }
command -v python3 >/dev/null || { echo "$0: python3 not found" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

python3 - "$json" "$tmp" <<'PY'
import json
import sys

path, outdir = sys.argv[1], sys.argv[2]
with open(path) as f:
    doc = json.load(f)

TO_US = {"ns": 1e-3, "us": 1.0, "ms": 1e3, "s": 1e6}

# One entry per benchmark: the median aggregate when there are repetitions, else the run.
runs, medians, fits = {}, {}, {}
for b in doc["benchmarks"]:
    name = b.get("run_name", b["name"])
    if b.get("error_occurred"):
        continue
    if b.get("run_type") == "aggregate":
        agg = b.get("aggregate_name")
        if agg == "median":
            medians[name] = b
        elif agg == "BigO":
            fits[name] = b
    else:
        runs.setdefault(name, b)
best = dict(runs)
best.update(medians)

def mbps(name):
    b = best.get(name)
    if b is None or "bytes_per_second" not in b:
        return "-"
    return "%.3f" % (b["bytes_per_second"] / 1e6)

traffics = ["bulk_fetch", "bulk_fetch_x50", "literal_body", "status", "dovecot", "commands"]
with open(outdir + "/throughput.dat", "w") as f:
    f.write("# traffic libetpan parse serialize find_message framer (MB/s)\n")
    for t in traffics:
        if t == "commands":
            cols = ["-", mbps("parse/command/stream"), mbps("serialize/command/stream"),
                    mbps("frame/find_message/commands"), mbps("frame/framer/commands")]
        else:
            cols = [mbps("etpan/response/" + t), mbps("parse/response/" + t),
                    mbps("serialize/response/" + t), mbps("frame/find_message/" + t),
                    mbps("frame/framer/" + t)]
        f.write(t + " " + " ".join(cols) + "\n")

def series(family, fname):
    """N and CPU microseconds per message for family/N, and the fitted coefficient."""
    rows = []
    for name, b in best.items():
        if name.startswith(family + "/"):
            n = int(name.rsplit("/", 1)[1])
            rows.append((n, b["cpu_time"] * TO_US[b.get("time_unit", "ns")]))
    rows.sort()
    with open(outdir + "/" + fname, "w") as f:
        for n, us in rows:
            f.write("%d %.4f\n" % (n, us))
    fit = fits.get(family + "_BigO") or fits.get(family)
    coef = 0.0
    if fit is not None:
        coef = fit["cpu_coefficient"] * TO_US[fit.get("time_unit", "ns")]
    return coef

coefs = {
    "depth_parse": series("scale/parse/bodystructure_depth", "depth_parse.dat"),
    "depth_serialize": series("scale/serialize/bodystructure_depth", "depth_serialize.dat"),
    "addresses": series("scale/parse/envelope_addresses", "addresses.dat"),
    "literal": series("scale/parse/literal_size", "literal.dat"),
}
with open(outdir + "/coefs.gp", "w") as f:
    for k, v in coefs.items():
        f.write("c_%s = %.9g\n" % (k, v))
ctx = doc.get("context", {})
with open(outdir + "/title.gp", "w") as f:
    f.write('run_date = "%s"\n' % ctx.get("date", "")[:10])
    f.write('run_host = "%d CPUs, %s, Boost %s, g++ %s"\n' % (
        ctx.get("num_cpus", 0), ctx.get("imapwire.cxx_flags", ""),
        ctx.get("imapwire.boost", "").replace("_", "."), ctx.get("imapwire.compiler", "")))
PY

gnuplot <<GP
load "$tmp/coefs.gp"
load "$tmp/title.gp"
set terminal pngcairo size 1400,1050 font "DejaVu Sans,11" noenhanced
set output "$out"
set datafile missing "-"
set multiplot title sprintf("imapwire-bench, %s (%s); medians", run_date, run_host)

# --- throughput -------------------------------------------------------------------------
set origin 0, 0.45
set size 1, 0.52
set title "Throughput by traffic (MB/s, log scale; higher is better)"
set style data histogram
set style histogram clustered gap 1
set style fill solid 0.85 border -1
set boxwidth 0.9
set logscale y
set yrange [10:100000]
set ytics ("10" 10, "100" 100, "1 000" 1000, "10 000" 10000, "100 000" 100000)
set grid ytics
set key tmargin horizontal
set xtics nomirror
set arrow 1 from graph 0, first 5000 to graph 1, first 5000 nohead dt 2 lc rgb "#d62728"
set label 1 "framer target: 5 GB/s" at graph 0.005, first 6000 tc rgb "#d62728"
plot "$tmp/throughput.dat" using 2:xtic(1) title "libetpan parse" lc rgb "#999999", \
     "" using 3 title "imapwire parse" lc rgb "#1f77b4", \
     "" using 4 title "imapwire serialize" lc rgb "#2ca02c", \
     "" using 5 title "find_message (framing)" lc rgb "#ff7f0e", \
     "" using 6 title "framer (64 KiB chunks)" lc rgb "#d62728"

# --- scaling ----------------------------------------------------------------------------
unset arrow 1
unset label 1
unset logscale
unset style
set style data linespoints
set autoscale
unset ytics
set ytics
set xtics autofreq
set grid xtics ytics
set key default
set key inside top left vertical
set size 0.333, 0.43

set origin 0, 0
set title "BODYSTRUCTURE nesting depth"
set xlabel "depth"
set ylabel "CPU time per message (us)"
plot "$tmp/depth_parse.dat" using 1:2 title "parse" pt 7 lc rgb "#1f77b4", \
     c_depth_parse * x title "fit c*N" dt 2 lc rgb "#1f77b4", \
     "$tmp/depth_serialize.dat" using 1:2 title "serialize" pt 5 lc rgb "#2ca02c", \
     c_depth_serialize * x title "fit c*N" dt 2 lc rgb "#2ca02c"

set origin 0.333, 0
set title "Addresses in one ENVELOPE field"
set xlabel "addresses"
set ylabel ""
plot "$tmp/addresses.dat" using 1:2 title "parse" pt 7 lc rgb "#1f77b4", \
     c_addresses * x title "fit c*N" dt 2 lc rgb "#1f77b4"

set origin 0.666, 0
set title "BODY[] literal size (log-log)"
set xlabel "literal octets"
set logscale xy
set xrange [500:2000000]
plot "$tmp/literal.dat" using 1:2 title "parse" pt 7 lc rgb "#1f77b4", \
     c_literal * x title "fit c*N" dt 2 lc rgb "#1f77b4"
unset multiplot
GP
echo "wrote $out"
