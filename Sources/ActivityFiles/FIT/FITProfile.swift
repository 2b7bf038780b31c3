/// Names from the published FIT profile for the enums KneeCoach shows: sport, sub-sport,
/// file type, manufacturer, and the Garmin products seen in real files. Unknown values are
/// shown as their number.
enum FITProfile {
    static let sports: [String] = [
        "generic", "running", "cycling", "transition", "fitness_equipment", "swimming",
        "basketball", "soccer", "tennis", "american_football", "training", "walking",
        "cross_country_skiing", "alpine_skiing", "snowboarding", "rowing", "mountaineering",
        "hiking", "multisport", "paddling", "flying", "e_biking", "motorcycling", "boating",
        "driving", "golf", "hang_gliding", "horseback_riding", "hunting", "fishing",
        "inline_skating", "rock_climbing", "sailing", "ice_skating", "sky_diving",
        "snowshoeing", "snowmobiling", "stand_up_paddleboarding", "surfing", "wakeboarding",
        "water_skiing", "kayaking", "rafting", "windsurfing", "kitesurfing", "tactical",
        "jumpmaster", "boxing", "floor_climbing",
    ]

    static let subSports: [String] = [
        "generic", "treadmill", "street", "trail", "track", "spin", "indoor_cycling", "road",
        "mountain", "downhill", "recumbent", "cyclocross", "hand_cycling", "track_cycling",
        "indoor_rowing", "elliptical", "stair_climbing", "lap_swimming", "open_water",
        "flexibility_training", "strength_training", "warm_up", "match", "exercise",
        "challenge", "indoor_skiing", "cardio_training", "indoor_walking", "e_bike_fitness",
        "bmx", "casual_walking", "speed_walking", "bike_to_run_transition",
        "run_to_bike_transition", "swim_to_bike_transition", "atv", "motocross", "backcountry",
        "resort", "rc_drone", "wingsuit", "whitewater", "skate_skiing", "yoga", "pilates",
        "indoor_running", "gravel_cycling", "e_bike_mountain", "commuting", "mixed_surface",
        "navigate", "track_me", "map", "single_gas_diving", "multi_gas_diving", "gauge_diving",
        "apnea_diving", "apnea_hunting", "virtual_activity", "obstacle",
    ]

    static func sport(_ value: UInt32) -> String {
        value < UInt32(sports.count) ? sports[Int(value)] : String(value)
    }

    /// The sub-sport name, or `nil` for `generic`.
    static func subSport(_ value: UInt32) -> String? {
        if value == 0 { return nil }
        return value < UInt32(subSports.count) ? subSports[Int(value)] : String(value)
    }

    static func fileType(_ value: UInt32) -> String {
        switch value {
        case 1: return "device"
        case 2: return "settings"
        case 3: return "sport"
        case 4: return "activity"
        case 5: return "workout"
        case 6: return "course"
        case 7: return "schedules"
        case 9: return "weight"
        case 10: return "totals"
        case 11: return "goals"
        case 14: return "blood_pressure"
        case 15: return "monitoring_a"
        case 20: return "activity_summary"
        case 28: return "monitoring_daily"
        case 32: return "monitoring_b"
        case 34: return "segment"
        case 35: return "segment_list"
        default: return String(value)
        }
    }

    static func manufacturer(_ value: UInt32) -> String {
        switch value {
        case 1: return "garmin"
        case 13: return "dynastream_oem"
        case 15: return "dynastream"
        case 23: return "suunto"
        case 32: return "wahoo_fitness"
        case 69: return "stages_cycling"
        case 70: return "sigmasport"
        case 89: return "tacx"
        case 95: return "stryd"
        case 255: return "development"
        case 260: return "zwift"
        case 263: return "favero_electronics"
        case 265: return "strava"
        case 267: return "bryton"
        case 294: return "coros"
        case 310: return "polar_electro"
        default: return String(value)
        }
    }

    /// Whether `product` is a Garmin product number for this manufacturer.
    static func usesGarminProducts(_ manufacturer: UInt32) -> Bool {
        manufacturer == 1 || manufacturer == 13 || manufacturer == 15 || manufacturer == 89
    }

    static func garminProduct(_ value: UInt32) -> String {
        switch value {
        case 1: return "hrm1"
        case 1036: return "edge500"
        case 1124: return "fr110"
        case 1169: return "edge800"
        case 1328: return "edge800"
        case 1436: return "fr70"
        case 1561: return "edge510"
        case 1567: return "edge810"
        case 1632: return "fr220"
        case 1765: return "fr920xt"
        case 1836: return "edge1000"
        case 1967: return "fenix2"
        case 2050: return "fenix3"
        case 2157: return "fr735xt"
        case 2158: return "fr735xt"
        case 2337: return "vivo_active_hr"
        case 2431: return "fr235"
        case 2530: return "edge_820"
        case 2691: return "fr935"
        case 2697: return "fenix5"
        case 2713: return "edge_1030"
        case 2888: return "fr645m"
        case 3121: return "edge_530"
        case 3992: return "fr255"
        case 65534: return "connect"
        default: return String(value)
        }
    }
}
