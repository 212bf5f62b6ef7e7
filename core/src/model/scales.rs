//! Scales of the measured quantities: emotion, effort (with its direction), importance,
//! satisfaction and the time unit.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{XFields, schema_support, serde_support};

/// A numeric scale: the closed interval `[min, max]`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(transform = schema_support::x_fields)]
pub struct Scale {
    /// Lowest value of the scale.
    #[serde(serialize_with = "serde_support::number")]
    pub min: f64,
    /// Highest value of the scale (must be greater than `min`).
    #[serde(serialize_with = "serde_support::number")]
    pub max: f64,
    /// `x-` prefixed keys, kept as is.
    #[serde(flatten)]
    #[schemars(skip)]
    pub x: XFields,
}

impl Scale {
    /// A scale from `min` to `max`.
    pub fn new(min: f64, max: f64) -> Self {
        Self {
            min,
            max,
            x: XFields::new(),
        }
    }

    /// `value` mapped linearly to `0..1` (`min` → 0, `max` → 1). Not clamped.
    pub fn unit(&self, value: f64) -> f64 {
        (value - self.min) / (self.max - self.min)
    }

    /// `value` mapped linearly to `-1..1` (`min` → -1, midpoint → 0, `max` → 1). Not clamped.
    pub fn signed(&self, value: f64) -> f64 {
        2.0 * self.unit(value) - 1.0
    }

    /// Whether `value` lies within `[min, max]`.
    pub fn contains(&self, value: f64) -> bool {
        value >= self.min && value <= self.max
    }

    /// Whether the declaration is usable: finite bounds with `min < max`.
    pub fn is_valid(&self) -> bool {
        self.min.is_finite() && self.max.is_finite() && self.min < self.max
    }
}

/// Which way an effort scale points. CES 1.0 ("how much effort did you put forth", 1..5) is
/// `higher_is_more_effort`; CES 2.0 ("the company made it easy", 1..7) is `higher_is_easier`.
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
pub enum EffortDirection {
    /// A higher value means more effort (CES 1.0 style).
    #[default]
    HigherIsMoreEffort,
    /// A higher value means an easier experience (CES 2.0 style).
    HigherIsEasier,
}

/// The effort scale: bounds and direction.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(transform = schema_support::x_fields)]
pub struct EffortScale {
    /// Lowest value of the scale.
    #[serde(serialize_with = "serde_support::number")]
    pub min: f64,
    /// Highest value of the scale (must be greater than `min`).
    #[serde(serialize_with = "serde_support::number")]
    pub max: f64,
    /// Which way the scale points; default `higher_is_more_effort`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direction: Option<EffortDirection>,
    /// `x-` prefixed keys, kept as is.
    #[serde(flatten)]
    #[schemars(skip)]
    pub x: XFields,
}

impl EffortScale {
    /// The declared direction, or the default.
    pub fn direction(&self) -> EffortDirection {
        self.direction.unwrap_or_default()
    }

    /// The bounds as a plain [`Scale`].
    pub fn bounds(&self) -> Scale {
        Scale::new(self.min, self.max)
    }

    /// Effort normalized to `0..1` where 1 is always the most effort, whatever the direction.
    pub fn normalized_effort(&self, value: f64) -> f64 {
        let u = self.bounds().unit(value);
        match self.direction() {
            EffortDirection::HigherIsMoreEffort => u,
            EffortDirection::HigherIsEasier => 1.0 - u,
        }
    }
}

/// Unit of `duration` measures.
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
pub enum TimeUnit {
    /// Seconds.
    Seconds,
    /// Minutes (the default).
    #[default]
    Minutes,
    /// Hours.
    Hours,
    /// Days.
    Days,
}

/// Scales of the measured quantities. Each omitted scale takes its default:
/// emotion -2..+2, effort 1..7 (`higher_is_more_effort`), importance 1..5, satisfaction 1..5,
/// durations in minutes.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[schemars(transform = schema_support::x_fields)]
pub struct Scales {
    /// Emotional intensity; default -2..+2 (negative = bad, midpoint = neutral).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub emotion: Option<Scale>,
    /// Customer effort; default 1..7, `higher_is_more_effort`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effort: Option<EffortScale>,
    /// Importance of a touchpoint to the customer; default 1..5.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub importance: Option<Scale>,
    /// Satisfaction (CSAT-style); default 1..5.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub satisfaction: Option<Scale>,
    /// Unit of every `duration`; default minutes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_unit: Option<TimeUnit>,
    /// `x-` prefixed keys, kept as is.
    #[serde(flatten)]
    #[schemars(skip)]
    pub x: XFields,
}

impl Scales {
    pub(crate) fn is_unset(&self) -> bool {
        self == &Self::default()
    }

    /// The emotion scale in force (declared or default -2..+2).
    pub fn emotion(&self) -> Scale {
        self.emotion
            .clone()
            .unwrap_or_else(|| Scale::new(-2.0, 2.0))
    }

    /// The effort scale in force (declared or default 1..7, higher is more effort).
    pub fn effort(&self) -> EffortScale {
        self.effort.clone().unwrap_or(EffortScale {
            min: 1.0,
            max: 7.0,
            direction: None,
            x: XFields::new(),
        })
    }

    /// The importance scale in force (declared or default 1..5).
    pub fn importance(&self) -> Scale {
        self.importance
            .clone()
            .unwrap_or_else(|| Scale::new(1.0, 5.0))
    }

    /// The satisfaction scale in force (declared or default 1..5).
    pub fn satisfaction(&self) -> Scale {
        self.satisfaction
            .clone()
            .unwrap_or_else(|| Scale::new(1.0, 5.0))
    }

    /// The time unit in force (declared or minutes).
    pub fn time_unit(&self) -> TimeUnit {
        self.time_unit.unwrap_or_default()
    }
}
