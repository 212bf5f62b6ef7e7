//! The journey map: header, stages as columns, then the lanes top to bottom (customer actions,
//! touchpoints, emotion, pains and gains, opportunities), the moments of truth and the legend.

use std::fmt::Write;

use super::frame::{Kpi, Legend, MARGIN, Mark, header, legends, pct, state_name, value};
use super::journey_curve::{EXPECTED, emotion};
use super::journey_lanes::{
    Ctx, actions, moments_list, opportunities, pains_and_gains, touchpoints,
};
use super::layout::{GUTTER, grid};
use super::svg::{Label, line, open, rect};
use super::text::Font;
use super::theme::{
    BAD, Channels, FAINT, GOOD, INK, MOMENT, MUTED, NAVY, RULE, Shape, persona_colour, polygon,
};
use super::{Drawn, Options};
use crate::model::{JourneyMap, MapIndex, Scale};
use crate::score::Scores;

/// A normalized emotion (-1..1) on the declared scale, as written in the header.
fn on_scale(scale: &Scale, normalized: f64) -> String {
    let raw = scale.min + (normalized + 1.0) / 2.0 * (scale.max - scale.min);
    let text = super::frame::emotion_label(scale, raw);
    if scale.min < 0.0 {
        text
    } else {
        format!("{text} / {}", value(scale.max))
    }
}

fn subtitle(map: &JourneyMap, drawn: &[Drawn<'_>], overlay: bool) -> String {
    let state = state_name(map);
    match (overlay, drawn) {
        (_, []) => format!("{state} \u{b7} no persona has a journey to score"),
        (true, _) => format!("{state} \u{b7} {} personas, curves overlaid", drawn.len()),
        (false, [d, ..]) => {
            let share = d
                .persona
                .share
                .map(|s| format!(" \u{b7} {} of customers", pct(s)))
                .unwrap_or_default();
            format!("{state} \u{b7} {}{share}", d.persona.name)
        }
    }
}

fn kpis(map: &JourneyMap, scores: &Scores, drawn: &[Drawn<'_>], overlay: bool) -> Vec<Kpi> {
    let scale = map.scales.emotion();
    let (conversion, health, remembered) = match (overlay, drawn.first()) {
        (false, Some(d)) => (
            d.scores.conversion.success_probability,
            d.scores.health.index,
            d.scores
                .emotion
                .summary
                .as_ref()
                .map(|s| s.peak_end.normalized),
        ),
        _ => (
            scores.overall.success_probability,
            scores.overall.health.index,
            scores.overall.peak_end,
        ),
    };
    let mut out = vec![
        Kpi {
            label: "CONVERSION",
            value: pct(conversion),
        },
        Kpi {
            label: "HEALTH INDEX",
            value: format!("{health:.0}/100"),
        },
    ];
    if let Some(r) = remembered {
        out.push(Kpi {
            label: "REMEMBERED",
            value: on_scale(&scale, r),
        });
    }
    out
}

/// The stage band: numbered chevrons with the customer goal and the first KPI below.
fn stage_band(ctx: &Ctx<'_>, y: f64) -> (String, f64) {
    let mut out = String::new();
    let mut tallest: f64 = 0.0;
    for (k, b) in ctx.grid.stages.iter().enumerate() {
        let (x, w) = (b.x + 3.0, b.width - 6.0);
        let notch = if k == 0 { 0.0 } else { 12.0 };
        let name = format!("{}. {}", k + 1, b.stage.name);
        let label = Label::new(&name, Font::bold(13.0), w - notch - 30.0)
            .lines(2)
            .fill("#ffffff");
        let h = if label.height() > Font::bold(13.0).line() {
            46.0
        } else {
            34.0
        };
        polygon(
            &mut out,
            &[
                (x, y),
                (x + w - 12.0, y),
                (x + w + 2.0, y + h / 2.0),
                (x + w - 12.0, y + h),
                (x, y + h),
                (x + notch, y + h / 2.0),
            ],
            format_args!("fill=\"{NAVY}\""),
        );
        label.draw(
            &mut out,
            x + notch + 10.0,
            y + h / 2.0 + 5.0 - (h - 34.0) / 2.0,
        );
        let mut at = y + h + 18.0;
        if let Some(goal) = b
            .stage
            .customer_goal
            .as_deref()
            .filter(|g| !g.trim().is_empty())
        {
            let text = format!("Goal: {goal}");
            at += Label::new(&text, Font::regular(11.5), w - 12.0)
                .lines(2)
                .fill(MUTED)
                .italic()
                .draw(&mut out, x + 6.0, at);
        }
        if let Some(kpi) = b.stage.kpis.first() {
            let unit = kpi.unit.as_deref().unwrap_or("");
            let mut text = kpi.name.clone();
            if let Some(a) = kpi.actual {
                let _ = write!(text, " {}{unit}", value(a));
            }
            if let Some(t) = kpi.target {
                let _ = write!(text, " (target {}{unit})", value(t));
            }
            at += Label::new(&text, Font::regular(10.5), w - 12.0)
                .fill(FAINT)
                .draw(&mut out, x + 6.0, at);
        }
        tallest = tallest.max(at - y - 10.0);
    }
    (out, tallest.max(40.0) + 6.0)
}

/// The sentence that says which path the curve follows.
fn path_statement(ctx: &Ctx<'_>) -> String {
    let secondary = ctx.grid.slots.iter().any(|s| !s.on_path);
    let off = if secondary {
        " Touchpoints in dashed grey cards are off that path."
    } else {
        ""
    };
    match (ctx.overlay, ctx.drawn.first()) {
        (_, None) => {
            "No persona has a journey to score: every touchpoint is shown in its stage.".to_owned()
        }
        (true, _) => format!(
            "Each curve follows its persona's most likely successful journey (the path the scores use).{off}"
        ),
        (false, Some(d)) => {
            let names: Vec<&str> = d
                .scores
                .conversion
                .most_likely_path
                .iter()
                .map(|id| {
                    ctx.index
                        .touchpoint(id)
                        .map_or(id.as_str(), |t| t.name.as_str())
                })
                .collect();
            format!(
                "The curve follows the most likely successful journey of {} ({} of journeys): {}.{off}",
                d.persona.name,
                pct(d.scores.conversion.most_likely_probability),
                names.join(" \u{2192} ")
            )
        }
    }
}

#[allow(
    clippy::too_many_lines,
    reason = "one legend entry after another, each a few lines; splitting them apart would not make them clearer"
)]
fn legend_groups(ctx: &Ctx<'_>) -> Vec<Legend> {
    let used: Vec<&str> = ctx
        .grid
        .slots
        .iter()
        .map(|s| ctx.map.touchpoints[s.tp].channel.as_str())
        .collect();
    let channels = Legend {
        heading: "CHANNELS",
        items: ctx
            .channels
            .used(&used)
            .into_iter()
            .map(|c| (Mark::Shape(c.shape, c.colour), c.name.clone()))
            .collect(),
    };
    let mut emotion = Vec::new();
    if ctx.overlay {
        for d in ctx.drawn {
            let share = d
                .persona
                .share
                .map(|s| format!(" ({})", pct(s)))
                .unwrap_or_default();
            let remembered = d
                .scores
                .emotion
                .summary
                .as_ref()
                .map(|s| {
                    format!(
                        " \u{b7} remembered {}",
                        on_scale(&ctx.map.scales.emotion(), s.peak_end.normalized)
                    )
                })
                .unwrap_or_default();
            let shape = Shape::persona(d.colour);
            let colour = persona_colour(d.colour);
            let mut mark = String::new();
            line(
                &mut mark,
                0.0,
                0.0,
                22.0,
                0.0,
                format_args!("stroke=\"{colour}\" stroke-width=\"3\""),
            );
            shape.draw(
                &mut mark,
                11.0,
                0.0,
                5.0,
                format_args!("fill=\"{colour}\" stroke=\"#ffffff\" stroke-width=\"1.2\""),
            );
            emotion.push((
                Mark::Raw(mark),
                format!("{}{share}{remembered}", d.persona.name),
            ));
        }
    } else if let Some(d) = ctx.drawn.first() {
        emotion.push((
            Mark::Line(persona_colour(d.colour), 3.5, ""),
            "perceived emotion".to_owned(),
        ));
        emotion.push((
            Mark::Line(EXPECTED, 2.0, "7 5"),
            "expected emotion".to_owned(),
        ));
        emotion.push((
            Mark::Line(INK, 1.2, "1.5 3"),
            "remembered (peak-end rule)".to_owned(),
        ));
        emotion.push((Mark::Shape(Shape::Circle, GOOD), "above neutral".to_owned()));
        emotion.push((Mark::Shape(Shape::Circle, BAD), "below neutral".to_owned()));
    }
    if !emotion.is_empty() {
        emotion.push((Mark::Line(FAINT, 1.2, "5 4"), "neutral".to_owned()));
    }
    let mut marks = vec![(
        Mark::Badge(MOMENT),
        "moment of truth, numbered by priority".to_owned(),
    )];
    if ctx.grid.slots.iter().any(|s| !s.on_path) {
        marks.push((
            Mark::Swatch("#f6f7f9", "#aab4bf", true),
            "off the most likely path".to_owned(),
        ));
    }
    let notes = ctx.grid.slots.iter().any(|s| {
        let t = &ctx.map.touchpoints[s.tp];
        !t.pains.is_empty() || !t.gains.is_empty()
    });
    if notes {
        let mut pain = String::new();
        polygon(
            &mut pain,
            &[(5.0, -4.0), (15.0, -4.0), (10.0, 4.5)],
            format_args!("fill=\"{BAD}\""),
        );
        marks.push((Mark::Raw(pain), "pain".to_owned()));
        let mut gain = String::new();
        polygon(
            &mut gain,
            &[(5.0, 4.0), (15.0, 4.0), (10.0, -4.5)],
            format_args!("fill=\"{GOOD}\""),
        );
        marks.push((
            Mark::Raw(gain),
            "gain (dots: severity, 1 low to 4 critical)".to_owned(),
        ));
    }
    vec![
        channels,
        Legend {
            heading: if ctx.overlay { "PERSONAS" } else { "EMOTION" },
            items: emotion,
        },
        Legend {
            heading: "MARKS",
            items: marks,
        },
    ]
}

/// The text alternative of the picture.
fn description(ctx: &Ctx<'_>, subtitle: &str) -> String {
    let mut d = format!(
        "Journey map of {} ({subtitle}): {} stages, {} touchpoints.",
        ctx.map.title,
        ctx.grid.stages.len(),
        ctx.grid.slots.len()
    );
    if let Some(s) = ctx
        .drawn
        .first()
        .filter(|_| !ctx.overlay)
        .and_then(|p| p.scores.emotion.summary.as_ref())
    {
        let _ = write!(
            d,
            " Emotion: peak {}, end {}, remembered {} on a scale of {} to {}.",
            value(s.peak.raw),
            value(s.end.raw),
            value(s.peak_end.raw),
            value(ctx.map.scales.emotion().min),
            value(ctx.map.scales.emotion().max)
        );
    }
    let names: Vec<String> = ctx
        .moments(3)
        .iter()
        .map(|m| {
            let name = ctx
                .index
                .touchpoint(&m.touchpoint)
                .map_or(m.touchpoint.as_str(), |t| t.name.as_str());
            format!("{}. {name}", m.rank)
        })
        .collect();
    if !names.is_empty() {
        let _ = write!(d, " Moments of truth by priority: {}.", names.join("; "));
    }
    let _ = write!(d, " {}", path_statement(ctx));
    d
}

/// Draws the journey map of `drawn` (one persona, or several with `overlay`).
#[allow(
    clippy::too_many_lines,
    reason = "the picture top to bottom, lane after lane, each using the height of the one above"
)]
pub(crate) fn draw(
    map: &JourneyMap,
    index: &MapIndex<'_>,
    scores: &Scores,
    drawn: &[Drawn<'_>],
    overlay: bool,
    options: &Options,
) -> String {
    let grid = grid(map, index, drawn);
    let mut ctx = Ctx {
        map,
        index,
        scores,
        drawn,
        overlay,
        grid,
        channels: Channels::of(map),
        badges: Vec::new(),
    };
    ctx.badges = ctx
        .moments(options.moments)
        .iter()
        .filter_map(|m| Some((ctx.index.touchpoint_position(&m.touchpoint)?, m.rank)))
        .collect();
    let width = ctx.grid.width;
    let sub = subtitle(map, drawn, overlay);
    let mut body = String::new();
    let mut y = header(
        &mut body,
        width,
        &map.title,
        &sub,
        map.description.as_deref(),
        &kpis(map, scores, drawn, overlay),
    );
    let band_top = y;
    let (band, h) = stage_band(&ctx, y);
    y += h;
    let mut lanes = String::new();
    type LaneFn = fn(&Ctx<'_>, f64) -> Option<(String, f64)>;
    let named: [(&str, LaneFn); 5] = [
        ("CUSTOMER DOES", actions),
        ("TOUCHPOINTS", touchpoints),
        ("EMOTION", emotion),
        ("PAINS & GAINS", pains_and_gains),
        ("OPPORTUNITIES", opportunities),
    ];
    for (name, lane) in named {
        let Some((svg, h)) = lane(&ctx, y) else {
            continue;
        };
        line(
            &mut lanes,
            MARGIN,
            y,
            width - MARGIN,
            y,
            format_args!("stroke=\"{RULE}\" stroke-width=\"1\""),
        );
        Label::new(name, Font::bold(10.5), GUTTER - MARGIN - 12.0)
            .lines(2)
            .fill(MUTED)
            .draw(&mut lanes, MARGIN, y + 22.0);
        lanes.push_str(&svg);
        y += h;
    }
    let stripes_bottom = y;
    line(
        &mut lanes,
        MARGIN,
        y,
        width - MARGIN,
        y,
        format_args!("stroke=\"{RULE}\" stroke-width=\"1\""),
    );
    y += 8.0;
    if let Some((svg, h)) = moments_list(&ctx, y + 14.0, options.moments) {
        Label::new("MOMENTS OF TRUTH", Font::bold(10.5), GUTTER - MARGIN - 12.0)
            .lines(2)
            .fill(MUTED)
            .draw(&mut lanes, MARGIN, y + 36.0);
        lanes.push_str(&svg);
        y += h + 14.0;
    }
    y += 10.0;
    y += Label::new(
        &path_statement(&ctx),
        Font::regular(11.5),
        width - 2.0 * MARGIN,
    )
    .lines(3)
    .fill(MUTED)
    .draw(&mut lanes, MARGIN, y + 12.0);
    y += 14.0;
    y += legends(
        &mut lanes,
        &legend_groups(&ctx),
        MARGIN,
        y + 8.0,
        width - 2.0 * MARGIN,
    );
    y += MARGIN;

    let mut out = String::with_capacity(body.len() + lanes.len() + band.len() + 4096);
    let title = format!("{} \u{2014} journey map", map.title);
    open(
        &mut out,
        width,
        y,
        &options.id,
        &title,
        &description(&ctx, &sub),
    );
    for (k, b) in ctx.grid.stages.iter().enumerate() {
        if k % 2 == 1 {
            rect(
                &mut out,
                b.x,
                band_top,
                b.width,
                stripes_bottom - band_top,
                0.0,
                "fill=\"#f5f7fa\"",
            );
        }
    }
    out.push_str(&body);
    out.push_str(&band);
    out.push_str(&lanes);
    out.push_str("</svg>\n");
    out
}
