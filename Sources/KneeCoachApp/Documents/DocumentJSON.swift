import Foundation

/// The JSON of every document KneeCoach prints or serves: pretty, keys sorted, slashes as
/// they are, one line break at the end. The command line's `--json` and the server's
/// `/api/v1` answers are these same bytes.
public enum DocumentJSON {
    /// `value` as JSON.
    public static func bytes<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(value)
        data.append(UInt8(ascii: "\n"))
        return data
    }

    /// A document written by ``PrettyJSON`` (the same bytes as ``bytes(_:)-1uw5q``, a
    /// fraction of the time for a long plan); a number JSON cannot carry goes through
    /// `JSONEncoder`, which reports it as it always did.
    public static func bytes<T: PrettyJSONDocument>(_ document: T) throws -> Data {
        guard var bytes = try? document.prettyJSON() else { return try bytes(document as any Encodable) }
        bytes.append(UInt8(ascii: "\n"))
        return Data(bytes)
    }

    private static func bytes(_ value: any Encodable) throws -> Data {
        try bytes(AnyDocument(value: value))
    }

    private struct AnyDocument: Encodable {
        let value: any Encodable
        func encode(to encoder: any Encoder) throws { try value.encode(to: encoder) }
    }
}
