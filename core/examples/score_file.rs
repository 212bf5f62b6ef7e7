//! Scores a map file and prints the scores as JSON: `cargo run --example score_file -- MAP.json`.
use journeymap::score::ScoringConfig;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .ok_or("usage: score_file MAP.json")?;
    let map = journeymap::io::from_path(&path)?;
    println!(
        "{}",
        serde_json::to_string_pretty(&map.score(&ScoringConfig::default()))?
    );
    Ok(())
}
