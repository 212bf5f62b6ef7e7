//! Touchpoints and what is measured or noted at them: measures (also per persona), evidence,
//! pains and gains, moments of truth, survey plans.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use serde_json::Value;

use super::{Id, XFields, schema_support, serde_support};

/// Whether the customer sees a touchpoint.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Default,
    Serialize,
    Deserialize,
    JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Visibility {
    /// Seen by the customer (the default).
    #[default]
    Frontstage,
    /// Internal process, not seen by the customer (service blueprints only).
    Backstage,
}

/// Measured or estimated values of a touchpoint, each on the map's declared scale.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[schemars(transform = schema_support::x_fields)]
pub struct Measures {
    /// Perceived emotion, on the emotion scale.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(serialize_with = "serde_support::optional_number")]
    pub emotion: Option<f64>,
    /// Emotion the customer expected, on the emotion scale (SERVQUAL expectation).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(serialize_with = "serde_support::optional_number")]
    pub expected_emotion: Option<f64>,
    /// Customer effort, on the effort scale.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(serialize_with = "serde_support::optional_number")]
    pub effort: Option<f64>,
    /// Importance to the customer, on the importance scale.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(serialize_with = "serde_support::optional_number")]
    pub importance: Option<f64>,
    /// Satisfaction, on the satisfaction scale.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(serialize_with = "serde_support::optional_number")]
    pub satisfaction: Option<f64>,
    /// Time the step takes, in the map's time unit (>= 0).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 0.0))]
    #[serde(serialize_with = "serde_support::optional_number")]
    pub duration: Option<f64>,
    /// Number of customers passing through per period (>= 0).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 0.0))]
    #[serde(serialize_with = "serde_support::optional_number")]
    pub volume: Option<f64>,
    /// Share of customers who abandon the journey at this touchpoint, 0..1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 0.0, max = 1.0))]
    #[serde(serialize_with = "serde_support::optional_number")]
    pub drop_off: Option<f64>,
    /// `x-` prefixed keys, kept as is.
    #[serde(flatten)]
    #[schemars(skip)]
    pub x: XFields,
}

impl Measures {
    /// These measures with every unset field taken from `base`.
    pub fn or(&self, base: &Measures) -> Measures {
        Measures {
            emotion: self.emotion.or(base.emotion),
            expected_emotion: self.expected_emotion.or(base.expected_emotion),
            effort: self.effort.or(base.effort),
            importance: self.importance.or(base.importance),
            satisfaction: self.satisfaction.or(base.satisfaction),
            duration: self.duration.or(base.duration),
            volume: self.volume.or(base.volume),
            drop_off: self.drop_off.or(base.drop_off),
            x: XFields::new(),
        }
    }

    /// Every numeric field with its JSON name, mutable, in declaration order.
    pub fn fields_mut(&mut self) -> [(&'static str, &mut Option<f64>); 8] {
        [
            ("emotion", &mut self.emotion),
            ("expected_emotion", &mut self.expected_emotion),
            ("effort", &mut self.effort),
            ("importance", &mut self.importance),
            ("satisfaction", &mut self.satisfaction),
            ("duration", &mut self.duration),
            ("volume", &mut self.volume),
            ("drop_off", &mut self.drop_off),
        ]
    }

    /// Whether no numeric field is set.
    pub fn is_unset(&self) -> bool {
        self.fields().iter().all(|(_, v)| v.is_none())
    }

    /// Every numeric field with its JSON name, in declaration order.
    pub fn fields(&self) -> [(&'static str, Option<f64>); 8] {
        [
            ("emotion", self.emotion),
            ("expected_emotion", self.expected_emotion),
            ("effort", self.effort),
            ("importance", self.importance),
            ("satisfaction", self.satisfaction),
            ("duration", self.duration),
            ("volume", self.volume),
            ("drop_off", self.drop_off),
        ]
    }
}

/// Per-persona overrides of a touchpoint's measures: persona id → [`Measures`], plus the keys
/// starting with `x-`, which are tool data and never persona ids.
///
/// It dereferences to the map by persona id, so `get`, `keys`, `iter` and `insert` work as on a
/// `BTreeMap`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PersonaMeasures {
    /// Overrides by persona id, sorted by id.
    pub by_persona: std::collections::BTreeMap<Id, Measures>,
    /// `x-` prefixed keys, kept as is, in the order they were given.
    pub x: XFields,
}

impl PersonaMeasures {
    /// Whether there is neither an override nor an `x-` key.
    pub fn is_empty(&self) -> bool {
        self.by_persona.is_empty() && self.x.is_empty()
    }
}

impl std::ops::Deref for PersonaMeasures {
    type Target = std::collections::BTreeMap<Id, Measures>;

    fn deref(&self) -> &Self::Target {
        &self.by_persona
    }
}

impl std::ops::DerefMut for PersonaMeasures {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.by_persona
    }
}

impl<'a> IntoIterator for &'a PersonaMeasures {
    type Item = (&'a Id, &'a Measures);
    type IntoIter = std::collections::btree_map::Iter<'a, Id, Measures>;

    fn into_iter(self) -> Self::IntoIter {
        self.by_persona.iter()
    }
}

impl From<std::collections::BTreeMap<Id, Measures>> for PersonaMeasures {
    fn from(by_persona: std::collections::BTreeMap<Id, Measures>) -> Self {
        Self {
            by_persona,
            x: XFields::new(),
        }
    }
}

impl FromIterator<(Id, Measures)> for PersonaMeasures {
    fn from_iter<I: IntoIterator<Item = (Id, Measures)>>(iter: I) -> Self {
        Self::from(
            iter.into_iter()
                .collect::<std::collections::BTreeMap<_, _>>(),
        )
    }
}

impl Serialize for PersonaMeasures {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(self.by_persona.len() + self.x.len()))?;
        for (persona, measures) in &self.by_persona {
            map.serialize_entry(persona, measures)?;
        }
        for (key, value) in &self.x {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for PersonaMeasures {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Keys;
        impl<'de> serde::de::Visitor<'de> for Keys {
            type Value = PersonaMeasures;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an object mapping persona ids to measures")
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut access: A,
            ) -> Result<Self::Value, A::Error> {
                let mut out = PersonaMeasures::default();
                while let Some(key) = access.next_key::<String>()? {
                    if key.starts_with("x-") {
                        let value: Value = access.next_value()?;
                        out.x.insert(key, value);
                    } else {
                        let measures: Measures = access.next_value()?;
                        out.by_persona.insert(key, measures);
                    }
                }
                Ok(out)
            }
        }
        deserializer.deserialize_map(Keys)
    }
}

impl JsonSchema for PersonaMeasures {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        "PersonaMeasures".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let measures = generator.subschema_for::<Measures>();
        schemars::json_schema!({
            "type": "object",
            "additionalProperties": measures,
            "patternProperties": { "^x-": true }
        })
    }
}

/// Where a figure comes from.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum EvidenceSource {
    /// Estimated in a workshop.
    Workshop,
    /// Measured by a survey.
    Survey,
    /// Measured from behavioural data (web analytics, CRM events).
    Analytics,
    /// Heard in customer interviews.
    Interview,
    /// Seen in field observation.
    Observation,
    /// A working assumption, not yet checked.
    Assumption,
}

/// How well-founded a touchpoint's measures are.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(transform = schema_support::x_fields)]
pub struct Evidence {
    /// Where the figures come from.
    pub source: EvidenceSource,
    /// Number of customers measured.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "serde_support::option_u64"
    )]
    #[schemars(range(min = 0, max = serde_support::MAX_SAFE_INTEGER))]
    pub n: Option<u64>,
    /// Date of the measure, ISO 8601.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Free note (survey name, dashboard, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// `x-` prefixed keys, kept as is.
    #[serde(flatten)]
    #[schemars(skip)]
    pub x: XFields,
}

/// How strongly a pain hurts or a gain delights.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum NoteSeverity {
    /// Barely noticed (an irritant).
    Low,
    /// Noticed.
    Medium,
    /// Strongly felt.
    High,
    /// Can end the relationship (pain) or win it (gain).
    Critical,
}

impl NoteSeverity {
    /// Weight of the severity: low 0.25, medium 0.5, high 0.75, critical 1.
    pub fn weight(self) -> f64 {
        match self {
            NoteSeverity::Low => 0.25,
            NoteSeverity::Medium => 0.5,
            NoteSeverity::High => 0.75,
            NoteSeverity::Critical => 1.0,
        }
    }
}

/// A pain (irritant) or a gain (enchanter) felt at a touchpoint.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(transform = schema_support::x_fields)]
pub struct Note {
    /// Identifier, for opportunities that address it. Unique among pains and gains of the map.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("pattern" = r"^\S+$", "maxLength" = 256))]
    pub id: Option<Id>,
    /// What the customer feels, in their words.
    pub text: String,
    /// How strongly; default `medium`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub severity: Option<NoteSeverity>,
    /// `x-` prefixed keys, kept as is.
    #[serde(flatten)]
    #[schemars(skip)]
    pub x: XFields,
}

impl Note {
    /// The declared severity, or `medium`.
    pub fn severity(&self) -> NoteSeverity {
        self.severity.unwrap_or(NoteSeverity::Medium)
    }
}

/// Kind of moment of truth.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum MomentOfTruthKind {
    /// Zero moment of truth: online research before purchase (Google, 2011).
    Zero,
    /// First moment of truth: at the shelf, the choice (P&G, 2005).
    First,
    /// Second moment of truth: at use (P&G, 2005).
    Second,
    /// Any brief contact where the customer forms an impression (Carlzon, 1987).
    Contact,
}

/// Indicator a survey asks for.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum SurveyMetric {
    /// Customer Effort Score.
    Ces,
    /// Customer satisfaction.
    Csat,
    /// Net Promoter Score.
    Nps,
    /// Another question.
    Custom,
}

/// How often a survey is sent.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Recurrence {
    /// After every interaction at this touchpoint.
    EveryInteraction,
    /// Once per customer.
    Once,
    /// At most once a month per customer.
    Monthly,
    /// At most once a quarter per customer.
    Quarterly,
    /// At most once a year per customer.
    Yearly,
}

/// How the voice of the customer is collected at a touchpoint.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(transform = schema_support::x_fields)]
pub struct SurveyPlan {
    /// Which indicator.
    pub metric: SurveyMetric,
    /// The question asked, for `custom` or to record the wording.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub question: Option<String>,
    /// How often.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recurrence: Option<Recurrence>,
    /// Share of customers asked, 0..1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 0.0, max = 1.0))]
    #[serde(serialize_with = "serde_support::optional_number")]
    pub sample_rate: Option<f64>,
    /// `x-` prefixed keys, kept as is.
    #[serde(flatten)]
    #[schemars(skip)]
    pub x: XFields,
}

/// A step at the crossing of a stage and a channel: the unit that is scored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(transform = schema_support::x_fields)]
pub struct Touchpoint {
    /// Identifier, referenced by transitions, entries and opportunities. Shares one namespace with
    /// outcome ids.
    #[schemars(extend("pattern" = r"^\S+$", "maxLength" = 256))]
    pub id: Id,
    /// Display name, e.g. "Reads the product page".
    pub name: String,
    /// Stage id.
    pub stage: Id,
    /// Channel id.
    pub channel: Id,
    /// What happens here.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// What the customer does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_action: Option<String>,
    /// Persona ids this touchpoint applies to; empty or absent means every persona.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub personas: Vec<Id>,
    /// Frontstage (seen by the customer, default) or backstage.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visibility: Option<Visibility>,
    /// Internal team responsible for the touchpoint. A change of owner between consecutive
    /// touchpoints is a hand-off.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// Measures for every persona.
    #[serde(default, skip_serializing_if = "is_default_measures")]
    pub measures: Measures,
    /// Per-persona overrides of `measures`, keyed by persona id; unset fields fall back to
    /// `measures`. Keys starting with `x-` are tool data, not persona ids.
    #[serde(default, skip_serializing_if = "PersonaMeasures::is_empty")]
    pub persona_measures: PersonaMeasures,
    /// How well-founded the measures are.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<Evidence>,
    /// Irritants felt here.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pains: Vec<Note>,
    /// Enchanters felt here.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub gains: Vec<Note>,
    /// Declared moment of truth: the relationship can tip here.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub moment_of_truth: bool,
    /// Kind of moment of truth, when declared.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub moment_of_truth_kind: Option<MomentOfTruthKind>,
    /// Voice-of-the-customer plan at this touchpoint.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub survey: Option<SurveyPlan>,
    /// `x-` prefixed keys, kept as is.
    #[serde(flatten)]
    #[schemars(skip)]
    pub x: XFields,
}

fn is_default_measures(m: &Measures) -> bool {
    m == &Measures::default()
}

impl Touchpoint {
    /// Whether the touchpoint applies to `persona` (an empty persona list applies to all).
    pub fn applies_to(&self, persona: &str) -> bool {
        self.personas.is_empty() || self.personas.iter().any(|p| p == persona)
    }

    /// The measures in force for `persona`: its overrides, falling back to `measures`.
    pub fn measures_for(&self, persona: &str) -> Measures {
        match self.persona_measures.get(persona) {
            Some(over) => over.or(&self.measures),
            None => self.measures.clone(),
        }
    }

    /// The `drop_off` in force for `persona` (its override, else the base measure), without
    /// building the merged measures.
    pub fn drop_off_for(&self, persona: &str) -> Option<f64> {
        self.persona_measures
            .get(persona)
            .and_then(|m| m.drop_off)
            .or(self.measures.drop_off)
    }

    /// The declared visibility, or frontstage.
    pub fn visibility(&self) -> Visibility {
        self.visibility.unwrap_or_default()
    }
}
