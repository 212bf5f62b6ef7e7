"""Regenerates the invalid fixtures: each is the base map below with one defect.

Run from the repository root: python3 testdata/invalid/generate.py
Writes testdata/invalid/<CODE>-<name>.json and testdata/invalid/expected.json, which maps each
file to:

- `codes`: the codes it must produce (warnings and notes of other codes may appear too, but no
  other error: each fixture proves one rule);
- `severity` and `path`: the severity and JSON pointer of the diagnostic with the first code;
- `kind`: `parse` (not readable as one JSON document: bad bytes, syntax, duplicate keys, huge
  numbers), `limit` (over a size limit of `validate::Limits`), `structural` (the published
  schema alone rejects it) or `semantic` (the schema accepts it; only journeymap's rules catch
  it).
"""

import copy
import json
import pathlib

HERE = pathlib.Path(__file__).parent

BASE = {
    "format_version": "1.0",
    "id": "fixture",
    "title": "Fixture base",
    "personas": [
        {"id": "p1", "name": "Persona one", "share": 0.5},
        {"id": "p2", "name": "Persona two", "share": 0.5},
    ],
    "channels": [
        {"id": "web", "name": "Website", "kind": "digital"},
        {"id": "phone", "name": "Phone", "kind": "human"},
    ],
    "stages": [
        {"id": "s1", "name": "Discover", "order": 1},
        {"id": "s2", "name": "Buy", "order": 2},
    ],
    "touchpoints": [
        {"id": "a", "name": "A", "stage": "s1", "channel": "web", "measures": {"emotion": 1, "effort": 2}},
        {"id": "b", "name": "B", "stage": "s2", "channel": "phone", "measures": {"emotion": -1, "effort": 5}},
    ],
    "transitions": [
        {"from": "a", "to": "b", "probability": 0.8},
        {"from": "a", "to": "lost", "probability": 0.2},
        {"from": "b", "to": "won", "probability": 0.7},
        {"from": "b", "to": "lost", "probability": 0.3},
    ],
    "entries": [{"touchpoint": "a"}],
    "outcomes": [
        {"id": "won", "name": "Won", "kind": "success"},
        {"id": "lost", "name": "Lost", "kind": "failure"},
    ],
}


def tp(m, id_):
    return next(t for t in m["touchpoints"] if t["id"] == id_)


def case(name, codes, path, severity="error", kind="semantic"):
    def register(fn):
        CASES.append((name, codes, path, severity, kind, fn))
        return fn

    return register


CASES = []


@case("JM010-not-an-object", ["JM010"], "", kind="structural")
def _(m):
    return [m]


@case("JM011-wrong-type", ["JM011"], "/personas/0/share", kind="structural")
def _(m):
    m["personas"][0]["share"] = "half"


@case("JM012-missing-field", ["JM012"], "/touchpoints/0", kind="structural")
def _(m):
    del tp(m, "a")["stage"]


@case("JM013-unknown-field", ["JM013"], "/touchpoints/0/colour", kind="structural")
def _(m):
    tp(m, "a")["colour"] = "red"


@case("JM014-not-allowed", ["JM014"], "/channels/0/kind", kind="structural")
def _(m):
    m["channels"][0]["kind"] = "telepathy"


@case("JM015-out-of-range", ["JM015"], "/touchpoints/0/measures/duration", kind="structural")
def _(m):
    tp(m, "a")["measures"]["duration"] = -3


@case("JM016-invalid-id", ["JM016"], "/id", kind="structural")
def _(m):
    m["id"] = "has spaces"


@case("JM020-unsupported-version", ["JM020"], "/format_version")
def _(m):
    m["format_version"] = "2.0"


@case("JM021-newer-minor-version", ["JM021"], "/format_version", severity="warning")
def _(m):
    m["format_version"] = "1.3"


@case("JM022-duplicate-id", ["JM022"], "/outcomes/2/id")
def _(m):
    # Touchpoints and outcomes share one namespace.
    m["outcomes"].append({"id": "a", "name": "A again", "kind": "neutral"})


@case("JM023-unknown-stage", ["JM023"], "/touchpoints/0/stage")
def _(m):
    tp(m, "a")["stage"] = "nowhere"


@case("JM024-unknown-channel", ["JM024"], "/personas/0/preferred_channels/0")
def _(m):
    m["personas"][0]["preferred_channels"] = ["fax"]


@case("JM025-unknown-persona", ["JM025"], "/touchpoints/1/persona_measures/ghost")
def _(m):
    tp(m, "b")["persona_measures"] = {"ghost": {"emotion": 0}}


@case("JM026-unknown-touchpoint", ["JM026"], "/entries/0/touchpoint")
def _(m):
    m["entries"][0]["touchpoint"] = "missing"


@case("JM027-unknown-target", ["JM027"], "/transitions/2/to")
def _(m):
    m["transitions"][2]["to"] = "nowhere"


@case("JM028-unknown-pain", ["JM028"], "/opportunities/0/pains/0")
def _(m):
    m["opportunities"] = [{"id": "o1", "title": "Fix it", "touchpoints": ["b"], "pains": ["no-such-pain"]}]


@case("JM029-invalid-scale", ["JM029"], "/scales/emotion")
def _(m):
    m["scales"] = {"emotion": {"min": 2, "max": -2}}


@case("JM030-outside-scale", ["JM030"], "/touchpoints/1/measures/effort")
def _(m):
    tp(m, "b")["measures"]["effort"] = 9


@case("JM032-probabilities-over-one", ["JM032"], "/touchpoints/0")
def _(m):
    m["transitions"][0]["probability"] = 0.9


@case("JM033-entry-probabilities-over-one", ["JM033"], "/entries")
def _(m):
    m["entries"] = [{"touchpoint": "a", "probability": 0.7}, {"touchpoint": "b", "probability": 0.6}]


@case("JM034-persona-without-entry", ["JM034"], "/personas/1", severity="warning")
def _(m):
    m["entries"][0]["personas"] = ["p1"]


@case("JM035-unreachable-touchpoint", ["JM035"], "/touchpoints/2", severity="warning")
def _(m):
    m["touchpoints"].append({"id": "c", "name": "C", "stage": "s2", "channel": "web"})
    m["transitions"].append({"from": "c", "to": "won"})


@case("JM036-dead-end", ["JM036"], "/touchpoints/1", severity="warning")
def _(m):
    m["transitions"] = [t for t in m["transitions"] if t["from"] != "b"]


@case("JM037-no-path-to-success", ["JM037"], "/personas/0", severity="warning")
def _(m):
    m["transitions"][2]["to"] = "lost"


@case("JM038-no-success-outcome", ["JM038"], "/outcomes", severity="warning")
def _(m):
    m["outcomes"][0]["kind"] = "neutral"


@case("JM039-closed-loop", ["JM039"], "/touchpoints/0")
def _(m):
    m["transitions"] = [
        {"from": "a", "to": "b"},
        {"from": "b", "to": "a"},
    ]


@case("JM040-backstage-in-customer-view", ["JM040"], "/touchpoints/1/visibility", severity="warning")
def _(m):
    tp(m, "b")["visibility"] = "backstage"


@case("JM041-shares-over-one", ["JM041"], "/personas")
def _(m):
    m["personas"][1]["share"] = 0.8


@case("JM042-empty-stage", ["JM042"], "/stages/2", severity="warning")
def _(m):
    m["stages"].append({"id": "s3", "name": "Recommend", "order": 3})


@case("JM043-transition-from-outcome", ["JM043"], "/transitions/4/from")
def _(m):
    m["transitions"].append({"from": "won", "to": "a"})


@case("JM045-persona-mismatch", ["JM045"], "/transitions/0", severity="warning")
def _(m):
    tp(m, "b")["personas"] = ["p1"]
    m["transitions"][0]["personas"] = ["p2"]


@case("JM046-kind-without-moment-of-truth", ["JM046"], "/touchpoints/1/moment_of_truth_kind", severity="warning")
def _(m):
    tp(m, "b")["moment_of_truth_kind"] = "first"


@case("JM047-missing-baseline", ["JM047"], "/metadata", severity="info")
def _(m):
    m["state"] = "to_be"


@case("JM048-unused-channel", ["JM048"], "/channels/2", severity="info")
def _(m):
    m["channels"].append({"id": "mail", "name": "Mail", "kind": "print"})


@case("JM049-duplicate-transition", ["JM049"], "/transitions/4", severity="warning")
def _(m):
    m["transitions"][1]["probability"] = 0.1
    m["transitions"].append({"from": "a", "to": "lost", "probability": 0.1})


@case("JM050-probability-and-count", ["JM050"], "/transitions/0", severity="info")
def _(m):
    m["transitions"][0]["count"] = 80


@case("JM051-duplicate-stage-order", ["JM051"], "/stages/1/order", severity="warning")
def _(m):
    m["stages"][1]["order"] = 1


@case("JM052-probability-leak", ["JM052"], "/touchpoints/1", severity="info")
def _(m):
    m["transitions"][3]["probability"] = 0.1


@case("JM053-too-many-personas", ["JM053"], "/personas", kind="limit")
def _(m):
    # One more than the default `Limits::max_personas` (100).
    m["personas"] = [{"id": f"p{i}", "name": f"Persona {i}"} for i in range(1, 102)]


def opportunity(effects, id_="o1"):
    return {"id": id_, "title": "Improve it", "touchpoints": ["b"], "effects": effects}


@case("JM054-effect-unknown-id", ["JM054"], "/opportunities/0/effects/measures/0/touchpoint")
def _(m):
    m["opportunities"] = [opportunity({"measures": [{"touchpoint": "nowhere", "measures": {"effort": 2}}]})]


@case("JM055-effect-missing-transition", ["JM055"], "/opportunities/0/effects/removed_transitions/0")
def _(m):
    m["opportunities"] = [opportunity({"removed_transitions": [{"from": "a", "to": "won"}]})]


@case("JM056-effect-outside-scale", ["JM056"], "/opportunities/0/effects/measures/0/measures/effort")
def _(m):
    m["opportunities"] = [opportunity({"measures": [{"touchpoint": "b", "measures": {"effort": 9}}]})]


@case("JM057-contradictory-effects", ["JM057"], "/opportunities/0/effects/measures/1/measures/effort")
def _(m):
    m["opportunities"] = [opportunity({"measures": [
        {"touchpoint": "b", "measures": {"effort": 2}},
        {"touchpoint": "b", "measures": {"effort": 3}},
    ]})]


@case("JM058-effect-probabilities-over-one", ["JM058"], "/opportunities/0/effects/transitions/0")
def _(m):
    # a -> lost keeps its 0.2.
    m["opportunities"] = [opportunity({"transitions": [{"from": "a", "to": "b", "probability": 0.9}]})]


@case("JM059-empty-effect", ["JM059"], "/opportunities/0/effects/measures/0/measures", severity="warning")
def _(m):
    m["opportunities"] = [opportunity({"measures": [{"touchpoint": "b", "measures": {}}]})]


@case("JM060-effect-persona-mismatch", ["JM060"], "/opportunities/0/effects/measures/0/personas/0", severity="warning")
def _(m):
    tp(m, "a")["personas"] = ["p1"]
    m["opportunities"] = [{"id": "o1", "title": "Improve it", "touchpoints": ["a"], "effects": {
        "measures": [{"touchpoint": "a", "personas": ["p2"], "measures": {"effort": 1}}]}}]


@case("JM061-overlapping-opportunities", ["JM061"], "/opportunities/1/effects", severity="info")
def _(m):
    m["opportunities"] = [
        opportunity({"measures": [{"touchpoint": "b", "measures": {"effort": 2}}]}, "o1"),
        opportunity({"measures": [{"touchpoint": "b", "measures": {"effort": 3}}]}, "o2"),
    ]


def main():
    expected = {}
    for name, codes, pointer, severity, kind, fn in CASES:
        m = copy.deepcopy(BASE)
        replaced = fn(m)
        doc = replaced if replaced is not None else m
        path = HERE / f"{name}.json"
        path.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        expected[path.name] = {"codes": codes, "severity": severity, "path": pointer, "kind": kind}
    raw = {
        "JM002-not-utf8.json": (b'{"format_version": "1.0", "id": "caf\xe9"}\n', ["JM002"], ""),
        "JM004-empty.json": (b"", ["JM004"], ""),
        "JM004-truncated.json": (b'{"format_version": "1.0", "id": "x", "personas": [\n', ["JM004"], ""),
        "JM005-duplicate-key.json": (b'{"format_version": "1.0", "id": "x", "id": "y", "title": "t"}\n', ["JM005"], "/id"),
        "JM006-number-out-of-range.json": (b'{"format_version": "1.0", "id": "x", "title": "t", "x-big": 1e400}\n', ["JM006"], ""),
    }
    for name, (data, codes, pointer) in raw.items():
        (HERE / name).write_bytes(data)
        expected[name] = {"codes": codes, "severity": "error", "path": pointer, "kind": "parse"}
    (HERE / "expected.json").write_text(json.dumps(dict(sorted(expected.items())), indent=2) + "\n")


if __name__ == "__main__":
    main()
