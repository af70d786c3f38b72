#!/usr/bin/env python3
"""Benchmark: `plumbline check` on large plans whose network links are unknown until apply (issue #11).

`bench/check_benchmark.py` repeats the reference stack fully wired: every security group names its VPC, every rule its
peer group, so the reachability engine tells the copies apart. Many real plans are not like that. This script writes
plans of N copies of the same stack (infra-reference/generator/generate.py --bench) where, in most copies, the links
are unknown until apply and no `configuration` reference resolves them:

  * every security group's `vpc_id` (the group's VPC; its id is unknown anyway in a fresh plan),
  * the Aurora cluster's `vpc_security_group_ids`,
  * the ALB's `subnets`,
  * the standalone ingress rules' `referenced_security_group_id` in every other copy (but the nodes' rule from the
    ALB, unless --all-rules-unknown).

A few copies (--exposed, spread over the plan) stay wired and carry deliberate exposures: Redis open to 0.0.0.0/0 on
6379, Aurora open to the whole VPC block (security group and data subnets' ACL), and the ALB allowed to send anything into the VPC (so the public tier
reaches Aurora: NET-007 FAIL). With unknown placement every app endpoint
may reach every data endpoint: the pairs of endpoints grow quadratically with the plan.

For each size it runs ./plumbline check several times and prints wall time (median and min), CPU time, peak RSS of
the whole process, the number of findings by status, and the ratio of each size's median time to the previous one.
Not a test: it prints, it does not judge. The machine may be shared: read the minimum as the best estimate of the
cost, the median as what a user sees.

Usage: python3 bench/unknown_links_benchmark.py [--resources 1000,10000,50000] [--runs 3] [--exposed 3]
       python3 bench/unknown_links_benchmark.py --write 10000 --out /tmp/plan.json     # only write one plan
"""
import argparse
import collections
import json
import os
import resource
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GENERATOR = os.path.join(ROOT, "infra-reference", "generator")
sys.dont_write_bytecode = True
sys.path.insert(0, GENERATOR)

import generate  # noqa: E402  (the reference stack's generator, standard library only)

ALL_RULES_UNKNOWN = False


def config_module(doc, module_address):
    """The configuration module of `module.a.module.b` (every copy has its own module call)."""
    m = doc["configuration"]["root_module"]
    for part in module_address.split("."):
        if part == "module":
            continue
        m = m["module_calls"][part]["module"]
    return m


def config_resource(doc, change):
    m = config_module(doc, change["module_address"]) if change.get("module_address") else \
        doc["configuration"]["root_module"]
    local = change["type"] + "." + change["name"]
    for r in m.get("resources", []):
        if r["address"] == local:
            return r
    raise KeyError(change["address"])


def make_unknown(doc, change, attribute):
    """The attribute is known only after apply, and no configuration reference says what it will be."""
    after = change["change"]["after"]
    after.pop(attribute, None)
    change["change"]["after_unknown"][attribute] = True
    config_resource(doc, change)["expressions"].pop(attribute, None)


def set_known(doc, change, attribute, value):
    """The attribute is the literal `value` (in the plan and in its configuration)."""
    change["change"]["after"][attribute] = value
    change["change"]["after_unknown"].pop(attribute, None)
    config_resource(doc, change)["expressions"][attribute] = {"constant_value": value}


def expose(doc, change):
    name = change["type"] + "." + change["name"]
    if name == "aws_network_acl.data":
        # the data subnets' ACL lets Aurora's port in from the whole VPC block, public subnets included
        entry = dict(change["change"]["after"]["ingress"][0], cidr_block="10.40.0.0/16", rule_no=90)
        change["change"]["after"]["ingress"].insert(0, entry)
        change["change"]["after_unknown"]["ingress"].insert(0, {})
        reply = dict(change["change"]["after"]["egress"][0], cidr_block="10.40.0.0/16", rule_no=90, protocol="tcp",
                     from_port=1024, to_port=65535, action="allow")
        change["change"]["after"]["egress"].insert(0, reply)
        change["change"]["after_unknown"]["egress"].insert(0, {})
        config_resource(doc, change)["expressions"].pop("ingress", None)
        config_resource(doc, change)["expressions"].pop("egress", None)
    if name == "aws_security_group.alb":
        # the ALB may send anything into the VPC: with Aurora open to the VPC block, the public tier reaches it
        rule = change["change"]["after"]["egress"][0]
        rule.update({"from_port": 0, "to_port": 0, "protocol": "-1", "description": "Anything into the VPC"})
        config_resource(doc, change)["expressions"]["egress"] = {"constant_value": [dict(rule)]}
    if name == "aws_vpc_security_group_ingress_rule.redis_from_eks_nodes":
        change["change"]["after_unknown"].pop("referenced_security_group_id", None)
        config_resource(doc, change)["expressions"].pop("referenced_security_group_id", None)
        set_known(doc, change, "cidr_ipv4", "0.0.0.0/0")
    elif name == "aws_security_group_rule.aurora_from_eks_nodes":
        change["change"]["after_unknown"].pop("source_security_group_id", None)
        config_resource(doc, change)["expressions"].pop("source_security_group_id", None)
        set_known(doc, change, "cidr_blocks", ["10.40.0.0/16"])


def unlink(doc, change, copy):
    t = change["type"]
    if t == "aws_security_group":
        make_unknown(doc, change, "vpc_id")
    elif t == "aws_rds_cluster":
        make_unknown(doc, change, "vpc_security_group_ids")
    elif t == "aws_lb":
        make_unknown(doc, change, "subnets")
    elif t == "aws_vpc_security_group_ingress_rule" and copy % 2 == 0 and change["name"] != "eks_nodes_from_alb":
        # Not the nodes' rule from the ALB: with it unknown and every ALB's subnets unknown, any ALB may reach any
        # node group, and NET-006 rightly names every ALB as an undecided source of every node group, so the
        # report itself grows with the square of the plan (--all-rules-unknown shows that case).
        make_unknown(doc, change, "referenced_security_group_id")
    elif t == "aws_vpc_security_group_ingress_rule" and copy % 2 == 0 and ALL_RULES_UNKNOWN:
        make_unknown(doc, change, "referenced_security_group_id")


def plan(copies, exposed):
    """N copies of the stack: `exposed` of them wired and exposed, the others with unknown links."""
    doc = json.loads(generate.tf_bench(copies))
    exposed_copies = set()
    exposed = min(exposed, max(1, copies // 4))  # a few stacks among many
    if exposed > 0:
        step = max(1, copies // exposed)
        exposed_copies = {min(copies - 1, i * step + step // 2) for i in range(min(exposed, copies))}
    for change in doc["resource_changes"]:
        module = change.get("module_address") or ""
        if not module.startswith("module.stack_"):
            continue
        copy = int(module.split(".")[1][len("stack_"):])
        if copy in exposed_copies:
            expose(doc, change)
        else:
            unlink(doc, change, copy)
    doc["planned_values"] = {"root_module": {}}  # resource_changes carry the plan; keep the file lean
    return doc, sorted(exposed_copies)


def per_copy():
    return len(json.loads(generate.tf_bench(1))["resource_changes"])


def write(resources, exposed, out):
    copies = max(1, -(-resources // per_copy()))
    doc, exposed_copies = plan(copies, exposed)
    with open(out, "w") as f:
        json.dump(doc, f, separators=(",", ":"))
    return len(doc["resource_changes"]), exposed_copies


def run_once(plan_file):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    # /usr/bin/time gives this run's own peak RSS (ru_maxrss of children is the largest child so far)
    p = subprocess.run(["/usr/bin/time", "-f", "%M", os.path.join(ROOT, "plumbline"), "check", plan_file,
                        "--format", "json"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if p.returncode not in (0, 1):
        sys.stderr.write(p.stderr.decode()[-4000:])
        raise SystemExit("plumbline check failed with exit code %d" % p.returncode)
    peak_mb = int(p.stderr.decode().strip().splitlines()[-1]) / 1024.0
    findings = json.loads(p.stdout)["findings"]
    statuses = collections.Counter(f["status"] for f in findings)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return wall, peak_mb, statuses, cpu


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--resources", default="1000,10000,50000", help="comma-separated target resource counts")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--exposed", type=int, default=3, help="copies with deliberate exposures")
    ap.add_argument("--write", type=int, help="only write one plan of this many resources to --out")
    ap.add_argument("--out")
    ap.add_argument("--all-rules-unknown", action="store_true",
                    help="also the node groups' ingress rule from the ALB (quadratic report: see unlink())")
    args = ap.parse_args()
    global ALL_RULES_UNKNOWN
    ALL_RULES_UNKNOWN = args.all_rules_unknown
    if args.write:
        if not args.out:
            ap.error("--write needs --out")
        n, ex = write(args.write, args.exposed, args.out)
        print("%s: %d resources, exposed copies %s" % (args.out, n, ex))
        return
    if not os.path.exists(os.path.join(ROOT, "cli", "target", "plumbline.jar")):
        raise SystemExit("build first: mvn -B -q -DskipTests package")
    if not os.path.exists("/usr/bin/time"):
        raise SystemExit("needs /usr/bin/time (GNU time) for each run's peak RSS")
    out_dir = os.path.join(ROOT, "bench", "out")
    os.makedirs(out_dir, exist_ok=True)
    print("N copies of the reference stack (%d resources each), links unknown until apply, %d exposed copies"
          % (per_copy(), args.exposed))
    print("%9s %7s %24s %11s %11s %10s %8s %7s" % ("resources", "MB", "findings FAIL/UNK/PASS", "wall med s",
                                                 "wall min s", "cpu med s", "peak MB", "ratio"))
    previous = None
    for target in [int(x) for x in args.resources.split(",")]:
        plan_file = os.path.join(out_dir, "unknown-links-%d.json" % target)
        n, _ = write(target, args.exposed, plan_file)
        mb = os.path.getsize(plan_file) / 1e6
        run_once(plan_file)  # warm the page cache
        walls, cpus, peak, statuses = [], [], 0.0, None
        for _ in range(args.runs):
            wall, rss, statuses, cpu = run_once(plan_file)
            walls.append(wall)
            cpus.append(cpu)
            peak = max(peak, rss)
        med = statistics.median(walls)
        ratio = "" if previous is None else "%.2fx" % (med / previous)
        previous = med
        counts = "%d/%d/%d" % (statuses.get("FAIL", 0), statuses.get("UNKNOWN", 0), statuses.get("PASS", 0))
        print("%9d %7.1f %24s %11.3f %11.3f %10.3f %8.0f %7s" % (n, mb, counts, med, min(walls),
                                                               statistics.median(cpus), peak, ratio))
        sys.stdout.flush()
    print("goal: 10,000 resources <= 2 s and <= 512 MB; 50,000 <= 6x the 10,000 time and <= 1.5 GB (2 cores)")


if __name__ == "__main__":
    main()
