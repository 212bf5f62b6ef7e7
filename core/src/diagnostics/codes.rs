//! The one catalogue of diagnostic codes. Codes are stable: a code never changes meaning, and a
//! retired code is never reused. Severity and title come from here, never from the call site.
//! docs/diagnostics.md is generated from this table (`scripts/codegen.sh`).
//!
//! Ranges: JM001–JM019 input and structure, JM020–JM099 semantic rules of the map (JM054–JM069
//! for opportunity effects), JM100–JM199 scoring, JM200–JM299 interchange formats (Mermaid
//! JM200–JM229, CSV JM230–JM259), JM300–JM399 event logs, JM400–JM499 pictures and reports.

use super::{Code, CodeInfo, Severity};

macro_rules! catalogue {
    ($($name:ident = $code:literal, $severity:ident, $title:literal, $explanation:literal;)*) => {
        $(
            #[doc = concat!("`", $code, "` ", $title)]
            pub const $name: Code = Code(&CodeInfo {
                id: $code,
                severity: Severity::$severity,
                title: $title,
                explanation: $explanation,
            });
        )*
        /// Every code, in code order.
        pub const ALL: &[Code] = &[$($name,)*];
    };
}

catalogue! {
    // JM001–JM099: validation of a map (input, structure, semantic rules).

    INPUT_TOO_LARGE = "JM001", Error, "Input too large",
        "The input is larger than `Limits::max_bytes` (64 MiB by default). Nothing else is checked.";
    NOT_UTF8 = "JM002", Error, "Input is not UTF-8",
        "JSON and Mermaid text must be UTF-8 (CSV cells are checked one by one, JM231). The position of the first invalid byte is reported. In an object built in Python or JavaScript, a string or key holding a lone surrogate is reported at its path.";
    TOO_DEEP = "JM003", Error, "Nesting too deep",
        "Arrays and objects are nested deeper than `Limits::max_depth` (64 by default). A journey map needs about 6 levels. A circular structure (an object built in Python or JavaScript that contains itself) is reported the same way, once, at the pointer where the limit is hit; nothing else is checked.";
    INVALID_JSON = "JM004", Error, "Invalid JSON",
        "The text is not JSON: empty input, a syntax error, or a truncated document. The line and column of the error are reported.";
    DUPLICATE_KEY = "JM005", Error, "Duplicate object key",
        "An object has the same key twice. JSON readers disagree on which value wins, so journeymap refuses to guess.";
    NUMBER_OUT_OF_RANGE = "JM006", Error, "Number out of range",
        "A number cannot be represented as a 64-bit float (for example `1e400`, or an integer as large in a Python object or a JavaScript `BigInt`).";
    TOO_MANY_NODES = "JM007", Error, "Too many nodes",
        "The map has more touchpoints and outcomes than `Limits::max_nodes` (10,000 by default). Nothing else is checked.";
    TOO_MANY_EDGES = "JM008", Error, "Too many transitions",
        "The map has more transitions than `Limits::max_edges` (100,000 by default). Nothing else is checked.";
    IO_ERROR = "JM009", Error, "File cannot be read",
        "The file could not be read (missing, permissions, a directory). Reported by `validate::validate_path`, `io::from_path` and `journeymap validate`, which exits 2 for it.";
    NOT_AN_OBJECT = "JM010", Error, "Document is not an object",
        "A journey map is a JSON object; the document is an array, a string, a number, a boolean or null.";
    WRONG_TYPE = "JM011", Error, "Wrong type",
        "A value has the wrong JSON type (for example a string where a number is expected). In an object built in Python or JavaScript, also a value of a type JSON does not have (a `set`, a function, a `Date`) or a key that is not a string; the message names the type.";
    MISSING_FIELD = "JM012", Error, "Missing required field",
        "A required field is absent (for example a touchpoint without `stage`).";
    UNKNOWN_FIELD = "JM013", Error, "Unknown field",
        "An object has a field the format does not define. Put tool-specific data in a key starting with `x-` or in the map's `extensions` object.";
    NOT_ALLOWED = "JM014", Error, "Value not allowed",
        "A value is not one of the allowed words (for example `state` must be `as_is`, `to_be` or `actual`).";
    OUT_OF_RANGE = "JM015", Error, "Value out of range",
        "A number is outside its fixed range (probabilities, shares and rates are 0..1; counts, durations and volumes are >= 0).";
    INVALID_STRING = "JM016", Error, "Invalid string",
        "A string does not have the required form (ids are 1 to 256 characters without white space).";
    SCHEMA_VIOLATION = "JM017", Error, "Schema violation",
        "Any other violation of the published schema. Reserved: every keyword the current schema uses has a specific code (JM010–JM016), so today it fires only if the built-in schema cannot be compiled, a defect of the build.";
    CANNOT_DESERIALIZE = "JM018", Error, "Cannot read the map",
        "The document passed the schema but could not be turned into a map. Please report it: the schema and the model disagree. Reserved: the schema is generated from the model types and a property test checks that every document it accepts can be read, so no input is known to reach it. The path is a JSON pointer to the value that could not be read.";
    CANNOT_SERIALIZE = "JM019", Error, "Cannot write the map",
        "The map could not be written as JSON. Reserved: every value of a map has a JSON form (non-finite numbers are written as null) and every key is a string, so writing a map cannot fail today; the code stays for writers that can.";
    UNSUPPORTED_VERSION = "JM020", Error, "Unsupported format version",
        "`format_version` is not a 1.x version. This library reads format 1.0.";
    NEWER_MINOR_VERSION = "JM021", Warning, "Newer format version",
        "`format_version` is a later 1.x version; fields it adds may be reported as unknown.";
    DUPLICATE_ID = "JM022", Error, "Duplicate id",
        "Two objects of the same kind share an id. Touchpoints and outcomes share one namespace; so do pains and gains.";
    UNKNOWN_STAGE = "JM023", Error, "Unknown stage",
        "A touchpoint's `stage` names no stage of the map.";
    UNKNOWN_CHANNEL = "JM024", Error, "Unknown channel",
        "A touchpoint's `channel` or a persona's `preferred_channels` names no channel of the map.";
    UNKNOWN_PERSONA = "JM025", Error, "Unknown persona",
        "A `personas` list or a `persona_measures` key names no persona of the map.";
    UNKNOWN_TOUCHPOINT = "JM026", Error, "Unknown touchpoint",
        "A transition's `from`, an entry's `touchpoint` or an opportunity's `touchpoints` names no touchpoint.";
    UNKNOWN_TARGET = "JM027", Error, "Unknown transition target",
        "A transition's `to` names neither a touchpoint nor an outcome.";
    UNKNOWN_PAIN = "JM028", Error, "Unknown pain",
        "An opportunity's `pains` names no pain id of the map.";
    INVALID_SCALE = "JM029", Error, "Invalid scale",
        "A scale declaration has `min >= max` or a bound that is not a finite number.";
    OUTSIDE_SCALE = "JM030", Error, "Value outside its scale",
        "A measure lies outside the scale the map declares for it (emotion, effort, importance, satisfaction).";
    NON_FINITE = "JM031", Error, "Not a finite number",
        "A number is NaN or infinite: possible in maps built in code and in Python or JavaScript objects (maps and scoring settings), not in JSON text. Each one is reported at its own path.";
    PROBABILITIES_OVER_ONE = "JM032", Error, "Probabilities sum over 1",
        "For some persona, the probabilities of the moves out of a touchpoint plus its `drop_off` add up to more than 1.";
    ENTRY_PROBABILITIES_OVER_ONE = "JM033", Error, "Entry probabilities sum over 1",
        "For some persona, the probabilities of its entries add up to more than 1.";
    PERSONA_WITHOUT_ENTRY = "JM034", Warning, "Persona without entry",
        "No entry applies to the persona, so its journey has no start and it cannot be scored.";
    UNREACHABLE_TOUCHPOINT = "JM035", Warning, "Unreachable touchpoint",
        "A touchpoint that applies to a persona cannot be reached from the persona's entries.";
    DEAD_END = "JM036", Warning, "Dead end",
        "A touchpoint has no way out for some persona and no `drop_off`: the journey stops there without an outcome.";
    NO_PATH_TO_SUCCESS = "JM037", Warning, "No path to success",
        "From the persona's entries no success outcome can be reached.";
    NO_SUCCESS_OUTCOME = "JM038", Warning, "No success outcome",
        "The map declares no outcome of kind `success`, so conversion cannot be computed.";
    CLOSED_LOOP = "JM039", Error, "Closed loop with no exit",
        "A group of touchpoints lead only to each other for some persona: once inside, the customer can never leave (probability is trapped).";
    BACKSTAGE_IN_CUSTOMER_VIEW = "JM040", Warning, "Backstage touchpoint in a customer-facing map",
        "A customer-facing map shows only what the customer perceives; backstage steps belong in a map with `view: service_blueprint`.";
    SHARES_OVER_ONE = "JM041", Error, "Persona shares sum over 1",
        "The personas' `share`s of the customer base add up to more than 1.";
    EMPTY_STAGE = "JM042", Warning, "Empty stage",
        "A stage has no touchpoint.";
    TRANSITION_FROM_OUTCOME = "JM043", Error, "Transition out of an outcome",
        "A transition's `from` is an outcome. Outcomes are terminal: nothing leaves them.";
    UNKNOWN_FIELD_IN_MAP = "JM044", Error, "Unknown field in a typed map",
        "A map built in code carries an extra field whose key does not start with `x-`.";
    PERSONA_MISMATCH = "JM045", Warning, "Move or entry ignored for a persona",
        "A transition or entry applies to a persona for which its touchpoint does not apply, so it is ignored for that persona.";
    KIND_WITHOUT_MOMENT_OF_TRUTH = "JM046", Warning, "Moment-of-truth kind without the flag",
        "`moment_of_truth_kind` is set but `moment_of_truth` is not true.";
    MISSING_BASELINE = "JM047", Info, "No baseline map named",
        "A `to_be` or `actual` map does not name the map it derives from in `metadata.based_on`.";
    UNUSED_CHANNEL = "JM048", Info, "Unused channel",
        "No touchpoint uses the channel.";
    DUPLICATE_TRANSITION = "JM049", Warning, "Duplicate transition",
        "Two transitions have the same `from`, `to` and personas; their weights add up, which is rarely meant.";
    PROBABILITY_AND_COUNT = "JM050", Info, "Both probability and count",
        "A transition or entry gives both `probability` and `count`; the probability is used.";
    DUPLICATE_STAGE_ORDER = "JM051", Warning, "Duplicate stage order",
        "Two stages have the same `order`; their relative position falls back to array order.";
    PROBABILITY_LEAK = "JM052", Info, "Probabilities sum under 1",
        "The explicit probabilities out of a touchpoint sum to less than 1 and nothing else takes the rest: the remainder is treated as abandonment.";
    TOO_MANY_OBJECTS = "JM053", Error, "Too many personas or objects",
        "The map has more personas than `Limits::max_personas` (100 by default), or more stages, channels, entries, opportunities and opportunity effects together than `Limits::max_objects` (100,000 by default). Each persona has a journey graph of its own to check and score, so personas have the tighter limit. Nothing else is checked.";

    // JM054–JM069: opportunity effects.
    EFFECT_UNKNOWN_ID = "JM054", Error, "Effect names an unknown id",
        "An opportunity's effect names a touchpoint, move target or persona the map does not have: the `touchpoint` of a measure effect, the `from` or `to` of a changed, added or removed move, a removed touchpoint or its `redirect_to` (which must be a touchpoint, not an outcome), or an id in an effect's `personas`.";
    EFFECT_MISSING_TRANSITION = "JM055", Error, "Effect removes a move the map does not have",
        "A removed move (`effects.removed_transitions`) matches no transition of the map with the same `from`, `to` and personas (compared as a set).";
    EFFECT_OUTSIDE_SCALE = "JM056", Error, "Effect value outside its scale",
        "A new measure value in an effect lies outside the scale the map declares for it (emotion, effort, importance, satisfaction).";
    CONTRADICTORY_EFFECTS = "JM057", Error, "Effects contradict each other",
        "Two effects of one opportunity cannot both hold: they set the same measure of the same touchpoint for the same persona to different values, give the same move different weights, change and remove the same move, change a touchpoint or a move out of a touchpoint the opportunity removes, redirect a removed touchpoint to itself or to another removed touchpoint, or remove a touchpoint twice with different targets.";
    EFFECT_PROBABILITIES_OVER_ONE = "JM058", Error, "Effects make probabilities sum over 1",
        "With the opportunity's effects applied, for some persona the probabilities of the moves out of a touchpoint plus its `drop_off` add up to more than 1 (JM032 in the map the opportunity would make).";
    EMPTY_EFFECT = "JM059", Warning, "Effect changes nothing",
        "A measure effect gives no new value, or `effects` declares no effect: the opportunity's predicted impact is zero.";
    EFFECT_PERSONA_MISMATCH = "JM060", Warning, "Effect for a persona the touchpoint does not apply to",
        "A measure effect names a persona the touchpoint does not apply to, or a removed touchpoint applies to a persona its `redirect_to` does not apply to (that persona's moves into it would be lost).";
    OVERLAPPING_OPPORTUNITIES = "JM061", Info, "Opportunities change the same thing",
        "Two opportunities set the same measure of the same touchpoint, change or remove the same move, or remove the same touchpoint. When both are applied (a portfolio, a what-if), the effects of the opportunity whose id sorts later win.";

    // JM100–JM199: scoring (reported inside the scores, or as the error of a scoring call).
    PERSONA_NOT_SCORED = "JM100", Warning, "Persona not scored",
        "The persona has no entry, so it has no journey; it is left out of every score and of the aggregates.";
    NO_CONVERSION = "JM101", Warning, "No conversion possible",
        "No success outcome can be reached from the persona's entries: its conversion is 0 and removal effects are undefined (null).";
    PROBABILITIES_SCALED = "JM102", Warning, "Probabilities scaled to 1",
        "The probabilities out of a touchpoint (with its drop_off) summed over 1 (validation error JM032); scoring scaled them to sum to 1.";
    TRAPPED_PROBABILITY = "JM103", Warning, "Trapped probability counted as abandonment",
        "From some touchpoints no outcome can be reached (a closed loop or a dead end): customers there are counted as abandoning, so the chain can be solved.";
    UNKNOWN_PERSONA_REQUESTED = "JM104", Error, "Unknown persona",
        "A persona id given to a scoring call does not exist in the map.";
    NO_EMOTION_DATA = "JM105", Info, "No emotion data",
        "No touchpoint along the persona's most likely path has an emotion measure, so the emotion curve and peak-end score are empty.";
    NO_PERSONA = "JM106", Warning, "No persona",
        "The map declares no persona; journeys are scored per persona, so there is nothing to score.";
    INVALID_CONFIG = "JM107", Error, "Invalid scoring config",
        "The scoring settings given to a scoring call have an unknown field, a value of the wrong type, a negative or non-finite weight, an effort threshold outside 0..1, or opportunity settings out of order or range. The path points into the settings, not into the map.";
    OPPORTUNITY_NOT_PREDICTED = "JM108", Warning, "Opportunity not predicted",
        "The opportunity's effects have errors (JM054–JM058), so the map cannot be re-scored with them: its `predicted` impact is null, its RICE impact falls back to the declared `value`, and it is left out of portfolios.";
    INVALID_BUDGET = "JM109", Error, "Invalid budget",
        "The effort budget given to a portfolio call is negative or not a finite number.";
    UNKNOWN_OPPORTUNITY = "JM110", Error, "Unknown opportunity",
        "An opportunity id given to a what-if or prediction call does not exist in the map.";
    NOT_IN_PORTFOLIO = "JM111", Info, "Opportunity left out of the portfolio",
        "An opportunity cannot be weighed in a portfolio: it declares no effects (no predicted gain), its effects have errors, it declares no effort, or it is `done` or `rejected`.";
    EFFECT_SKIPPED = "JM112", Warning, "Effect skipped in combination",
        "When several opportunities are applied together, an effect could not be applied because another opportunity's effect removed what it names (a touchpoint or a move); in a what-if map, an effect of an opportunity that was not applied is dropped for the same reason.";

    // JM200–JM229: Mermaid `journey` import and export (reserved).
    NOT_A_JOURNEY = "JM200", Error, "Not a Mermaid journey",
        "The text is empty or does not start with the `journey` keyword (after front matter, `%%{...}%%` directives, `%%` comments and blank lines). journeymap reads Mermaid's `journey` diagrams only. Nothing else is checked.";
    MERMAID_SYNTAX = "JM201", Error, "Mermaid syntax error",
        "Something does not follow Mermaid's `journey` grammar, so Mermaid would refuse to draw the diagram: a task without `: score`, a lone `:`, a `;` outside `accTitle`/`accDescr` (write `#59;` for a semicolon), a second `journey` keyword. The position of the first unexpected character is reported and the rest of its line is skipped.";
    SCORE_NOT_A_NUMBER = "JM202", Error, "Score is not a number",
        "A task's score (`Task: SCORE: actors`) is not a decimal number. Mermaid reads it with JavaScript's `Number()` and draws nothing sensible for it. The task is kept without an emotion.";
    SCORE_OUT_OF_RANGE = "JM203", Error, "Score out of range",
        "A task's score is outside Mermaid's scale 1..5 (1 the worst, 5 the best). Mermaid does not check it and draws the face off the chart; journeymap refuses it. The task is kept without an emotion.";
    EXTRA_TASK_FIELD = "JM204", Warning, "Extra task field ignored",
        "A task has more than two `:`-separated fields after its name (`Task: 5: Ann: Bob`). Mermaid reads the score and the first actor list and ignores the rest, and so does journeymap. Separate actors with commas.";
    UNCLOSED_ACC_DESCR = "JM205", Warning, "accDescr block not closed",
        "An `accDescr {` block has no closing `}`, so it runs to the end of the text; Mermaid reads it the same way.";
    UNKNOWN_EXPORT_PERSONA = "JM206", Error, "Unknown persona to export",
        "The persona whose journey should be exported to Mermaid is not a persona of the map. `journeymap convert --persona` exits 2 for it.";

    // JM230–JM259: CSV touchpoint tables (reserved).
    NOT_A_TABLE = "JM230", Error, "Not a touchpoint table",
        "The CSV text cannot be read as a touchpoint table: it is empty, has no header row, has neither a `touchpoint` nor a `touchpoint_id` column, has no data row, or is UTF-16 (save it as UTF-8). Nothing else is checked.";
    CELL_NOT_UTF8 = "JM231", Error, "Cell is not UTF-8",
        "A cell holds bytes that are not UTF-8 (often a spreadsheet saved in a legacy code page: save it as CSV UTF-8). Its row is left out; the other rows are read.";
    INVALID_NUMBER = "JM232", Error, "Invalid number",
        "A cell that holds a number (a measure, a stage order, a probability) cannot be read as one. Decimal points are accepted everywhere, decimal commas (`0,5`) when the delimiter is `;`, and `%` in probabilities and `drop_off`. Its row is left out.";
    INVALID_CELL = "JM233", Error, "Invalid value",
        "A cell holds a word the column does not allow (a `visibility` other than frontstage or backstage, an unknown channel kind, outcome kind or note severity, a `moment_of_truth` that is neither yes, no nor a kind), or a list item that cannot be read (a move in `next` or a weight in `entry`). Its row is left out.";
    CONFLICTING_VALUES = "JM234", Error, "Conflicting values",
        "Two rows give different values for the same thing: a persona row of a touchpoint repeats one of the touchpoint's cells with another value, or two rows give one stage different orders, names or one channel different kinds. The later row is left out.";
    INVALID_HEADER = "JM235", Error, "Invalid header",
        "The header row names a column twice (after case and spacing are ignored; `X-Color` and `x-Color` are one column): the later one is ignored, its cells skipped, and the rows kept. Or a scale annotation such as `emotion [1..10]` cannot be read: the annotation is ignored.";
    UNKNOWN_COLUMN = "JM236", Info, "Unknown column kept",
        "A column the layout does not define is kept on each touchpoint (and outcome) under an `x-` key: `Region` becomes `x-Region`, `X-Color` becomes `x-Color`. A column already named `x-...` keeps its name without this note.";
    ROW_WITHOUT_TOUCHPOINT = "JM237", Error, "Row without touchpoint",
        "A row has neither a touchpoint id nor a touchpoint name (and is not an outcome row or a stage-only row). It is left out.";
    INVALID_PERSONA_ROW = "JM238", Error, "Invalid persona row",
        "A touchpoint appears on a second row that does not name exactly one persona. Later rows of a touchpoint carry one persona's own measures, entry and moves. The row is left out.";
    CELL_WITHOUT_HEADER = "JM239", Error, "Cell without header",
        "A row has a non-empty cell beyond the last column of the header. The row is left out.";
    CELL_IGNORED = "JM240", Warning, "Cell ignored",
        "A non-empty cell means nothing on its kind of row (a measure on an outcome row, an `x-` cell on a persona-only or stage-only row, for example) and is ignored.";

    // JM300–JM399: event logs.
    ROW_REJECTED = "JM300", Warning, "Event row rejected",
        "A row of an event log was left out: its case id or activity is missing or empty, its timestamp cannot be read (ISO 8601 or Unix epoch seconds or milliseconds, between 1677 and 2262), or it has the wrong number of columns. The row number and the reason are reported; every other row is kept.";
    VALUE_IGNORED = "JM301", Warning, "Survey value ignored",
        "A metric cell (emotion, CES, CSAT, NPS) of an event row is not a number, or lies outside the scale declared for it: the value is left out of the aggregates, the event itself is kept.";
    MISSING_COLUMN = "JM302", Error, "Missing column",
        "A column named in the options (case id, activity, timestamp, or an optional column that was asked for) is not in the event log's header or frame. Nothing is read.";
    CONFLICTING_PERSONA = "JM303", Warning, "Conflicting persona in a case",
        "The persona column holds different values within one case; the case keeps the value of its first event.";
    EVENT_LOG_UNREADABLE = "JM304", Error, "Event log cannot be read",
        "The event log could not be read: the file is missing or unreadable, it is not UTF-8 CSV, or it has no header row.";
    INVALID_LOG_OPTIONS = "JM305", Error, "Invalid event-log options",
        "The options of an event-log call cannot be used: a survey scale that is not finite or whose minimum is not below its maximum, an NPS scale other than 0..10, two columns for one metric, columns of a batch that differ in length, a column of a type that cannot be read, or touchpoints per channel without a channel column. Nothing is read or computed.";
    CASE_IN_TWO_PARTIALS = "JM310", Error, "Case found in two partial aggregates",
        "Partial aggregates must hold whole cases: the same case id occurs in both partials being merged, so their counts cannot be added. Partition the log by case id (every event of a case in one partition) and aggregate again.";
    INCOMPATIBLE_PARTIALS = "JM311", Error, "Partial aggregates are not compatible",
        "The partials being merged were built with different settings (metric columns and their scales, whether channels or personas were read); they cannot be added.";
    CORRUPT_PARTIAL = "JM312", Error, "Partial aggregate cannot be read",
        "The bytes are not a partial aggregate written by this version of journeymap (wrong header, truncated or corrupted).";
    OUTCOME_ACTIVITY_CONFLICT = "JM320", Error, "Activity is both success and failure",
        "The same activity is named as a success and as a failure outcome.";
    CASE_STARTS_AT_OUTCOME = "JM321", Info, "Case starts with an outcome",
        "The first event of some cases is an outcome activity: such a case has no touchpoint before its outcome, so it has no entry in the discovered map. The cases are counted and reported.";
    OUTCOME_NOT_IN_LOG = "JM322", Warning, "Outcome activity not in the log",
        "An activity named as a success or failure outcome never occurs in the event log (a typo?). The outcome is still in the discovered map, with no case reaching it.";
    UNMAPPED_ACTIVITY = "JM330", Warning, "Unmapped activity",
        "An activity of the event log has no touchpoint or outcome in the activity mapping (or, without a mapping, names none of the map). Its events are counted and reported, and left out of the observed paths (the moves around them join their neighbours).";
    UNKNOWN_MAPPING_TARGET = "JM331", Error, "Mapping names an unknown touchpoint",
        "A row of the activity mapping names a touchpoint or outcome id that the map does not have.";
    MAPPING_ROW_REJECTED = "JM332", Warning, "Mapping row rejected",
        "A row of the activity mapping CSV has an empty activity or target, the wrong number of columns, or repeats an activity already mapped (the first mapping is kept).";
    OBSERVED_MOVE_ADDED = "JM333", Info, "Observed move added to the map",
        "Calibration observed a move, or a start, that the designed map does not have; it was added (marked `x-observed: true`) so that the observed probabilities out of each touchpoint sum to 1.";

    // JM400–JM499: pictures and reports.
    INVALID_PICTURE_OPTIONS = "JM400", Error, "Invalid picture options",
        "The options of a picture or report call have an unknown field, a value of the wrong type, an unknown view (`journey` or `flow`), or both a persona and `all_personas`. The path points into the options, not into the map.";
}
