import Crypto
import Foundation

/// The content hash the journal keys imported files by: SHA-256 of the file's bytes (after
/// any gzip layer), as 64 lower-case hex digits.
public enum ContentHash {
    /// The hash of some bytes.
    /// - Parameter bytes: a file's payload.
    /// - Returns: 64 lower-case hex digits.
    public static func of(_ bytes: some DataProtocol) -> String {
        let digest = SHA256.hash(data: bytes)
        var text = ""
        text.reserveCapacity(64)
        for byte in digest {
            text.append(hexDigits[Int(byte >> 4)])
            text.append(hexDigits[Int(byte & 0x0F)])
        }
        return text
    }

    private static let hexDigits = Array("0123456789abcdef")
}
