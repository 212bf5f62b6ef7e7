//! Directly-follows discovery on the same in-memory columns: journeymap (columns → grouped,
//! ordered log → aggregate → counts) against the `process_mining` crate (columns → traces ordered
//! by time → `discover_dfg`, and `discover_dfg` alone on the ready-made traces).
//!
//! cargo run --release --manifest-path bench/rust-peers/Cargo.toml -- bench/data/events-1000000.csv

use std::collections::HashMap;
use std::time::Instant;

use journeymap::events::columns::{Columns, StrColumn};
use journeymap::events::{ColumnNames, EventLog, StatsOptions};
use process_mining::EventLog as PmLog;
use process_mining::core::event_data::case_centric::{Event, Trace};
use process_mining::discovery::case_centric::dfg::discover_dfg;

fn best<T>(repeat: usize, mut f: impl FnMut() -> T) -> (f64, T) {
    let mut out = None;
    let mut best = f64::INFINITY;
    for _ in 0..repeat {
        let t = Instant::now();
        let r = f();
        best = best.min(t.elapsed().as_secs_f64());
        out = Some(r);
    }
    (best, out.expect("at least one run"))
}

fn main() {
    let path = std::env::args().nth(1).expect("usage: journeymap-rust-peers EVENTS.csv");
    let mut reader = csv::Reader::from_path(&path).expect("readable CSV");
    let (mut case, mut activity, mut time) = (Vec::new(), Vec::new(), Vec::new());
    for r in reader.records() {
        let r = r.expect("record");
        case.push(Some(r[0].to_owned()));
        activity.push(Some(r[1].to_owned()));
        time.push(Some(r[2].to_owned()));
    }
    let n = case.len();
    println!("{n} events");

    let (t_jm, jm) = best(3, || {
        let log = EventLog::from_columns(
            ColumnNames::default(),
            Columns {
                case: &case as &dyn StrColumn,
                activity: &activity,
                timestamp: &time,
                channel: None,
                persona: None,
                metrics: &[],
            },
        )
        .expect("log");
        log.stats(&StatsOptions { outcomes: Vec::new(), top_variants: Some(0) })
    });
    let jm_pairs: HashMap<(String, String), u64> = jm
        .transitions
        .iter()
        .filter_map(|t| Some(((t.from.clone(), t.to.clone()?), t.count)))
        .collect();
    println!("journeymap (columns to counts): {t_jm:.3} s, {:.1} M events/s", n as f64 / t_jm / 1e6);

    let build = || {
        let mut traces: HashMap<&str, Vec<usize>> = HashMap::new();
        let mut order: Vec<&str> = Vec::new();
        for (i, c) in case.iter().enumerate() {
            let c = c.as_deref().unwrap_or("");
            traces.entry(c).or_insert_with(|| {
                order.push(c);
                Vec::new()
            });
            traces.get_mut(c).expect("just inserted").push(i);
        }
        let ms = |i: usize| time[i].as_deref().unwrap_or("0").parse::<i64>().unwrap_or(0);
        PmLog {
            attributes: Vec::new(),
            traces: order
                .iter()
                .map(|c| {
                    let mut idx = traces[c].clone();
                    idx.sort_by_key(|&i| ms(i));
                    Trace {
                        attributes: Vec::new(),
                        events: idx
                            .into_iter()
                            .map(|i| Event::new(activity[i].clone().unwrap_or_default()))
                            .collect(),
                    }
                })
                .collect(),
            extensions: None,
            classifiers: None,
            global_trace_attrs: None,
            global_event_attrs: None,
        }
    };
    let (t_pm, pm) = best(3, || {
        let log = build();
        let dfg = discover_dfg(&log);
        dfg.directly_follows_relations
            .iter()
            .map(|((a, b), &c)| ((a.to_string(), b.to_string()), u64::from(c)))
            .collect::<HashMap<_, _>>()
    });
    assert_eq!(pm, jm_pairs, "process_mining and journeymap disagree");
    let log = build();
    let (t_dfg, _) = best(3, || discover_dfg(&log).directly_follows_relations.len());
    println!("process_mining (columns to traces + discover_dfg): {t_pm:.3} s, {:.1} M events/s", n as f64 / t_pm / 1e6);
    println!("process_mining (discover_dfg on ready traces): {t_dfg:.3} s, {:.1} M events/s", n as f64 / t_dfg / 1e6);
    println!("ratio journeymap / process_mining: {:.2}x (end to end), {:.2}x (DFG step alone)", t_pm / t_jm, t_dfg / t_jm);
}
