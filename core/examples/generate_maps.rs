//! Writes the benchmark maps as JSON, for the cross-library comparison in bench/:
//! `cargo run --release -p journeymap --example generate_maps -- OUT_DIR`.
#![allow(clippy::panic)]

#[path = "../benches/support/generated.rs"]
mod generated;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out = std::env::args()
        .nth(1)
        .ok_or("usage: generate_maps OUT_DIR")?;
    std::fs::create_dir_all(&out)?;
    for (n, personas) in [(100, 3), (250, 1), (500, 1), (1000, 1), (2000, 1)] {
        let map = generated::generated_map(n, 5, personas);
        let path = format!("{out}/generated-{n}.json");
        std::fs::write(&path, serde_json::to_string(&map)?)?;
        let typed: journeymap::JourneyMap = serde_json::from_value(map)?;
        let scores = typed.score(&journeymap::score::ScoringConfig::default());
        // Reference numbers for the comparison: P(success) and removal effects of persona p0.
        let p = scores.persona("p0").ok_or("no persona p0")?;
        let reference: Vec<(String, Option<f64>)> = p
            .conversion
            .touchpoints
            .iter()
            .map(|t| (t.touchpoint.clone(), t.removal_effect))
            .collect();
        let summary = serde_json::json!({"success": p.conversion.success_probability, "removal_effect": reference});
        std::fs::write(
            format!("{out}/generated-{n}.rust.json"),
            serde_json::to_string(&summary)?,
        )?;
        println!("{path}");
    }
    Ok(())
}
