"""A small model of a Terraform configuration + plan (resources in modules, module calls, providers, variables,
outputs) rendered as `terraform show -json` output of Terraform 1.9. Standard library only."""

from tfplan import (AWS_PROVIDER, FORMAT_VERSION, SCHEMA_VERSIONS, SCHEMAS, TERRAFORM_VERSION, AttrBlk, Blk, X, cexpr,
                    ev, fill, go_json, omit_unknowns, sensitive_as_bool, sort_tree, unknown_as_bool)

PLAN_TIMESTAMP = "2026-11-24T09:00:00Z"  # fixed: the generator writes no clock time


class Z:
    """A value Terraform's provider fills into a nested set element that the configuration does not write (SDKv2
    zero values): present in the planned value, absent from the configuration expressions."""

    def __init__(self, value):
        self.value = value


def _strip_z_cfg(x):
    if isinstance(x, AttrBlk):
        return AttrBlk(x.attrs, *[{k: v for k, v in e.items() if not isinstance(v, Z)} for e in x.elems])
    if isinstance(x, Blk):
        return Blk(*[{k: _strip_z_cfg(v) for k, v in e.items() if not isinstance(v, Z)} for e in x.elems])
    return x


def _z_val(x):
    if isinstance(x, Z):
        return x.value
    if isinstance(x, AttrBlk):
        return AttrBlk(x.attrs, *[{k: _z_val(v) for k, v in e.items()} for e in x.elems])
    if isinstance(x, Blk):
        return Blk(*[{k: _z_val(v) for k, v in e.items()} for e in x.elems])
    return x


class Resource:
    def __init__(self, module, type_, name, cfg, count, count_expr, provider, depends_on):
        self.module = tuple(module)
        self.type = type_
        self.name = name
        self.cfg = cfg
        self.count = count
        self.count_expr = count_expr
        self.provider = provider
        self.depends_on = depends_on or []

    def module_address(self):
        return "".join("module.%s." % m for m in self.module)[:-1] if self.module else None

    def address(self, i=None):
        a = "".join("module.%s." % m for m in self.module) + "%s.%s" % (self.type, self.name)
        return a if i is None else "%s[%d]" % (a, i)


class Module:
    def __init__(self, source, expressions=None, variables=None, outputs=None, count_expr=None, depends_on=None):
        self.source = source
        self.expressions = expressions or {}
        self.variables = variables or {}
        self.outputs = outputs or {}
        self.count_expr = count_expr
        self.depends_on = depends_on or []


class Plan:
    def __init__(self, providers, default_tags):
        self.providers = providers  # key -> (alias or None, region)
        self.default_tags = default_tags
        self.resources = []
        self.modules = {(): Module(None)}
        self.variables = {}  # root: name -> dict(value=..., default=..., description=..., sensitive=bool)
        self.outputs = {}  # root: name -> dict(expr=X, description=..., sensitive=bool)

    def module(self, path, source, **kw):
        self.modules[tuple(path)] = Module(source, **kw)

    def res(self, type_, name, cfg, module=(), count=None, count_expr=None, provider="aws", depends_on=None):
        if type_ not in SCHEMAS:
            raise KeyError("no schema for " + type_)
        r = Resource(module, type_, name, cfg, count, count_expr, provider, depends_on)
        self.resources.append(r)
        return r

    def find(self, address_no_index):
        for r in self.resources:
            if r.address() == address_no_index:
                return r
        raise KeyError(address_no_index)

    def remove(self, address_no_index):
        self.resources.remove(self.find(address_no_index))

    # -----------------------------------------------------------------------------------------------------------------
    def _instances(self):
        for r in self.resources:
            idxs = [None] if r.count is None else list(range(r.count))
            for i in idxs:
                vals = {k: ev(_z_val(v), i) for k, v in r.cfg.items()}
                sch = SCHEMAS[r.type]
                planned = fill(sch, vals, self.default_tags, r.address(i))
                yield r, i, planned, sch

    def render(self):
        rcs = []
        by_module = {}
        for r, i, planned, sch in self._instances():
            after = sort_tree(omit_unknowns(planned))
            after_unknown = sort_tree(unknown_as_bool(planned))
            after_sensitive = sort_tree(sensitive_as_bool(planned, sch))
            addr = r.address(i)
            pv = {"address": addr, "mode": "managed", "type": r.type, "name": r.name}
            if i is not None:
                pv["index"] = i
            pv["provider_name"] = AWS_PROVIDER
            pv["schema_version"] = SCHEMA_VERSIONS[r.type]
            pv["values"] = after
            pv["sensitive_values"] = after_sensitive
            by_module.setdefault(r.module, []).append(pv)
            rc = {"address": addr}
            if r.module:
                rc["module_address"] = r.module_address()
            rc.update({"mode": "managed", "type": r.type, "name": r.name})
            if i is not None:
                rc["index"] = i
            rc["provider_name"] = AWS_PROVIDER
            rc["change"] = {"actions": ["create"], "before": None, "after": after, "after_unknown": after_unknown,
                            "before_sensitive": False, "after_sensitive": after_sensitive}
            rcs.append(rc)
        rcs.sort(key=lambda rc: rc["address"])

        def pv_module(path):
            m = {}
            res = sorted(by_module.get(path, []), key=lambda x: x["address"])
            if res:
                m["resources"] = res
            if path:
                m["address"] = "".join("module.%s." % p for p in path)[:-1]
            kids = sorted({p[: len(path) + 1] for p in by_module if len(p) > len(path) and p[: len(path)] == path})
            if kids:
                m["child_modules"] = [pv_module(k) for k in kids]
            return m

        out = {"format_version": FORMAT_VERSION, "terraform_version": TERRAFORM_VERSION}
        if self.variables:
            out["variables"] = {k: {"value": v["value"]} for k, v in sorted(self.variables.items())}
        planned_values = {}
        if self.outputs:
            planned_values["outputs"] = {k: {"sensitive": bool(o.get("sensitive"))}
                                         for k, o in sorted(self.outputs.items())}
        planned_values["root_module"] = pv_module(())
        out["planned_values"] = planned_values
        out["resource_changes"] = rcs
        if self.outputs:
            out["output_changes"] = {k: {"actions": ["create"], "before": None, "after_unknown": True,
                                         "before_sensitive": False, "after_sensitive": bool(o.get("sensitive"))}
                                     for k, o in sorted(self.outputs.items())}
        out["configuration"] = self._configuration()
        out["relevant_attributes"] = self._relevant_attributes()
        out["timestamp"] = PLAN_TIMESTAMP
        out["applyable"] = True
        out["complete"] = True
        out["errored"] = False
        return go_json(out) + "\n"

    def _configuration(self):
        pc = {}
        for key, (alias, region) in sorted(self.providers.items()):
            e = {"name": "aws", "full_name": AWS_PROVIDER}
            if alias:
                e["alias"] = alias
            e["version_constraint"] = "~> 5.80"
            e["expressions"] = {
                "default_tags": [{"tags": {"constant_value": dict(sorted(self.default_tags.items()))}}],
                "region": {"constant_value": region},
            }
            pc[key] = e

        def cfg_module(path):
            m = {}
            if path == ():
                outs = {k: self._output_cfg(o) for k, o in sorted(self.outputs.items())}
            else:
                outs = {k: self._output_cfg(o) for k, o in sorted(self.modules[path].outputs.items())}
            if outs:
                m["outputs"] = outs
            res = []
            for r in self.resources:
                if r.module != path:
                    continue
                c = {"address": "%s.%s" % (r.type, r.name), "mode": "managed", "type": r.type, "name": r.name,
                     "provider_config_key": r.provider}
                exprs = {k: cexpr(_strip_z_cfg(v)) for k, v in sorted(r.cfg.items())}
                if exprs:
                    c["expressions"] = exprs
                c["schema_version"] = SCHEMA_VERSIONS[r.type]
                if r.count_expr is not None:
                    c["count_expression"] = cexpr(r.count_expr)
                if r.depends_on:
                    c["depends_on"] = list(r.depends_on)
                res.append(c)
            if res:
                m["resources"] = sorted(res, key=lambda c: c["address"])
            kids = sorted(p for p in self.modules if len(p) == len(path) + 1 and p[: len(path)] == path)
            if kids:
                calls = {}
                for k in kids:
                    mod = self.modules[k]
                    call = {"source": mod.source}
                    if mod.expressions:
                        call["expressions"] = {n: cexpr(v) for n, v in sorted(mod.expressions.items())}
                    if mod.count_expr is not None:
                        call["count_expression"] = cexpr(mod.count_expr)
                    call["module"] = cfg_module(k)
                    if mod.depends_on:
                        call["depends_on"] = list(mod.depends_on)
                    calls[k[-1]] = call
                m["module_calls"] = calls
            variables = self.variables if path == () else self.modules[path].variables
            if variables:
                vs = {}
                for n, v in sorted(variables.items()):
                    e = {}
                    if "default" in v:
                        e["default"] = v["default"]
                    if v.get("description"):
                        e["description"] = v["description"]
                    if v.get("sensitive"):
                        e["sensitive"] = True
                    vs[n] = e
                m["variables"] = vs
            return m

        return {"provider_config": pc, "root_module": cfg_module(())}

    @staticmethod
    def _output_cfg(o):
        e = {}
        if o.get("sensitive"):
            e["sensitive"] = True
        e["expression"] = cexpr(o["expr"])
        if o.get("description"):
            e["description"] = o["description"]
        return e

    def _relevant_attributes(self):
        seen = set()
        out = []

        def add(module, refs):
            if not refs:
                return
            first = refs[0]
            head = first.split(".")[0]
            if head in ("var", "count", "each", "local", "module", "path", "terraform", "self"):
                return
            parts = _split_ref(first)
            if parts is None:
                return
            res, attr = parts
            full = "".join("module.%s." % m for m in module) + res
            key = (full, tuple(attr))
            if key not in seen:
                seen.add(key)
                out.append({"resource": full, "attribute": attr})

        for r in self.resources:
            for v in r.cfg.values():
                for group in _ref_groups(v):
                    add(r.module, group)
            if r.count_expr is not None:
                for group in _ref_groups(r.count_expr):
                    add(r.module, group)
        for path, mod in self.modules.items():
            for v in mod.expressions.values():
                for group in _ref_groups(v):
                    add(path[:-1], group)
            for o in mod.outputs.values():
                for group in _ref_groups(o["expr"]):
                    add(path, group)
        for o in self.outputs.values():
            for group in _ref_groups(o["expr"]):
                add((), group)
        out.sort(key=lambda e: (e["resource"], [str(a) for a in e["attribute"]]))
        return out


def _ref_groups(x):
    """Each reference group (as Terraform writes it: most specific first) of a configuration item."""
    if isinstance(x, Z):
        return []
    if isinstance(x, Blk):
        out = []
        for e in x.elems:
            for v in e.values():
                out.extend(_ref_groups(v))
        return out
    if isinstance(x, X) and x.refs:
        # split a flat reference list into groups: each group starts with a traversal that is not a prefix-parent
        groups = []
        cur = []
        for rf in x.refs:
            if cur and not cur[-1].startswith(rf.split("[")[0]):
                groups.append(cur)
                cur = []
            cur.append(rf)
        if cur:
            groups.append(cur)
        return groups
    return []


def _split_ref(ref):
    """'aws_eks_cluster.main.identity[0].oidc[0].issuer' -> ('aws_eks_cluster.main', ['identity', 0, 'oidc', 0,
    'issuer'])"""
    import re
    toks = re.findall(r"[^.\[\]]+|\[\d+\]|\[\"[^\"]*\"\]", ref)
    if toks and toks[0] == "data":
        n = 3
    else:
        n = 2
    if len(toks) < n:
        return None
    res = ".".join(toks[:n])
    rest = toks[n:]
    if rest and rest[0].startswith("["):
        res += rest[0]
        rest = rest[1:]
    attr = []
    for t in rest:
        if t.startswith("[") and t[1:-1].isdigit():
            attr.append(int(t[1:-1]))
        elif t.startswith("["):
            attr.append(t[2:-2])
        else:
            attr.append(t)
    return res, attr
