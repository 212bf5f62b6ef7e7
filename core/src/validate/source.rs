//! Reading input files within the size limit.

use std::path::Path;

/// What [`read_bounded`] found.
#[derive(Debug)]
pub(crate) enum Bounded {
    /// The whole file, at most `max_bytes` long.
    Bytes(Vec<u8>),
    /// The file is larger than `max_bytes`: its size from the metadata, or `None` when that gave
    /// no size (pipes, special files) and the excess was found while reading.
    TooLarge(Option<u64>),
}

/// Reads a file, refusing one larger than `max_bytes` from its metadata before reading, and
/// never reading more than `max_bytes + 1` bytes (for files whose metadata gives no size).
pub(crate) fn read_bounded(path: &Path, max_bytes: usize) -> std::io::Result<Bounded> {
    use std::io::Read;
    let file = std::fs::File::open(path)?;
    let metadata = file.metadata()?;
    if metadata.is_dir() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::IsADirectory,
            "is a directory",
        ));
    }
    let max = u64::try_from(max_bytes).unwrap_or(u64::MAX);
    if metadata.len() > max {
        return Ok(Bounded::TooLarge(Some(metadata.len())));
    }
    let capacity = usize::try_from(metadata.len()).unwrap_or(0);
    let mut bytes = Vec::with_capacity(capacity);
    file.take(max.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() > max_bytes {
        return Ok(Bounded::TooLarge(None));
    }
    Ok(Bounded::Bytes(bytes))
}
