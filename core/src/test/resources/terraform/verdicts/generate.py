#!/usr/bin/env python3
"""Writes the hand-made plans of the verdict tests (issue 10): python3 generate.py <this dir>.

References are written as the issue reports them (a splat kept in the reference text), beside the bare form Terraform
itself records; every value that depends on a resource being created is unknown, as in a real plan.
"""
import json
import os
import sys

OUT = sys.argv[1] if len(sys.argv) > 1 else "."
AWS = "registry.terraform.io/hashicorp/aws"


def rc(address, type_, name, after, unknown=None, index=None, module=None):
    r = {"address": address}
    if module:
        r["module_address"] = module
    r.update({"mode": "managed", "type": type_, "name": name})
    if index is not None:
        r["index"] = index
    r["provider_name"] = AWS
    r["change"] = {"actions": ["create"], "before": None, "after": after, "after_unknown": unknown or {},
                   "before_sensitive": False, "after_sensitive": {}}
    return r


def cfg(type_, name, expressions, count=None, provider="aws"):
    c = {"address": type_ + "." + name, "mode": "managed", "type": type_, "name": name,
         "provider_config_key": provider, "expressions": expressions, "schema_version": 0}
    if count is not None:
        c["count_expression"] = {"constant_value": count}
    return c


def refs(*r):
    return {"references": list(r)}


def const(v):
    return {"constant_value": v}


def plan(changes, resources, module_calls=None, providers=None):
    root = {"resources": resources}
    if module_calls:
        root["module_calls"] = module_calls
    return {"format_version": "1.2", "terraform_version": "1.9.5", "planned_values": {"root_module": {}},
            "resource_changes": changes,
            "configuration": {"provider_config": providers or {"aws": {"name": "aws", "full_name": AWS,
                                                                        "expressions": {"region": const("eu-west-1")}}},
                              "root_module": root}}


def write(name, doc):
    with open(os.path.join(OUT, name), "w") as f:
        json.dump(doc, f, indent=2)
        f.write("\n")


def vpc(name="main"):
    return rc(f"aws_vpc.{name}", "aws_vpc", name, {"cidr_block": "10.0.0.0/16", "tags": {"Name": name}},
              {"id": True, "arn": True, "main_route_table_id": True, "default_route_table_id": True,
               "tags_all": True})


def subnets(name, cidrs, vpc_ref="aws_vpc.main", module=None):
    prefix = module + "." if module else ""
    return [rc(f"{prefix}aws_subnet.{name}[{i}]", "aws_subnet", name,
               {"availability_zone": f"eu-west-1{'abc'[i]}", "cidr_block": c, "map_public_ip_on_launch": False,
                "tags": {"Name": f"{name}-{i}"}},
               {"id": True, "arn": True, "vpc_id": True, "tags_all": True}, index=i, module=module)
            for i, c in enumerate(cidrs)]


def subnet_cfg(name, vpc_ref="aws_vpc.main"):
    return cfg("aws_subnet", name, {"vpc_id": refs(vpc_ref + ".id", vpc_ref),
                                    "cidr_block": refs("count.index")}, count=2)


IGW = rc("aws_internet_gateway.gw", "aws_internet_gateway", "gw", {"tags": None},
         {"id": True, "arn": True, "vpc_id": True})
IGW_CFG = cfg("aws_internet_gateway", "gw", {"vpc_id": refs("aws_vpc.main.id", "aws_vpc.main")})

# ---------------------------------------------------------------------------------------------------------------
# Data subnets (found through a DB subnet group whose subnet_ids is a splat) with no explicit route table
# association, and a default route to the internet gateway added by aws_route to the VPC's main route table.
write("main-route-splat.tfplan.json", plan(
    [vpc(), IGW] + subnets("data", ["10.0.20.0/24", "10.0.21.0/24"]) + [
        rc("aws_db_subnet_group.db", "aws_db_subnet_group", "db", {"name": "db", "tags": None},
           {"id": True, "arn": True, "subnet_ids": True}),
        rc("aws_route.internet", "aws_route", "internet", {"destination_cidr_block": "0.0.0.0/0", "timeouts": None},
           {"id": True, "route_table_id": True, "gateway_id": True, "state": True}),
    ],
    [cfg("aws_vpc", "main", {"cidr_block": const("10.0.0.0/16")}), IGW_CFG, subnet_cfg("data"),
     cfg("aws_db_subnet_group", "db", {"name": const("db"), "subnet_ids": refs("aws_subnet.data[*].id")}),
     cfg("aws_route", "internet", {"route_table_id": refs("aws_vpc.main.main_route_table_id", "aws_vpc.main"),
                                   "destination_cidr_block": const("0.0.0.0/0"),
                                   "gateway_id": refs("aws_internet_gateway.gw.id", "aws_internet_gateway.gw")})]))

# The same network, the main table adopted by aws_default_route_table: the route lands in that table, not a new one.
write("default-route-table.tfplan.json", plan(
    [vpc(), IGW] + subnets("data", ["10.0.20.0/24", "10.0.21.0/24"]) + [
        rc("aws_db_subnet_group.db", "aws_db_subnet_group", "db", {"name": "db", "tags": None},
           {"id": True, "arn": True, "subnet_ids": True}),
        rc("aws_default_route_table.main", "aws_default_route_table", "main", {"tags": None, "timeouts": None},
           {"id": True, "arn": True, "default_route_table_id": True, "vpc_id": True, "route": True,
            "owner_id": True, "propagating_vgws": True}),
        rc("aws_route.internet", "aws_route", "internet", {"destination_cidr_block": "0.0.0.0/0", "timeouts": None},
           {"id": True, "route_table_id": True, "gateway_id": True, "state": True}),
    ],
    [cfg("aws_vpc", "main", {"cidr_block": const("10.0.0.0/16")}), IGW_CFG, subnet_cfg("data"),
     cfg("aws_db_subnet_group", "db", {"name": const("db"), "subnet_ids": refs("aws_subnet.data.*.id")}),
     cfg("aws_default_route_table", "main", {"default_route_table_id": refs("aws_vpc.main.default_route_table_id",
                                                                            "aws_vpc.main")}),
     cfg("aws_route", "internet", {"route_table_id": refs("aws_vpc.main.main_route_table_id", "aws_vpc.main"),
                                   "destination_cidr_block": const("0.0.0.0/0"),
                                   "gateway_id": refs("aws_internet_gateway.gw.id", "aws_internet_gateway.gw")})]))

# Splats in every form: [*], legacy .*, inside concat (two references), through a module call, and inside a module.
MOD = "module.net"
write("splat-forms.tfplan.json", plan(
    [vpc()] + subnets("data", ["10.0.20.0/24", "10.0.21.0/24"]) + [
        rc("aws_subnet.extra", "aws_subnet", "extra", {"availability_zone": "eu-west-1c", "cidr_block": "10.0.22.0/24",
                                                       "map_public_ip_on_launch": False, "tags": None},
           {"id": True, "arn": True, "vpc_id": True}),
    ] + subnets("app", ["10.0.30.0/24", "10.0.31.0/24"], module=MOD) + [
        rc(f"aws_db_subnet_group.{n}", "aws_db_subnet_group", n, {"name": n, "tags": None},
           {"id": True, "arn": True, "subnet_ids": True})
        for n in ("splat", "legacy", "concat", "through_module")
    ] + [
        rc(f"{MOD}.aws_db_subnet_group.inner", "aws_db_subnet_group", "inner", {"name": "inner", "tags": None},
           {"id": True, "arn": True, "subnet_ids": True}, module=MOD),
    ],
    [cfg("aws_vpc", "main", {"cidr_block": const("10.0.0.0/16")}), subnet_cfg("data"),
     cfg("aws_subnet", "extra", {"vpc_id": refs("aws_vpc.main.id", "aws_vpc.main")}),
     cfg("aws_db_subnet_group", "splat", {"subnet_ids": refs("aws_subnet.data[*].id")}),
     cfg("aws_db_subnet_group", "legacy", {"subnet_ids": refs("aws_subnet.data.*.id")}),
     cfg("aws_db_subnet_group", "concat", {"subnet_ids": refs("aws_subnet.data[*].id", "aws_subnet.extra[*].id")}),
     cfg("aws_db_subnet_group", "through_module", {"subnet_ids": refs("module.net.aws_subnet.app[*].id")})],
    module_calls={"net": {"source": "./net", "expressions": {"vpc_id": refs("aws_vpc.main.id", "aws_vpc.main")},
                          "module": {"resources": [
                              cfg("aws_subnet", "app", {"vpc_id": refs("var.vpc_id"), "cidr_block": refs("count.index")},
                                  count=2),
                              cfg("aws_db_subnet_group", "inner", {"subnet_ids": refs("aws_subnet.app[*].id")})],
                              "variables": {"vpc_id": {}}}}}))
