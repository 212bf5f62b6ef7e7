//! Ids and channel kinds of a discovered map, from the names in the log.

use std::collections::BTreeSet;

use crate::model::ChannelKind;

/// A valid id from a name: white space becomes `_`, at most 200 characters, unique among `used`
/// (a `~2`, `~3`, ... suffix otherwise).
pub(super) fn slug(name: &str, used: &mut BTreeSet<String>) -> String {
    let mut base: String = name
        .trim()
        .chars()
        .map(|c| if c.is_whitespace() { '_' } else { c })
        .take(200)
        .collect();
    if base.is_empty() {
        base = "_".to_owned();
    }
    let mut id = base.clone();
    let mut k = 2;
    while used.contains(&id) {
        id = format!("{base}~{k}");
        k += 1;
    }
    used.insert(id.clone());
    id
}

/// A channel kind guessed from its name.
pub(super) fn channel_kind(name: &str) -> ChannelKind {
    let n = name.to_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| n.contains(w));
    if has(&[
        "email", "e-mail", "web", "site", "app", "mobile", "online", "chat", "sms", "social",
        "push", "digital", "portal",
    ]) {
        ChannelKind::Digital
    } else if has(&[
        "phone",
        "call",
        "agent",
        "advisor",
        "adviser",
        "rep",
        "human",
        "face",
        "visit",
        "installer",
    ]) {
        ChannelKind::Human
    } else if has(&[
        "store", "shop", "branch", "agency", "kiosk", "atm", "office", "counter",
    ]) {
        ChannelKind::Physical
    } else if has(&["mail", "letter", "post", "print", "leaflet", "paper"]) {
        ChannelKind::Print
    } else {
        ChannelKind::Other
    }
}
