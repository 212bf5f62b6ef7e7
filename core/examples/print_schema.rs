fn main() {
    println!(
        "{}",
        serde_json::to_string_pretty(&journeymap::json_schema()).unwrap()
    );
}
