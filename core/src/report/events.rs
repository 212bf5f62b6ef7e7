//! The text reports of the event-log verbs: `journeymap events stats`, `discover`, `calibrate`
//! and `conformance`.

use std::fmt::Write;

use crate::events::calibrate::CalibrationReport;
use crate::events::discover::DiscoverySummary;
use crate::events::stats::Stats;
use crate::events::{ConformanceReport, RowIssue};

/// The statistics of a log: counts, rows left out, activities, transitions, variants, survey
/// answers and personas.
pub fn text_stats(s: &Stats) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} cases, {} events, {} rows rejected",
        s.cases,
        s.events,
        s.rejected.len()
    );
    if let (Some(a), Some(b)) = (&s.first_event, &s.last_event) {
        let _ = writeln!(out, "from {a} to {b}");
    }
    for r in s.rejected.iter().chain(&s.warnings) {
        row_issue(&mut out, r);
    }
    let _ = writeln!(out, "\nactivities (events, cases, start, end, drop-off):");
    for a in &s.activities {
        let _ = writeln!(
            out,
            "  {:<30} {:>9} {:>9} {:>9} {:>9} {:>9}",
            a.activity, a.events, a.cases, a.start, a.end, a.drop_off
        );
    }
    let _ = writeln!(out, "\ntransitions (count, probability):");
    for t in &s.transitions {
        let to = t.to.as_deref().unwrap_or("(end)");
        let _ = writeln!(
            out,
            "  {} -> {}: {} ({:.1}%)",
            t.from,
            to,
            t.count,
            100.0 * t.probability
        );
    }
    let _ = writeln!(out, "\n{} variants; most frequent:", s.variant_count);
    for v in &s.variants {
        let _ = writeln!(
            out,
            "  {:>7} ({:.1}%) {}",
            v.cases,
            100.0 * v.share,
            v.activities.join(" > ")
        );
    }
    stats_metrics_and_personas(&mut out, s);
    out
}

/// A rejected row or a warning of the statistics.
fn row_issue(out: &mut String, r: &RowIssue) {
    let _ = writeln!(
        out,
        "  row {}: {}[{}]: {}",
        r.row,
        if r.code == "JM300" {
            "rejected"
        } else {
            "warning"
        },
        r.code,
        r.reason
    );
}

/// The survey answers and personas sections of the statistics, when the log has them.
fn stats_metrics_and_personas(out: &mut String, s: &Stats) {
    if !s.metrics.is_empty() {
        let _ = writeln!(out, "\nsurvey answers:");
        for m in &s.metrics {
            let extra = match (m.top2box, m.nps) {
                (Some(t), _) => format!(", top-2-box {t:.1}%"),
                (_, Some(n)) => format!(", NPS {n:+.1}"),
                _ => String::new(),
            };
            let _ = writeln!(
                out,
                "  {} {}: mean {:.2} (n = {}){extra}",
                m.activity,
                m.metric.as_str(),
                m.mean,
                m.n
            );
        }
    }
    if !s.personas.is_empty() {
        let _ = writeln!(out, "\npersonas:");
        for p in &s.personas {
            let _ = writeln!(
                out,
                "  {}: {} cases ({:.1}%)",
                p.persona.as_deref().unwrap_or("(none)"),
                p.cases,
                100.0 * p.share
            );
        }
    }
}

/// A discovery: cases, events, rows rejected (of a log of `events` events), the observed
/// conversion, the cases per outcome, the diagnostics and the ten largest removal effects.
pub fn text_discovery(summary: &DiscoverySummary<'_>, events: usize) -> String {
    let r = summary.report;
    let mut t = format!(
        "{} cases ({} in the map), {} events, {} rows rejected\nobserved conversion {:.1}%\n",
        r.cases,
        r.cases_in_map,
        events,
        summary.rejected,
        100.0 * summary.conversion
    );
    for o in &r.outcomes {
        let _ = writeln!(t, "  {}: {} cases", o.outcome, o.cases);
    }
    for d in &r.diagnostics {
        let _ = writeln!(t, "{d}");
    }
    t.push_str("removal effect (share of conversions lost without the touchpoint):\n");
    for (tp, e) in summary.removal_effects.iter().take(10) {
        let _ = writeln!(t, "  {tp}: {:.1}%", 100.0 * e.unwrap_or(0.0));
    }
    t
}

/// A calibration: what was calibrated and added, what was not observed, the diagnostics and the
/// mapping rows left out (each prefixed with `mapping_file`, the mapping's file name).
pub fn text_calibration(r: &CalibrationReport, mapping_file: &str) -> String {
    let mut t = format!(
        "calibrated {} touchpoints from {} cases ({} with a mapped touchpoint); {} transitions and {} entries added\n",
        r.calibrated.len(),
        r.cases,
        r.cases_used,
        r.added_transitions,
        r.added_entries
    );
    if !r.not_observed.is_empty() {
        let _ = writeln!(
            t,
            "not observed (left as designed): {}",
            r.not_observed.join(", ")
        );
    }
    for d in &r.diagnostics {
        let _ = writeln!(t, "{d}");
    }
    for i in &r.mapping_issues {
        let _ = writeln!(t, "{mapping_file}:{}: {}", i.row, i.to_diagnostic());
    }
    t
}

/// Conformance: cases, fitness, deviations by kind, the touchpoints, the most common deviating
/// variants and the diagnostics.
pub fn text_conformance(r: &ConformanceReport) -> String {
    let mut t = String::new();
    let _ = writeln!(
        t,
        "{} cases, {} conforming ({:.1}%); fitness {:.3} (mean per case {:.3}); {} ad-hoc steps",
        r.cases,
        r.conforming_cases,
        if r.cases > 0 {
            100.0 * r.conforming_cases as f64 / r.cases as f64
        } else {
            0.0
        },
        r.fitness,
        r.mean_case_fitness,
        r.ad_hoc_steps
    );
    let kinds: Vec<String> = r
        .deviations
        .iter()
        .map(|(k, n)| format!("{}: {n}", k.as_str()))
        .collect();
    let _ = writeln!(
        t,
        "deviations: {}",
        if kinds.is_empty() {
            "none".to_owned()
        } else {
            kinds.join(", ")
        }
    );
    let _ = writeln!(
        t,
        "\ntouchpoints (cases, completed, missing, failing, deviating arrivals):"
    );
    for x in &r.touchpoints {
        let _ = writeln!(
            t,
            "  {:<28} {:>8} {:>8} {:>8} {:>8} {:>8} ({:.1}% missing, {:.1}% failing, {:.1}% deviating)",
            x.touchpoint,
            x.cases,
            x.completed,
            x.missing,
            x.failing,
            x.deviating_arrivals,
            100.0 * x.missing_rate,
            100.0 * x.failing_rate,
            100.0 * x.deviation_rate
        );
    }
    if !r.variants.is_empty() {
        let _ = writeln!(t, "\nmost common deviating variants:");
        for v in &r.variants {
            let _ = writeln!(
                t,
                "  {:>7} cases, fitness {:.3}: {}",
                v.cases,
                v.fitness,
                v.steps.join(" > ")
            );
        }
    }
    for d in &r.diagnostics {
        let _ = writeln!(t, "{d}");
    }
    t
}
