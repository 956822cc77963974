"""Checks the bilingual seminar content files (trends, diagnosis, arbitration,
governance, demo seminar): structure, lengths for the projector, internal
references, and that the French texts are written in our own words."""
import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"

FILES = {
    "trends": "exercises/trends/content/trends.json",
    "characteristics": "exercises/diagnosis/content/characteristics.json",
    "criteria": "exercises/arbitration/content/criteria.json",
    "grades": "exercises/arbitration/content/grades.json",
    "choices": "exercises/governance/content/choices.json",
    "kpis": "exercises/governance/content/kpis.json",
    "demo": "exercises/demo/demo_content.json",
}

# Projector limits (characters).
TITLE, DESCRIPTION, EXAMPLE, IDEA = 60, 220, 160, 90
OPTION = 90

# Bilingual values allowed to be identical in both languages (proper nouns, cognates).
ALLOWED_SAME = {"Banque Horizon", "Excellent"}

CHARACTERISTIC_KEYS = [
    "design", "technology", "data", "customer_service", "culture",
    "relevance", "authenticity", "consistency", "convenience", "ease",
    "speed", "personalisation", "omnichannel", "resolution",
]
LIFECYCLE = {"innovation", "basic", "missing"}
HORIZONS = {"now", "1-2y", "3y+"}
EFFORTS = {"S", "M", "L", "XL"}
DECISIONS = {"go", "later", "nogo"}
SNAKE = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")


def load(name):
    path = ROOT / FILES[name]
    with path.open(encoding="utf-8") as fh:
        return json.load(fh)


@pytest.fixture(scope="module")
def content():
    return {name: load(name) for name in FILES}


# ------------------------------------------------------------------ helpers

def check_text(text, limit, where):
    assert isinstance(text, str), f"{where}: not a string"
    assert text.strip(), f"{where}: empty"
    assert text == text.strip(), f"{where}: leading/trailing whitespace"
    assert "  " not in text, f"{where}: double space"
    assert len(text) <= limit, f"{where}: {len(text)} > {limit} chars: {text!r}"


def check_pair(obj, limit, where, must_differ=True):
    """obj = {"fr": str, "en": str}."""
    assert isinstance(obj, dict), f"{where}: not a fr/en object"
    assert set(obj) >= {"fr", "en"}, f"{where}: missing fr/en"
    check_text(obj["fr"], limit, f"{where}.fr")
    check_text(obj["en"], limit, f"{where}.en")
    assert "'" not in obj["fr"], f"{where}.fr: straight apostrophe, use ’"
    if must_differ and obj["fr"] not in ALLOWED_SAME:
        assert obj["fr"] != obj["en"], f"{where}: French and English are identical"


def check_fields(obj, spec, where):
    """obj = {"fr": {field: str}, "en": {field: str}}; spec = {field: limit}."""
    for lang in ("fr", "en"):
        assert isinstance(obj.get(lang), dict), f"{where}: missing {lang} block"
        missing = set(spec) - set(obj[lang])
        assert not missing, f"{where}.{lang}: missing {sorted(missing)}"
    for field, limit in spec.items():
        check_pair({"fr": obj["fr"][field], "en": obj["en"][field]}, limit, f"{where}.{field}")


def french_texts(node):
    """Every string found under a "fr" key, anywhere in the structure."""
    out = []

    def strings(x):
        if isinstance(x, str):
            out.append(x)
        elif isinstance(x, dict):
            for v in x.values():
                strings(v)
        elif isinstance(x, list):
            for v in x:
                strings(v)

    def walk(x):
        if isinstance(x, dict):
            for k, v in x.items():
                if k == "fr":
                    strings(v)
                else:
                    walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)

    walk(node)
    return out


def words(text):
    text = text.lower().replace("’", " ").replace("'", " ").replace("œ", "oe")
    return re.findall(r"\w+", text)


def ngrams(tokens, n=8):
    return {tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1)}


# ------------------------------------------------------------------ all files

@pytest.mark.parametrize("name", sorted(FILES))
def test_valid_utf8_json_with_two_space_indent(name):
    raw = (ROOT / FILES[name]).read_bytes().decode("utf-8")
    data = json.loads(raw)
    assert raw == json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def test_french_uses_accents_and_typographic_apostrophes(content):
    fr = " ".join(t for data in content.values() for t in french_texts(data))
    assert "'" not in fr
    assert "’" in fr
    assert all(ch in fr for ch in "éèàç")


# ------------------------------------------------------------------ trends

def test_trends(content):
    trends = content["trends"]
    assert isinstance(trends, list) and len(trends) >= 18
    keys = [t["key"] for t in trends]
    assert len(keys) == len(set(keys)), "duplicate trend keys"
    for t in trends:
        assert SNAKE.match(t["key"]), t["key"]
        assert t["lifecycle"] in LIFECYCLE, t["key"]
        check_fields(t, {"title": TITLE, "description": DESCRIPTION, "example": EXAMPLE},
                     f"trend {t['key']}")
    assert {t["lifecycle"] for t in trends} == LIFECYCLE
    required = {
        "co_creation", "customer_resources", "intermediation", "services_not_products",
        "mobile_lifestyle", "self_service", "conversational_assistants", "data_personalisation",
        "real_time", "omnichannel_continuity", "reviews_social_listening", "trust_authenticity",
        "effort_reduction", "account_aggregation", "subscription_pricing",
        "community_peer_advice", "proactive_notifications", "happy_experiences",
    }
    assert required <= set(keys), sorted(required - set(keys))


# ------------------------------------------------------------------ characteristics

def test_characteristics(content):
    chars = content["characteristics"]
    assert [c["key"] for c in chars] == CHARACTERISTIC_KEYS
    for c in chars:
        expected = "internal" if CHARACTERISTIC_KEYS.index(c["key"]) < 5 else "external"
        assert c["group"] == expected, c["key"]
        check_fields(c, {"name": TITLE, "question": DESCRIPTION, "low": DESCRIPTION,
                         "high": DESCRIPTION}, f"characteristic {c['key']}")
        for lang in ("fr", "en"):
            assert c[lang]["question"].endswith("?"), f"{c['key']}.{lang} question"
            assert c[lang]["low"] != c[lang]["high"]


# ------------------------------------------------------------------ arbitration

def test_criteria(content):
    crit = content["criteria"]
    assert [c["key"] for c in crit] == ["segment_fit", "customer_value", "org_impact", "tech_effort"]
    reversed_ = {c["key"]: c["reversed"] for c in crit}
    assert reversed_ == {"segment_fit": False, "customer_value": False,
                         "org_impact": True, "tech_effort": True}
    assert all(isinstance(c["weight"], int) and c["weight"] > 0 for c in crit)
    assert sum(c["weight"] for c in crit) == 100
    for c in crit:
        check_pair({"fr": c["fr"]["name"], "en": c["en"]["name"]}, TITLE, f"{c['key']}.name")
        assert len(c["fr"]["levels"]) == len(c["en"]["levels"]) == 5
        for i, (fr, en) in enumerate(zip(c["fr"]["levels"], c["en"]["levels"])):
            check_pair({"fr": fr, "en": en}, EXAMPLE, f"{c['key']}.levels[{i}]")
        assert len(set(c["fr"]["levels"])) == 5


def test_grades(content):
    grades = content["grades"]
    assert set(grades) == {"fr", "en"}
    assert len(grades["fr"]) == len(grades["en"]) in (5, 6)
    assert grades["fr"][0] == "À rejeter" and grades["en"][0] == "To reject"
    assert grades["fr"][-1] == "Excellent" and grades["en"][-1] == "Excellent"
    for i, (fr, en) in enumerate(zip(grades["fr"], grades["en"])):
        check_pair({"fr": fr, "en": en}, 30, f"grade {i}")
    assert len(set(grades["fr"])) == len(grades["fr"])


# ------------------------------------------------------------------ governance

def test_choices(content):
    choices = content["choices"]
    keys = [q["key"] for q in choices]
    assert len(keys) == len(set(keys))
    required = {"steering_body", "review_cadence", "shared_goal", "carrot_incentives",
                "stick_obligations", "carrot_or_stick", "listening_loops", "experience_makers"}
    assert required <= set(keys), sorted(required - set(keys))
    for q in choices:
        assert SNAKE.match(q["key"])
        assert q["kind"] in {"single", "multi", "ranking"}
        check_fields(q, {"question": DESCRIPTION, "help": DESCRIPTION}, f"choice {q['key']}")
        opts = [o["key"] for o in q["options"]]
        assert len(opts) >= 2 and len(opts) == len(set(opts)), q["key"]
        for o in q["options"]:
            assert SNAKE.match(o["key"])
            check_pair(o, OPTION, f"{q['key']}.{o['key']}")
    by_key = {q["key"]: {o["key"] for o in q["options"]} for q in choices}
    assert {"exec_committee", "chief_customer_officer", "transformation_office",
            "champions_network"} <= by_key["steering_body"]
    assert {"monthly", "quarterly"} <= by_key["review_cadence"]
    assert {"surveys", "social_listening", "reviews", "response_1h"} <= by_key["listening_loops"]


def test_kpis(content):
    kpis = content["kpis"]
    keys = [k["key"] for k in kpis]
    assert len(keys) == len(set(keys))
    assert {"nps", "csat", "ces", "churn", "response_time", "fcr"} <= set(keys)
    for k in kpis:
        assert isinstance(k["unit"], str) and k["unit"]
        assert isinstance(k["higher_is_better"], bool)
        check_fields(k, {"name": TITLE, "definition": DESCRIPTION}, f"kpi {k['key']}")
    hib = {k["key"]: k["higher_is_better"] for k in kpis}
    assert hib["nps"] and hib["csat"] and hib["fcr"]
    assert not hib["churn"] and not hib["response_time"] and not hib["ces"]


# ------------------------------------------------------------------ demo seminar

def test_demo_header_and_people(content):
    demo = content["demo"]
    for key in ("organisation", "title", "summary", "ambition", "participants", "segments",
                "trend_ratings", "diagnosis", "axes", "rounds", "ideas", "journey",
                "initiatives", "governance", "kpi_targets"):
        assert key in demo, key
    check_pair(demo["organisation"], TITLE, "organisation")
    check_pair(demo["title"], TITLE, "title")
    check_pair(demo["summary"], 1200, "summary")
    check_pair(demo["ambition"], DESCRIPTION, "ambition")
    for lang in ("fr", "en"):
        sentences = [s for s in re.split(r"(?<=[.!?])\s+", demo["summary"][lang]) if s]
        assert 4 <= len(sentences) <= 6, lang

    people = demo["participants"]
    assert len(people) == 12
    assert len({p["name"] for p in people}) == 12
    for i, p in enumerate(people):
        assert len(p["name"].split()) >= 2, p["name"]
        check_pair(p["function"], TITLE, f"participant {i}.function")
        assert re.fullmatch(r"[a-z]+(-[a-z]+)?\.[a-z]+(-[a-z]+)?@banque-horizon\.example",
                            p["email"]), p["email"]
    assert len({p["email"] for p in people}) == 12

    segs = demo["segments"]
    assert 3 <= len(segs) <= 4
    assert len({s["key"] for s in segs}) == len(segs)
    for s in segs:
        assert SNAKE.match(s["key"])
        check_pair(s, TITLE, f"segment {s['key']}")


def test_demo_trends_and_diagnosis(content):
    demo = content["demo"]
    trend_keys = {t["key"] for t in content["trends"]}
    ratings = demo["trend_ratings"]
    assert 8 <= len(ratings) <= 14
    assert len({r["trend_key"] for r in ratings}) == len(ratings)
    for r in ratings:
        assert r["trend_key"] in trend_keys, r["trend_key"]
        assert r["relevance"] in range(1, 6)
        assert r["horizon"] in HORIZONS
        assert r["lifecycle"] in LIFECYCLE
        assert isinstance(r["retained"], bool)
        if r["retained"]:
            check_pair(r["implication"], DESCRIPTION, f"implication {r['trend_key']}")
    assert 5 <= sum(r["retained"] for r in ratings) <= 6

    diag = demo["diagnosis"]
    assert list(diag) == CHARACTERISTIC_KEYS
    for key, scores in diag.items():
        assert len(scores) == 12, key
        assert all(isinstance(s, int) and 1 <= s <= 5 for s in scores), key
    mean = {k: sum(v) / len(v) for k, v in diag.items()}
    for weak in ("omnichannel", "ease", "speed", "culture"):
        assert mean[weak] < 2.6, weak
    assert mean["authenticity"] >= 4.0
    assert max(mean, key=mean.get) == "authenticity"


def test_demo_axes_rounds_ideas_journey(content):
    demo = content["demo"]
    trend_keys = {t["key"] for t in content["trends"]}
    axes = demo["axes"]
    assert len(axes) == 5
    axis_keys = [a["key"] for a in axes]
    assert len(set(axis_keys)) == 5
    assert len({a["colour"].lower() for a in axes}) == 5
    for a in axes:
        assert SNAKE.match(a["key"])
        assert re.fullmatch(r"#[0-9A-Fa-f]{6}", a["colour"])
        check_pair(a["name"], TITLE, f"axis {a['key']}.name")
        check_pair(a["ambition"], DESCRIPTION, f"axis {a['key']}.ambition")

    rounds = demo["rounds"]
    assert len(rounds) == 3
    for i, r in enumerate(rounds):
        check_pair(r["prompt"], DESCRIPTION, f"round {i}")
        assert r["trend_key"] in trend_keys
        assert r["characteristic"] in CHARACTERISTIC_KEYS

    steps = demo["journey"]["steps"]
    ideas = demo["ideas"]
    assert 40 <= len(ideas) <= 50
    for i, idea in enumerate(ideas):
        check_pair(idea["text"], IDEA, f"idea {i}")
        assert idea["axis"] is None or idea["axis"] in axis_keys, i
        assert idea["author"] is None or idea["author"] in range(12), i
        assert idea["round"] in range(len(rounds)), i
        assert idea["journey_step"] is None or idea["journey_step"] in range(len(steps)), i
    unclustered = sum(idea["axis"] is None for idea in ideas)
    assert 1 <= unclustered <= 8
    assert {idea["axis"] for idea in ideas} >= set(axis_keys)
    assert {idea["round"] for idea in ideas} == {0, 1, 2}
    assert len({idea["text"]["fr"] for idea in ideas}) == len(ideas)

    journey = demo["journey"]
    check_pair(journey["title"], TITLE, "journey.title")
    assert journey["title"]["fr"] == "Ouverture de compte et premiers 90 jours"
    assert len(steps) == 8
    for i, s in enumerate(steps):
        check_pair(s["title"], TITLE, f"step {i}")
        assert isinstance(s["moment_of_truth"], bool)
        assert isinstance(s["emotion"], int) and -3 <= s["emotion"] <= 3
    emotions = [s["emotion"] for s in steps]
    low = emotions.index(min(emotions))
    assert 0 < low < len(steps) - 1 and min(emotions) < 0, "the journey should dip in the middle"
    assert emotions[0] > 0
    assert any(s["moment_of_truth"] for s in steps)


def test_demo_initiatives(content):
    demo = content["demo"]
    trend_keys = {t["key"] for t in content["trends"]}
    axis_keys = {a["key"] for a in demo["axes"]}
    seg_keys = {s["key"] for s in demo["segments"]}
    n_ideas = len(demo["ideas"])
    inits = demo["initiatives"]
    assert len(inits) == 9
    by_key = {i["key"]: i for i in inits}
    assert len(by_key) == 9

    text_fields = {"title": TITLE, "problem": DESCRIPTION, "customer_value": DESCRIPTION,
                   "org_impact": DESCRIPTION, "tech_impact": DESCRIPTION, "kpi": EXAMPLE,
                   "kpi_target": EXAMPLE, "reason": EXAMPLE}
    for it in inits:
        k = it["key"]
        assert SNAKE.match(k)
        for field, limit in text_fields.items():
            check_pair(it[field], limit, f"initiative {k}.{field}")
        assert it["axis"] in axis_keys, k
        assert it["segments"] and set(it["segments"]) <= seg_keys, k
        assert it["effort"] in EFFORTS, k
        assert isinstance(it["cost_range"], str) and "€" in it["cost_range"], k
        assert it["owner"] in range(12) and it["sponsor"] in range(12), k
        assert it["trends"] and set(it["trends"]) <= trend_keys, k
        assert it["ideas"] and all(i in range(n_ideas) for i in it["ideas"]), k
        assert it["decision"] in DECISIONS, k
        assert isinstance(it["duration_quarters"], int) and 1 <= it["duration_quarters"] <= 6, k
        assert k not in it["depends_on"], k
        assert set(it["depends_on"]) <= set(by_key), k
        for m in it["milestones"]:
            assert isinstance(m["quarter"], int) and 0 <= m["quarter"] <= 11, k
            check_pair(m["label"], TITLE, f"initiative {k} milestone")
        if it["decision"] == "go":
            start = it["start_quarter"]
            assert isinstance(start, int) and 0 <= start <= 11, k
            assert start + it["duration_quarters"] <= 12, k
            assert it["milestones"], k
            for m in it["milestones"]:
                assert start <= m["quarter"] < start + it["duration_quarters"], k
            for dep in it["depends_on"]:
                assert by_key[dep]["decision"] == "go", f"{k} depends on undecided {dep}"
                assert by_key[dep]["start_quarter"] <= start, f"{dep} starts after {k}"
        else:
            assert it.get("start_quarter") is None, k

    decisions = [it["decision"] for it in inits]
    assert decisions.count("go") == 6
    assert decisions.count("later") == 2
    assert decisions.count("nogo") == 1
    starts = [it["start_quarter"] for it in inits if it["decision"] == "go"]
    assert any(s <= 1 for s in starts), "no quick win (0–6 months)"
    assert any(2 <= s <= 5 for s in starts), "nothing in 6–18 months"
    assert any(s >= 6 for s in starts), "nothing in 18–36 months"


def test_demo_governance_and_kpis(content):
    demo = content["demo"]
    choices = {q["key"]: q for q in content["choices"]}
    gov = demo["governance"]
    assert set(gov) == set(choices), "every governance question should be answered"
    for key, answer in gov.items():
        q = choices[key]
        options = [o["key"] for o in q["options"]]
        chosen = answer["chosen"]
        assert chosen and set(chosen) <= set(options), key
        assert len(chosen) == len(set(chosen)), key
        if q["kind"] == "single":
            assert len(chosen) == 1, key
        elif q["kind"] == "ranking":
            assert sorted(chosen) == sorted(options), key
        check_pair(answer["note"], DESCRIPTION, f"governance {key}.note")

    kpi_keys = {k["key"] for k in content["kpis"]}
    targets = demo["kpi_targets"]
    assert targets
    assert len({t["kpi"] for t in targets}) == len(targets)
    for t in targets:
        assert t["kpi"] in kpi_keys, t["kpi"]
        for f in ("baseline", "target", "horizon"):
            assert isinstance(t[f], str) and t[f].strip(), (t["kpi"], f)
        assert re.fullmatch(r"20\d\d", t["horizon"])


# ------------------------------------------------------------------ own words

def _seed_ngrams():
    grams = set()
    for path in sorted(SEEDS.glob("*")):
        if path.is_file():
            grams |= ngrams(words(path.read_text(encoding="utf-8", errors="replace")))
    return grams


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seed texts not available")
def test_no_eight_word_sequence_copied_from_seeds(content):
    seed = _seed_ngrams()
    assert seed, "no seed text read"
    # The detector itself must catch a sentence taken from a seed.
    sample = next(iter(seed))
    assert ngrams(list(sample)) & seed
    copied = []
    for name, data in content.items():
        for text in french_texts(data):
            hit = ngrams(words(text)) & seed
            if hit:
                copied.append((name, text, " ".join(sorted(hit)[0])))
    assert not copied, copied
