#!/usr/bin/env python3
"""Compares `plumbline check --format json` of two builds, byte for byte, on every input that shows findings.

The inputs: the bundled reference example (Terraform plan and CloudFormation template), every variant, every file
of the shared corpus (Terraform plans, CloudFormation templates, Kubernetes manifests, the plans of the
terraform-with-source pairs) and any plan given with --plan (the benchmark plans). A speed change must leave every
output as it was; a correctness change must list each finding that moved, which is what this prints.

Usage: python3 bench/compare_findings.py --before DIR [--after DIR] [--plan FILE ...] [--jobs 2]
DIR is a checkout (or a copy of one) holding `plumbline` and `cli/target/plumbline.jar`; --after defaults to this
checkout. Keep a copy of the previous build (`plumbline`, `cli/target/plumbline.jar`, `cli/target/lib`) as --before.
Exit code 0 when every output is identical, 1 otherwise.
"""
import argparse
import concurrent.futures
import glob
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REFERENCE = os.path.join(ROOT, "infra-reference", "src", "main", "resources", "io", "plumbline", "reference")
CORPUS = os.path.normpath(os.path.join(ROOT, "..", "shared", "corpus"))


def inputs(extra):
    files = [os.path.join(REFERENCE, "terraform", "reference.tfplan.json"),
             os.path.join(REFERENCE, "cloudformation", "reference.cfn.yaml")]
    files += sorted(glob.glob(os.path.join(REFERENCE, "variants", "*", "*")))
    for kind in ("terraform", "cloudformation", "kubernetes"):
        files += sorted(f for f in glob.glob(os.path.join(CORPUS, kind, "*")) if not f.endswith(".tsv"))
    files += sorted(glob.glob(os.path.join(CORPUS, "terraform-with-source", "**", "*.json"), recursive=True))
    return [f for f in files if os.path.isfile(f)] + list(extra)


def run(checkout, path):
    # the same relative path on both sides: the report names the input as given
    p = subprocess.run([os.path.join(checkout, "plumbline"), "check", path, "--format", "json"],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=dict(os.environ, PLUMBLINE_NO_CDS="1"))
    return p.returncode, p.stdout, p.stderr


def findings(out):
    try:
        doc = json.loads(out)
    except ValueError:
        return {}
    return {(f["rule"], f["resource"], f.get("fingerprint")): f for f in doc.get("findings", [])}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--before", required=True)
    ap.add_argument("--after", default=ROOT)
    ap.add_argument("--plan", action="append", default=[])
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    files = inputs(args.plan)
    changed = 0
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        runs = [(f, pool.submit(run, args.before, f), pool.submit(run, args.after, f)) for f in files]
        for f, b, a in runs:
            rb, ob, eb = b.result()
            ra, oa, ea = a.result()
            if (rb, ob, eb) == (ra, oa, ea):
                continue
            changed += 1
            print("DIFFERS %s (exit %d -> %d)" % (os.path.relpath(f, ROOT), rb, ra))
            fb, fa = findings(ob), findings(oa)
            for k in sorted(set(fb) | set(fa), key=str):
                x, y = fb.get(k), fa.get(k)
                if x == y:
                    continue
                if x is None or y is None or x.get("status") != y.get("status"):
                    print("  %s %s: %s -> %s" % (k[0], k[1], x and x["status"], y and y["status"]))
                    for side, v in (("before", x), ("after", y)):
                        if v is not None:
                            print("    %s: %s" % (side, v.get("message", "")[:400]))
                else:
                    print("  %s %s: %s, same status, other text or evidence" % (k[0], k[1], x["status"]))
            if eb != ea:
                print("  stderr differs")
            if not fb and not fa and ob != oa:
                print("  output differs")
    print("%d inputs compared, %d differ" % (len(files), changed))
    sys.exit(1 if changed else 0)


if __name__ == "__main__":
    main()
