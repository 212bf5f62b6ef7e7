//! Deterministic generated maps for benchmarks (no randomness crate: a fixed xorshift).

use journeymap::JourneyMap;
use serde_json::{Value, json};

const CHANNELS: [&str; 4] = ["web", "app", "store", "phone"];

struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// A map with `n` touchpoints over 10 stages and `personas` personas; each touchpoint has
/// `out_degree` moves: mostly forward within a window, some back-steps, and exits to outcomes.
pub fn generated_map(n: usize, out_degree: usize, personas: usize) -> Value {
    let mut rng = XorShift(0x9E37_79B9_7F4A_7C15 ^ n as u64);
    let touchpoints: Vec<Value> = (0..n)
        .map(|i| {
            let channel = CHANNELS[rng.below(4)];
            json!({
                "id": format!("t{i:05}"), "name": format!("Step {i}"),
                "stage": format!("s{}", i * 10 / n), "channel": channel,
                "owner": format!("team{}", rng.below(6)),
                "measures": {
                    "emotion": rng.unit() * 4.0 - 2.0, "expected_emotion": rng.unit() * 4.0 - 2.0,
                    "effort": 1.0 + rng.unit() * 6.0, "importance": 1.0 + rng.unit() * 4.0, "duration": rng.unit() * 10.0
                }
            })
        })
        .collect();
    let mut transitions = Vec::with_capacity(n * out_degree);
    for i in 0..n {
        let mut weights: Vec<f64> = (0..out_degree).map(|_| 0.1 + rng.unit()).collect();
        let total: f64 = weights.iter().sum();
        weights.iter_mut().for_each(|w| *w /= total);
        for (k, w) in weights.into_iter().enumerate() {
            let to = if k == 0 && (i + 1 == n || rng.below(8) == 0) {
                if rng.below(3) == 0 {
                    "lost".to_owned()
                } else {
                    "won".to_owned()
                }
            } else if rng.below(10) == 0 && i > 0 {
                format!("t{:05}", i - 1 - rng.below(i.min(20)))
            } else {
                format!("t{:05}", (i + 1 + rng.below(30)).min(n - 1))
            };
            transitions.push(json!({"from": format!("t{i:05}"), "to": to, "probability": w}));
        }
    }
    let personas: Vec<Value> = (0..personas)
        .map(|p| json!({"id": format!("p{p}"), "name": format!("Persona {p}"), "share": 1.0 / personas as f64}))
        .collect();
    let channels: Vec<Value> = CHANNELS
        .iter()
        .map(|c| json!({"id": c, "name": c, "kind": "digital"}))
        .collect();
    json!({
        "format_version": "1.0", "id": format!("generated-{n}"), "title": "Generated map",
        "personas": personas,
        "channels": channels,
        "stages": (0..10).map(|s| json!({"id": format!("s{s}"), "name": format!("Stage {s}"), "order": s})).collect::<Vec<_>>(),
        "touchpoints": touchpoints, "transitions": transitions,
        "entries": [{"touchpoint": "t00000", "probability": 0.7}, {"touchpoint": format!("t{:05}", n / 10), "probability": 0.3}],
        "outcomes": [{"id": "won", "name": "Won", "kind": "success"}, {"id": "lost", "name": "Lost", "kind": "failure"}]
    })
}

/// The same map, typed.
#[allow(dead_code, clippy::panic)]
pub fn generated(n: usize, out_degree: usize, personas: usize) -> JourneyMap {
    match serde_json::from_value(generated_map(n, out_degree, personas)) {
        Ok(map) => map,
        Err(e) => panic!("generated map does not deserialize: {e}"),
    }
}

/// Observed paths of 10 to 20 steps, random walks on the map's moves.
#[allow(dead_code)]
pub fn random_paths(map: &JourneyMap, count: usize) -> Vec<Vec<String>> {
    let mut rng = XorShift(42);
    let mut out_moves: std::collections::HashMap<&str, Vec<&str>> =
        std::collections::HashMap::new();
    for t in &map.transitions {
        if t.to.starts_with('t') {
            out_moves
                .entry(t.from.as_str())
                .or_default()
                .push(t.to.as_str());
        }
    }
    (0..count)
        .map(|_| {
            let len = 10 + rng.below(11);
            let mut at = map.touchpoints[rng.below(map.touchpoints.len() / 2)]
                .id
                .as_str();
            let mut path = Vec::with_capacity(len);
            for _ in 0..len {
                path.push(at.to_owned());
                match out_moves.get(at) {
                    Some(next) if !next.is_empty() => at = next[rng.below(next.len())],
                    _ => break,
                }
            }
            path
        })
        .collect()
}

/// The map with `count` opportunities whose effects mix new measures (half of them), moves
/// shifted between two targets, and removed touchpoints (every eighth); efforts 1 to 8.
#[allow(dead_code)]
pub fn with_opportunities(mut map: Value, count: usize) -> Value {
    let n = map["touchpoints"].as_array().map_or(0, Vec::len);
    let transitions = map["transitions"].as_array().cloned().unwrap_or_default();
    let moves_from = |from: &str| -> Vec<&Value> {
        transitions
            .iter()
            .filter(|t| t["from"].as_str() == Some(from))
            .collect()
    };
    let opportunities: Vec<Value> = (0..count)
        .map(|k| {
            let at = format!("t{:05}", (k * 37 + 11) % n);
            let effects = if k % 2 == 0 {
                json!({"measures": [{"touchpoint": at, "measures": {"emotion": 1.5, "effort": 2.0}}]})
            } else if k % 8 == 7 {
                let next = format!("t{:05}", ((k * 37 + 11) % n + 1).min(n - 1));
                json!({"removed_touchpoints": [{"touchpoint": at, "redirect_to": next}]})
            } else {
                // Half of the probability of the moves to a second target goes to the first.
                let out = moves_from(&at);
                let x = &out[0]["to"];
                let y = out.iter().map(|t| &t["to"]).find(|t| *t != x).unwrap_or(x);
                let total = |to: &Value| {
                    out.iter()
                        .filter(|t| &t["to"] == to)
                        .map(|t| t["probability"].as_f64().unwrap_or(0.0))
                        .sum::<f64>()
                };
                let (px, py) = (total(x), total(y));
                if x == y {
                    json!({"measures": [{"touchpoint": at, "measures": {"effort": 1.0}}]})
                } else {
                    json!({"transitions": [
                        {"from": at, "to": x, "probability": px + py / 2.0},
                        {"from": at, "to": y, "probability": py / 2.0}
                    ]})
                }
            };
            json!({"id": format!("o{k:02}"), "title": format!("Opportunity {k}"), "touchpoints": [at],
                   "value": 1 + k % 5, "effort": 1 + (k * 3) % 8, "confidence": 0.5 + 0.05 * (k % 10) as f64,
                   "effects": effects})
        })
        .collect();
    map["opportunities"] = Value::Array(opportunities);
    map
}
