"""CloudFormation intrinsic functions as YAML short-form tags, and a small YAML emitter (standard library only)."""

import re


class Tag:
    def __init__(self, tag, arg):
        self.tag = tag
        self.arg = arg


def Ref(name):
    return Tag("Ref", name)


def GetAtt(resource, attr):
    return Tag("GetAtt", "%s.%s" % (resource, attr))


def Sub(s, variables=None):
    return Tag("Sub", s if variables is None else [s, variables])


def Select(i, lst):
    return Tag("Select", [i, lst])


def GetAZs(region=""):
    return Tag("GetAZs", region)


def If(cond, a, b):
    return Tag("If", [cond, a, b])


def Equals(a, b):
    return Tag("Equals", [a, b])


def Join(delim, lst):
    return Tag("Join", [delim, lst])


def FindInMap(m, k1, k2):
    return Tag("FindInMap", [m, k1, k2])


NO_VALUE = Ref("AWS::NoValue")

_PLAIN = re.compile(r"^[A-Za-z0-9_/.$@(][A-Za-z0-9 _/.:@()+=,*${}<>#;&-]*$")
_SPECIAL_WORDS = {"true", "false", "yes", "no", "on", "off", "null", "y", "n", "~"}
_NUMBER = re.compile(r"^[-+]?(\d[\d_]*)?(\.\d*)?([eE][-+]?\d+)?$|^0x[0-9a-fA-F]+$|^0o[0-7]+$|^\.(inf|nan)$", re.I)


def _needs_quote(s, flow):
    if s == "" or s != s.strip():
        return True
    if s.lower() in _SPECIAL_WORDS or _NUMBER.match(s) or re.match(r"^\d+:\d+", s):
        return True
    if not _PLAIN.match(s):
        return True
    if ": " in s or " #" in s or s.endswith(":"):
        return True
    if flow and any(c in s for c in ",[]{}"):
        return True
    if re.match(r"^\d{4}-\d{2}-\d{2}", s):
        return True
    return False


def scalar(v, flow=False):
    if v is True:
        return "true"
    if v is False:
        return "false"
    if v is None:
        return "null"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        return repr(v)
    s = str(v)
    if _needs_quote(s, flow):
        return "'" + s.replace("'", "''") + "'"
    return s


def _is_flowable(v):
    if isinstance(v, Tag):
        if isinstance(v.arg, list):
            return all(_is_flowable(x) for x in v.arg)
        return not isinstance(v.arg, dict)
    if isinstance(v, list):
        return all(_is_flowable(x) for x in v) and len(v) <= 8
    if isinstance(v, dict):
        return False
    return True


def _flow(v):
    if isinstance(v, Tag):
        if isinstance(v.arg, list):
            return "!%s [%s]" % (v.tag, ", ".join(_flow(x) for x in v.arg))
        if v.tag == "Sub":
            return "!Sub '%s'" % v.arg.replace("'", "''")
        return "!%s %s" % (v.tag, scalar(v.arg, flow=True))
    if isinstance(v, list):
        return "[%s]" % ", ".join(_flow(x) for x in v)
    return scalar(v, flow=True)


def _inline(v):
    """The text after 'key:' or '- ' when v fits on one line, else None."""
    if isinstance(v, Tag):
        if isinstance(v.arg, list):
            return _flow(v) if _is_flowable(v) else None
        if isinstance(v.arg, dict):
            return None
        if v.tag == "Sub":
            return "!Sub '%s'" % v.arg.replace("'", "''")
        return "!%s %s" % (v.tag, scalar(v.arg))
    if isinstance(v, dict):
        return "{}" if not v else None
    if isinstance(v, list):
        if not v:
            return "[]"
        return None
    return scalar(v)


def emit(v, indent=0):
    """Lines of YAML for value v (a mapping or sequence) at indent."""
    pad = " " * indent
    lines = []
    if isinstance(v, dict):
        for k, x in v.items():
            key = scalar(k)
            il = _inline(x)
            if il is not None:
                lines.append("%s%s: %s" % (pad, key, il))
            elif isinstance(x, Tag):
                lines.append("%s%s: !%s" % (pad, key, x.tag))
                lines.extend(emit(x.arg, indent + 2))
            elif isinstance(x, list):
                lines.append("%s%s:" % (pad, key))
                lines.extend(emit(x, indent + 2))
            else:
                lines.append("%s%s:" % (pad, key))
                lines.extend(emit(x, indent + 2))
        return lines
    if isinstance(v, list):
        for x in v:
            il = _inline(x)
            if il is not None:
                lines.append("%s- %s" % (pad, il))
            elif isinstance(x, Tag):
                lines.append("%s- !%s" % (pad, x.tag))
                lines.extend(emit(x.arg, indent + 2))
            elif isinstance(x, dict):
                sub = emit(x, indent + 2)
                sub[0] = pad + "- " + sub[0][indent + 2:]
                lines.extend(sub)
            else:
                lines.append("%s-" % pad)
                lines.extend(emit(x, indent + 2))
        return lines
    raise TypeError("emit expects a mapping or a sequence")


def dump(template, header_comment=None):
    lines = []
    if header_comment:
        for c in header_comment.splitlines():
            lines.append("# " + c if c else "#")
    lines.extend(emit(template))
    return "\n".join(lines) + "\n"
