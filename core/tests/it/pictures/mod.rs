//! Pictures as a reader sees them: parsed by usvg, rendered to PNG by resvg with the system's
//! fonts (DejaVu Sans on Debian: fonts-dejavu-core), checked for blank output and overlapping
//! text. PNGs are written to target/pictures/ for a person to look at.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use resvg::tiny_skia;
use resvg::usvg;

fn fonts() -> Arc<usvg::fontdb::Database> {
    static DB: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = usvg::fontdb::Database::new();
        db.load_system_fonts();
        assert!(
            db.faces().next().is_some(),
            "no system font found: install fonts-dejavu-core"
        );
        Arc::new(db)
    })
    .clone()
}

/// The picture parsed by usvg (panics with the parser's message when it is not valid SVG).
pub fn parse(svg: &str) -> usvg::Tree {
    let options = usvg::Options {
        fontdb: fonts(),
        ..usvg::Options::default()
    };
    usvg::Tree::from_str(svg, &options).unwrap_or_else(|e| panic!("not valid SVG: {e}"))
}

/// Where PNGs for people go.
pub fn out_dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/pictures");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Renders the picture to PNG (written to target/pictures/<name>.png); returns the share of
/// pixels that are not white.
pub fn render_png(tree: &usvg::Tree, name: &str) -> f64 {
    let size = tree.size().to_int_size();
    let scale = if size.width() > 2400 {
        2400.0 / size.width() as f32
    } else {
        1.0
    };
    let (w, h) = (
        ((size.width() as f32) * scale).ceil() as u32,
        ((size.height() as f32) * scale).ceil() as u32,
    );
    let mut pixmap = tiny_skia::Pixmap::new(w.max(1), h.max(1)).unwrap();
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(
        tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    pixmap
        .save_png(out_dir().join(format!("{name}.png")))
        .unwrap();
    let inked = pixmap
        .pixels()
        .iter()
        .filter(|p| p.red() < 245 || p.green() < 245 || p.blue() < 245)
        .count();
    inked as f64 / pixmap.pixels().len() as f64
}

/// Every text node: its string and its bounding box on the canvas.
pub fn texts(tree: &usvg::Tree) -> Vec<(String, usvg::Rect)> {
    fn walk(group: &usvg::Group, out: &mut Vec<(String, usvg::Rect)>) {
        for node in group.children() {
            match node {
                usvg::Node::Group(g) => walk(g, out),
                usvg::Node::Text(t) => {
                    let s: String = t.chunks().iter().map(|c| c.text()).collect();
                    out.push((s, t.abs_bounding_box()));
                }
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    walk(tree.root(), &mut out);
    out
}

/// Pairs of text nodes whose boxes overlap by more than a sliver (1.5 px each way).
pub fn overlapping_texts(tree: &usvg::Tree) -> Vec<(String, String)> {
    let texts = texts(tree);
    let mut out = Vec::new();
    for i in 0..texts.len() {
        for j in i + 1..texts.len() {
            let (a, b) = (&texts[i].1, &texts[j].1);
            let dx = a.right().min(b.right()) - a.left().max(b.left());
            let dy = a.bottom().min(b.bottom()) - a.top().max(b.top());
            if dx > 1.5 && dy > 1.5 {
                out.push((texts[i].0.clone(), texts[j].0.clone()));
            }
        }
    }
    out
}
