#!/usr/bin/env python3
"""Benchmark: whole-process wall time and peak memory of `plumbline check` on generated large plans.

Generates plans that repeat the bundled reference stack (infra-reference/generator/generate.py --bench N), then
runs ./plumbline check on each several times and prints the figures. Not a test: it prints, it does not judge.
Usage: python3 bench/check_benchmark.py [--resources 10000] [--runs 5]
"""
import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def generate(copies, out):
    subprocess.run([sys.executable, os.path.join(ROOT, "infra-reference", "generator", "generate.py"),
                    "--bench", str(copies), "--out", out], check=True)
    with open(out) as f:
        doc = json.load(f)
    return len(doc.get("resource_changes", []))


def run_once(plan, extra):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    p = subprocess.run([os.path.join(ROOT, "plumbline"), "check", plan, "--format", "json"] + extra,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if p.returncode not in (0, 1):
        sys.stderr.write(p.stderr.decode())
        raise SystemExit("plumbline check failed with exit code %d" % p.returncode)
    findings = len(json.loads(p.stdout)["findings"])
    # ru_maxrss of children is the largest child so far (KiB on Linux); runs are in increasing size order.
    return wall, after.ru_maxrss / 1024.0, findings, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--resources", type=int, default=10000, help="target resource count of the largest plan")
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    if not os.path.exists(os.path.join(ROOT, "cli", "target", "plumbline.jar")):
        raise SystemExit("build first: mvn -B -q -DskipTests package")
    out_dir = os.path.join(ROOT, "bench", "out")
    os.makedirs(out_dir, exist_ok=True)
    probe = os.path.join(out_dir, "probe.json")
    per_copy = generate(1, probe)
    copies_for = lambda n: max(1, -(-n // per_copy))  # ceil: at least n resources
    sizes = sorted({copies_for(args.resources // 10), copies_for(args.resources)})
    print("reference stack: %d resources per copy" % per_copy)
    print("%10s %10s %10s %12s %12s %12s %10s" % ("resources", "MB", "findings", "wall med s", "wall min s",
                                                  "cpu med s", "peak MB"))
    for copies in sizes:
        plan = os.path.join(out_dir, "plan-%d.json" % copies)
        n = generate(copies, plan)
        mb = os.path.getsize(plan) / 1e6
        walls, cpus, peak, findings = [], [], 0.0, 0
        run_once(plan, [])  # warm the page cache
        for _ in range(args.runs):
            wall, rss, findings, cpu = run_once(plan, [])
            walls.append(wall)
            cpus.append(cpu)
            peak = max(peak, rss)
        print("%10d %10.1f %10d %12.3f %12.3f %12.3f %10.0f" % (n, mb, findings, statistics.median(walls),
                                                             min(walls), statistics.median(cpus), peak))
    print("goal: <= 1.5 s wall and <= 512 MB peak at 10,000 resources on this 2-core machine")


if __name__ == "__main__":
    main()
