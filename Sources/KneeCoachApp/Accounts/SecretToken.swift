import Foundation

/// Random secrets handed to a client once (API tokens, calendar feed tokens, invitation
/// codes, session cookies) and stored only as their SHA-256.
public enum SecretToken {
    /// A new secret: `prefix` and 32 random bytes in URL-safe base64 (256 bits).
    public static func make(prefix: String = "") -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return prefix + urlSafeBase64(Data(bytes))
    }

    /// The SHA-256 of `secret`, as 64 lower-case hexadecimal digits: what the store keeps.
    public static func hash(_ secret: String) -> String {
        ContentHash.of(Data(secret.utf8))
    }

    static func urlSafeBase64(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
