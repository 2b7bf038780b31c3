/// Global message numbers KneeCoach reads (FIT profile `mesg_num`).
enum FITMessage {
    static let fileID: UInt16 = 0
    static let sport: UInt16 = 12
    static let session: UInt16 = 18
    static let lap: UInt16 = 19
    static let record: UInt16 = 20
    static let event: UInt16 = 21
    static let deviceInfo: UInt16 = 23
    static let activity: UInt16 = 34
}

/// What a field of a known message is, so a data message needs one switch per field.
enum FITTarget: UInt8 {
    // record
    case latitude, longitude, altitude, enhancedAltitude, heartRate, cadence, fractionalCadence
    case distance, speed, enhancedSpeed, power, compressedSpeedDistance
    case verticalOscillation, stanceTime, verticalRatio, stanceTimeBalance, stepLength
    // session and lap
    case startTime, sport, subSport, elapsedTime, timerTime, totalDistance
    case averageHeartRate, averageCadence, averageFractionalCadence, totalAscent, totalDescent
    // event
    case eventKind, eventType
    // file_id (and device_info, which shares manufacturer, product, serial and name)
    case fileType, manufacturer, product, serialNumber, productName
    // device_info, activity, sport
    case deviceIndex, localTimestamp, sportName

    /// The target of field `number` in message `message`, or `nil` for fields we skip.
    static func of(message: UInt16, field number: UInt8) -> FITTarget? {
        switch message {
        case FITMessage.record:
            switch number {
            case 0: return .latitude
            case 1: return .longitude
            case 2: return .altitude
            case 3: return .heartRate
            case 4: return .cadence
            case 5: return .distance
            case 6: return .speed
            case 7: return .power
            case 8: return .compressedSpeedDistance
            case 39: return .verticalOscillation
            case 41: return .stanceTime
            case 53: return .fractionalCadence
            case 73: return .enhancedSpeed
            case 78: return .enhancedAltitude
            case 83: return .verticalRatio
            case 84: return .stanceTimeBalance
            case 85: return .stepLength
            default: return nil
            }
        case FITMessage.session:
            switch number {
            case 2: return .startTime
            case 5: return .sport
            case 6: return .subSport
            case 7: return .elapsedTime
            case 8: return .timerTime
            case 9: return .totalDistance
            case 16: return .averageHeartRate
            case 18: return .averageCadence
            case 22: return .totalAscent
            case 23: return .totalDescent
            case 92: return .averageFractionalCadence
            default: return nil
            }
        case FITMessage.lap:
            switch number {
            case 2: return .startTime
            case 7: return .elapsedTime
            case 8: return .timerTime
            case 9: return .totalDistance
            case 15: return .averageHeartRate
            case 17: return .averageCadence
            case 21: return .totalAscent
            case 22: return .totalDescent
            case 25: return .sport
            default: return nil
            }
        case FITMessage.event:
            switch number {
            case 0: return .eventKind
            case 1: return .eventType
            default: return nil
            }
        case FITMessage.deviceInfo:
            switch number {
            case 0: return .deviceIndex
            case 2: return .manufacturer
            case 3: return .serialNumber
            case 4: return .product
            case 27: return .productName
            default: return nil
            }
        case FITMessage.activity:
            return number == 5 ? .localTimestamp : nil
        case FITMessage.sport:
            switch number {
            case 0: return .sport
            case 1: return .subSport
            case 3: return .sportName
            default: return nil
            }
        case FITMessage.fileID:
            switch number {
            case 0: return .fileType
            case 1: return .manufacturer
            case 2: return .product
            case 3: return .serialNumber
            case 8: return .productName
            default: return nil
            }
        default:
            return nil
        }
    }
}

/// One field of a definition that we read: where it is in the data message and what it is.
struct FITFieldPlan {
    /// Offset from the first byte after the record header.
    var offset: Int
    var size: Int
    var baseType: UInt8
    var target: FITTarget
    /// Whether the field holds exactly one value of its base type.
    var isScalar: Bool
}

/// A definition message, reduced to what decoding its data messages needs.
struct FITDefinition {
    var globalMessage: UInt16
    var isBigEndian: Bool
    /// Bytes of a data message after its record header (developer fields included).
    var dataSize: Int
    /// Offset of the 4-byte timestamp field (253), or -1.
    var timestampOffset: Int
    var fields: ContiguousArray<FITFieldPlan>
}
