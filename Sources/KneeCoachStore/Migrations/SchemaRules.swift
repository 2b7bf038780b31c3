/// Plain-language sentences for the schema's named CHECK constraints, for error messages.
enum SchemaRules {
    static func description(ofConstraint name: String) -> String? {
        if name.hasSuffix("_local_date_format") { return "a date must be written YYYY-MM-DD" }
        if name.hasSuffix("_not_empty") { return "a name or text must not be empty" }
        return rules[name]
    }

    private static let rules: [String: String] = [
        "shoes_start_km_range": "a shoe's starting distance must be 0 km or more",
        "activities_distance_range": "a distance must be 0 or more",
        "activities_duration_range": "a duration must be 0 or more",
        "activities_elevation_range": "elevation gain and loss must be 0 or more",
        "activities_cadence_range": "a cadence must be 0 or more",
        "activities_heart_rate_range": "a heart rate must be 0 or more",
        "activities_effort_range": "effort must be between 0 and 10",
        "sessions_done_counts_range": "sets, repetitions and hold times must be 0 or more",
        "sessions_done_pain_range": "a pain level must be between 0 and 10",
        "sessions_done_effort_range": "effort must be between 0 and 10",
        "pain_entries_timing_known": "'when' must be during, after, next-morning or rest",
        "pain_entries_level_range": "a pain level must be between 0 and 10",
        "notes_mood_range": "mood must be between 0 and 10",
        "notes_stress_range": "stress must be between 0 and 10",
        "notes_sleep_hours_range": "sleep must be between 0 and 24 hours",
        "function_scores_stairs_range": "the stairs rating must be between 0 and 10",
        "function_scores_squatting_range": "the squatting rating must be between 0 and 10",
        "function_scores_running_range": "the running rating must be between 0 and 10",
        "function_scores_not_empty": "at least one of the stairs, squatting and running ratings is needed",
        "coach_adjustments_kind":
            "an adjustment must be runs-per-week, weekly-distance, pause-running, emphasis or hold-phase",
        "coach_adjustments_value":
            "runs, distance and pause days need a value above 0, an emphasis a target, holding the phase neither",
        "coach_adjustments_dates_format": "a date must be written YYYY-MM-DD",
        "coach_adjustments_undone_after_made": "an adjustment cannot be undone before the day it was made",
        "coach_adjustments_undone_by_name": "an undone adjustment names who undid it",
        "server_settings_signup": "sign-up must be open, invite-only or closed",
        "server_settings_one_row": "the server has one row of settings",
    ]
}
