#!/usr/bin/env python3
"""Live-audit benchmark: an emulated account seeded with about N resources (default 5,000), then a full
`plumbline audit` against it. Prints wall time, resources collected, API calls and HTTP requests, and the calls per
operation at two sizes, so one can see which calls grow with pages and which with resources.

    mvn -B -q -DskipTests package && python3 bench/audit_benchmark.py [--resources 5000] [--runs 3]

moto (pinned by live/scripts/moto-server.sh, installed into live/target/moto-venv) runs on a free loopback port;
seeding uses the boto3 that moto brings. Nothing leaves the machine.
"""
import argparse
import concurrent.futures
import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LIVE = os.path.join(ROOT, "live")
VENV = os.environ.get("MOTO_VENV", os.path.join(LIVE, "target", "moto-venv"))
REGION = "eu-west-1"

SEEDER = r'''
import boto3, concurrent.futures, json, sys
endpoint, region, plan = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
kw = dict(endpoint_url=endpoint, region_name=region, aws_access_key_id="testing", aws_secret_access_key="testing")
ec2, rds, logs, kms, s3, sm = (boto3.client(s, **kw) for s in ("ec2", "rds", "logs", "kms", "s3", "secretsmanager"))
pool = concurrent.futures.ThreadPoolExecutor(8)
def par(fn, items):
    return list(pool.map(fn, items))
vpcs = par(lambda i: ec2.create_vpc(CidrBlock="10.%d.0.0/16" % i)["Vpc"]["VpcId"], range(plan["vpcs"]))
per = max(1, plan["subnets"] // len(vpcs))
par(lambda k: ec2.create_subnet(VpcId=vpcs[k // per % len(vpcs)], CidrBlock="10.%d.%d.0/24" % (k // per % len(vpcs), k % per),
        AvailabilityZone=region + "abc"[k % 3]), range(per * len(vpcs)))
def sg(k):
    g = ec2.create_security_group(VpcId=vpcs[k % len(vpcs)], GroupName="g%d" % k, Description="bench")["GroupId"]
    ec2.authorize_security_group_ingress(GroupId=g, IpPermissions=[{"IpProtocol": "tcp", "FromPort": 443,
        "ToPort": 443, "IpRanges": [{"CidrIp": "10.0.0.0/8"}]}])
par(sg, range(plan["security_groups"]))
par(lambda k: ec2.create_route_table(VpcId=vpcs[k % len(vpcs)]), range(plan["route_tables"]))
par(lambda k: ec2.create_network_acl(VpcId=vpcs[k % len(vpcs)]), range(plan["network_acls"]))
par(lambda k: ec2.create_volume(AvailabilityZone=region + "a", Size=8, Encrypted=bool(k % 2)), range(plan["volumes"]))
par(lambda k: logs.create_log_group(logGroupName="/bench/%d" % k), range(plan["log_groups"]))
par(lambda k: kms.create_key(Description="bench %d" % k), range(plan["kms_keys"]))
par(lambda k: s3.create_bucket(Bucket="bench-bucket-%d" % k, CreateBucketConfiguration={"LocationConstraint": region}),
    range(plan["buckets"]))
par(lambda k: sm.create_secret(Name="bench/%d" % k, SecretString="x"), range(plan["secrets"]))
def cluster(k):
    rds.create_db_cluster(DBClusterIdentifier="bench-%d" % k, Engine="aurora-postgresql", MasterUsername="app",
                          MasterUserPassword="bench-password-1", BackupRetentionPeriod=7)
    for i in range(2):
        rds.create_db_instance(DBInstanceIdentifier="bench-%d-%d" % (k, i), DBClusterIdentifier="bench-%d" % k,
                               Engine="aurora-postgresql", DBInstanceClass="db.r6g.large")
par(cluster, range(plan["db_clusters"]))
'''

# about 5,000 resources at scale 1; the default VPC, its subnets, groups and tables come on top
MIX = {"vpcs": 20, "subnets": 600, "security_groups": 2000, "route_tables": 200, "network_acls": 200,
       "volumes": 1100, "log_groups": 400, "kms_keys": 100, "buckets": 100, "secrets": 100, "db_clusters": 60}


def plan_for(n):
    f = n / 5000.0
    return {k: max(1, int(round(v * f))) for k, v in MIX.items()}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_moto():
    subprocess.run(["bash", os.path.join(LIVE, "scripts", "moto-server.sh"), "install"], check=True)
    port = free_port()
    log = open(os.path.join(LIVE, "target", "moto-bench.log"), "w")
    proc = subprocess.Popen([os.path.join(VENV, "bin", "moto_server"), "-H", "127.0.0.1", "-p", str(port)],
                            stdout=log, stderr=subprocess.STDOUT)
    url = "http://127.0.0.1:%d" % port
    for _ in range(200):
        try:
            urllib.request.urlopen(url + "/moto-api/", timeout=1)
            return proc, url
        except Exception:
            time.sleep(0.1)
    proc.kill()
    sys.exit("moto did not start")


def post(url):
    urllib.request.urlopen(urllib.request.Request(url, data=b"", method="POST"), timeout=30)


def audit(url, out):
    env = dict(os.environ, AWS_ACCESS_KEY_ID="testing", AWS_SECRET_ACCESS_KEY="testing",
               AWS_EC2_METADATA_DISABLED="true")
    t = time.time()
    p = subprocess.run([os.path.join(ROOT, "plumbline"), "audit", "--endpoint-url", url, "--regions", REGION,
                        "--format", "json", "--out", out, "--no-progress", "--stats"], env=env,
                       capture_output=True, text=True)
    wall = time.time() - t
    if p.returncode not in (0, 1, 3):
        sys.exit("audit failed (%d): %s" % (p.returncode, p.stderr))
    m = re.search(r"(\d+) resources, (\d+) API calls \((\d+) HTTP requests", p.stdout)
    ops = {}
    for line in p.stdout.splitlines():
        mm = re.match(r"\s+(\S+:\S+)\s+(\d+)$", line)
        if mm:
            ops[mm.group(1)] = int(mm.group(2))
    return wall, int(m.group(1)), int(m.group(2)), int(m.group(3)), ops


def measure(url, n, runs, out):
    post(url + "/moto-api/reset")
    plan = plan_for(n)
    t = time.time()
    subprocess.run([os.path.join(VENV, "bin", "python"), "-c", SEEDER, url, REGION, json.dumps(plan)], check=True)
    seeded = time.time() - t
    results = [audit(url, out) for _ in range(runs)]
    walls = sorted(r[0] for r in results)
    _, resources, calls, requests, ops = results[-1]
    return {"n": n, "seeded": sum(plan.values()), "seed_s": seeded, "wall_median": walls[len(walls) // 2],
            "wall_min": walls[0], "resources": resources, "calls": calls, "requests": requests, "ops": ops}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--resources", type=int, default=5000)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    if not os.path.exists(os.path.join(ROOT, "cli", "target", "classes")):
        sys.exit("build first: mvn -B -q -DskipTests package")
    proc, url = start_moto()
    out = os.path.join(ROOT, "live", "target", "bench-audit")
    try:
        small = measure(url, args.resources // 2, 1, out)
        big = measure(url, args.resources, args.runs, out)
    finally:
        proc.kill()
    print("Full audit of one emulated account (moto on loopback, region %s, every collector):" % REGION)
    for r in (small, big):
        print("  %5d seeded (%5d collected with AWS defaults): audit %.1f s median (min %.1f s), %d API calls, "
              "%d HTTP requests   [seeding took %.0f s]" % (r["seeded"], r["resources"], r["wall_median"],
                                                           r["wall_min"], r["calls"], r["requests"], r["seed_s"]))
    print("Calls per operation, at %d and %d seeded resources; 'per page' calls return many resources each,"
          % (small["seeded"], big["seeded"]))
    print("'per resource' calls read one resource's settings (no AWS list call returns them):")
    plan = plan_for(args.resources)
    per_service = {"Ec2": sum(plan[k] for k in ("vpcs", "subnets", "security_groups", "route_tables",
                                                  "network_acls", "volumes")),
                   "CloudWatchLogs": plan["log_groups"], "Kms": plan["kms_keys"], "S3": plan["buckets"],
                   "SecretsManager": plan["secrets"], "Rds": plan["db_clusters"] * 3}
    paged = per_res = 0
    for op in sorted(set(small["ops"]) | set(big["ops"])):
        a, b = small["ops"].get(op, 0), big["ops"].get(op, 0)
        held = per_service.get(op.split(":")[0], 0)
        per_resource = held > 0 and b >= 0.5 * held
        if per_resource:
            per_res += b
        else:
            paged += b
        print("  %-50s %6d %6d  %s" % (op, a, b, "per resource" if per_resource else "per page"))
    print("At %d seeded resources: %d calls per page, %d calls per resource (%.2f calls per resource overall)."
          % (big["seeded"], paged, per_res, big["calls"] / float(big["resources"])))


if __name__ == "__main__":
    main()
