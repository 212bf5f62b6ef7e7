"""Generates python/journeymap/_model.py (typed, frozen dataclasses) from the published schema.

    python3 bindings-python/generate_model.py            # rewrite the module
    python3 bindings-python/generate_model.py --check    # fail if it is out of date

The classes mirror schema/journey-map.schema.json exactly; keys starting with `x-` land in `extra`
(also inside a dict keyed by id, such as `persona_measures`: a `Keyed` dict); a field named after a
Python keyword gets a trailing underscore (`Transition.from_`).
"""

import json
import keyword
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
SCHEMA = HERE.parent / "schema" / "journey-map.schema.json"
OUT = HERE / "python" / "journeymap" / "_model.py"


def type_of(prop, defs):
    """(annotation, converter expression over `v`) for a property schema."""
    if "anyOf" in prop:
        inner = [p for p in prop["anyOf"] if p.get("type") != "null"][0]
        ann, conv = type_of(inner, defs)
        return f"Optional[{ann}]", conv
    if "$ref" in prop:
        name = prop["$ref"].split("/")[-1]
        target = defs[name]
        if "enum" in target or "oneOf" in target:
            return literal(target), "v"
        return name, f"{name}.from_dict(v)"
    t = prop.get("type")
    if isinstance(t, list):
        t = [x for x in t if x != "null"][0]
        ann, conv = type_of(dict(prop, type=t), defs)
        return f"Optional[{ann}]", conv
    if t == "string":
        return "str", "v"
    if t == "number":
        return "float", "v"
    if t == "integer":
        return "int", "v"
    if t == "boolean":
        return "bool", "v"
    if t == "array":
        ann, conv = type_of(prop["items"], defs)
        return f"List[{ann}]", "v" if conv == "v" else f"[{conv.replace('(v)', '(i)')} for i in v]"
    if t == "object":
        extra = prop.get("additionalProperties")
        if isinstance(extra, dict) and "$ref" in extra:
            ann, conv = type_of(extra, defs)
            if "^x-" in prop.get("patternProperties", {}):
                # Keyed by id, with `x-` keys holding any value: those go to `.extra`.
                return f"Keyed[{ann}]", f"Keyed.of(v, {conv[: -len('(v)')]})"
            return f"Dict[str, {ann}]", f"{{k: {conv.replace('(v)', '(i)')} for k, i in v.items()}}"
        return "Dict[str, Any]", "v"
    return "Any", "v"


def literal(target):
    values = target.get("enum") or [o.get("const") for o in target.get("oneOf", []) if "const" in o]
    return "Literal[" + ", ".join(json.dumps(v) for v in values) + "]" if values else "str"


def emit_class(name, schema, defs, lines):
    props = schema["properties"]
    required = set(schema.get("required", []))
    lines.append("")
    lines.append("")
    lines.append("@dataclass(frozen=True)")
    lines.append(f"class {name}:")
    doc = (schema.get("description") or schema.get("title") or name).strip().replace('"""', "'")
    lines.append(f'    """{doc}"""')
    lines.append("")
    fields, converters = [], []
    for key, prop in props.items():
        ann, conv = type_of(prop, defs)
        attr = key + "_" if keyword.iskeyword(key) else key
        factory = {"List": "list", "Dict": "dict", "Keyed": "Keyed"}.get(ann.split("[")[0])
        if key in required:
            fields.append((0, f"    {attr}: {ann}"))
        elif factory:
            fields.append((1, f"    {attr}: {ann} = field(default_factory={factory})"))
        else:
            opt = ann if ann.startswith("Optional[") else f"Optional[{ann}]"
            fields.append((1, f"    {attr}: {opt} = None"))
        converters.append((key, attr, conv))
    lines.extend(f for _, f in sorted(fields, key=lambda x: x[0]))
    lines.append("    extra: Dict[str, Any] = field(default_factory=dict)")
    lines.append('    """Keys starting with `x-` (and any key this version does not know)."""')
    lines.append("")
    lines.append("    @classmethod")
    lines.append(f"    def from_dict(cls, d: Dict[str, Any]) -> \"{name}\":")
    lines.append(f"        known = {{{', '.join(repr(k) for k in props)}}}")
    lines.append("        kwargs: Dict[str, Any] = {}")
    for key, attr, conv in converters:
        lines.append(f"        if {key!r} in d and d[{key!r}] is not None:")
        lines.append(f"            v = d[{key!r}]")
        lines.append(f"            kwargs[{attr!r}] = {conv}")
    lines.append("        kwargs['extra'] = {k: v for k, v in d.items() if k not in known}")
    lines.append("        return cls(**kwargs)")


def generate():
    schema = json.loads(SCHEMA.read_text())
    defs = schema["$defs"]
    objects = {name: s for name, s in defs.items() if s.get("type") == "object" and "properties" in s}
    objects["JourneyMapData"] = {k: v for k, v in schema.items() if k != "$defs"}
    lines = [
        '"""Typed, read-only views of a journey map. Generated from schema/journey-map.schema.json by',
        "bindings-python/generate_model.py; do not edit.\"\"\"",
        "",
        "from __future__ import annotations",
        "",
        "from dataclasses import dataclass, field",
        "from typing import Any, Callable, Dict, List, Literal, Mapping, Optional, TypeVar",
        "",
        '_T = TypeVar("_T")',
        '_U = TypeVar("_U")',
        "",
        "",
        "class Keyed(Dict[str, _T]):",
        '    """A dict keyed by id (`Touchpoint.persona_measures`: persona id -> `Measures`). Keys',
        "    starting with `x-` are tool data, not ids, and may hold any value: they are kept as they are",
        '    in `.extra`, not in the dict. Equal to a plain dict with the same ids."""',
        "",
        "    extra: Dict[str, Any]",
        "",
        "    def __init__(self, *args: Any, extra: Optional[Mapping[str, Any]] = None, **kwargs: _T) -> None:",
        "        super().__init__(*args, **kwargs)",
        "        self.extra = dict(extra or {})",
        "",
        "    @staticmethod",
        '    def of(d: Mapping[str, Any], convert: Callable[[Any], _U]) -> "Keyed[_U]":',
        '        """The ids of `d` with their values converted; its `x-` keys in `.extra`."""',
        "        return Keyed(",
        '            {k: convert(v) for k, v in d.items() if not k.startswith("x-")},',
        '            extra={k: v for k, v in d.items() if k.startswith("x-")},',
        "        )",
        "",
        "    def __eq__(self, other: object) -> bool:",
        "        if isinstance(other, Keyed) and other.extra != self.extra:",
        "            return False",
        "        return dict.__eq__(self, other)",
        "",
        "    def __ne__(self, other: object) -> bool:",
        "        return not self == other",
        "",
        "    __hash__ = None  # type: ignore[assignment]",
        "",
        "    def __repr__(self) -> str:",
        '        return f"Keyed({dict.__repr__(self)}, extra={self.extra!r})" if self.extra else f"Keyed({dict.__repr__(self)})"',
    ]
    # Emit in dependency order: a class after every class it refers to.
    emitted = []

    def visit(name, seen=()):
        if name in emitted or name in seen:
            return
        text = json.dumps(objects[name])
        for other in objects:
            if other != name and f'"#/$defs/{other}"' in text:
                visit(other, seen + (name,))
        emitted.append(name)

    for name in objects:
        visit(name)
    for name in emitted:
        emit_class(name, objects[name], defs, lines)
    lines.append("")
    lines.append("")
    lines.append(f"__all__ = {sorted(emitted + ['Keyed'])!r}")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    text = generate()
    if "--check" in sys.argv:
        if not OUT.exists() or OUT.read_text() != text:
            sys.exit("python/journeymap/_model.py is out of date; regenerate it with:\n  python3 bindings-python/generate_model.py")
    else:
        OUT.write_text(text)
