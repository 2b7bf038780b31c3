import KneeCoachCore

/// The keys of a guided session and the runner's transition each one asks for.
enum SessionKey: Equatable {
    case action(SessionRunner.Action)
    /// End the session early (then rate it and log it).
    case quit

    /// The keys in a burst of bytes read from a raw terminal, in order; unknown bytes are
    /// ignored. Arrow keys: → next, ← back.
    static func keys(in bytes: [UInt8]) -> [SessionKey] {
        var keys: [SessionKey] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x1B, index + 2 < bytes.count, bytes[index + 1] == UInt8(ascii: "[") {
                switch bytes[index + 2] {
                case UInt8(ascii: "C"): keys.append(.action(.skipStep))
                case UInt8(ascii: "D"): keys.append(.action(.back))
                default: break
                }
                index += 3
                continue
            }
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "p"): keys.append(.action(.togglePause))
            case UInt8(ascii: "n"): keys.append(.action(.skipStep))
            case UInt8(ascii: "b"): keys.append(.action(.back))
            case UInt8(ascii: "s"): keys.append(.action(.skipExercise))
            case UInt8(ascii: "r"): keys.append(.action(.repeatStep))
            case UInt8(ascii: "q"), UInt8(ascii: "Q"), 0x03, 0x04: keys.append(.quit)
            default: break
            }
            index += 1
        }
        return keys
    }

    /// The key line at the foot of the screen.
    static let help = "space pause · n next · b back · s skip exercise · r repeat · q quit"
}
