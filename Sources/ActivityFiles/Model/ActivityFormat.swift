/// The file formats KneeCoach decodes.
public enum ActivityFormat: String, Sendable, Codable, CaseIterable {
    /// Garmin's Flexible and Interoperable data Transfer format (binary).
    case fit
    /// GPS Exchange Format, versions 1.0 and 1.1 (XML).
    case gpx
    /// Garmin's Training Center XML.
    case tcx

    /// Guesses the format from a file name's extension, ignoring case and a trailing `.gz`.
    ///
    /// - Parameter name: a file name or path, such as `run.FIT` or `a/b/run.gpx.gz`.
    /// - Returns: the format, or `nil` when the extension is not one of ours.
    public static func fromFileName(_ name: String) -> ActivityFormat? {
        var lower = name.lowercased()
        if lower.hasSuffix(".gz") { lower.removeLast(3) }
        if lower.hasSuffix(".fit") { return .fit }
        if lower.hasSuffix(".gpx") { return .gpx }
        if lower.hasSuffix(".tcx") { return .tcx }
        return nil
    }

    /// Guesses the format from the first bytes of a file.
    ///
    /// - Parameter bytes: the file's bytes (only the first 512 are looked at).
    /// - Returns: `.fit` when bytes 8–11 read `.FIT`, `.gpx` or `.tcx` from the XML root
    ///   element, else `nil`.
    public static func sniff(_ bytes: some Collection<UInt8>) -> ActivityFormat? {
        let head = Array(bytes.prefix(512))
        if head.count >= 12, head[8] == 0x2E, head[9] == 0x46, head[10] == 0x49, head[11] == 0x54 {
            return .fit
        }
        let text = String(decoding: head, as: UTF8.self)
        if text.contains("<gpx") { return .gpx }
        if text.contains("<TrainingCenterDatabase") { return .tcx }
        return nil
    }
}
