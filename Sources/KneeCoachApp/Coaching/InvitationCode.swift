/// Email-free invitation codes for a club's list: twelve characters of Crockford's base 32
/// (60 random bits) in three groups, `7KQM-2XWD-9HRT`, read back whatever the case, spacing
/// or dashes, with the letters people confuse (O, I, L) taken as the digits they look like.
/// Guessing one is hopeless at ``Coaching/acceptAttempts`` tries per account a quarter-hour.
enum InvitationCode {
    static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
    static let length = 12

    static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        let characters = (0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] }
        return stride(from: 0, to: length, by: 4).map { String(characters[$0..<$0 + 4]) }.joined(separator: "-")
    }

    /// The code's canonical form (twelve characters, no dashes), or `nil` when `text` is not a code.
    static func normalized(_ text: String) -> String? {
        var result: [Character] = []
        for character in text.uppercased() {
            switch character {
            case " ", "-", "\t": continue
            case "O": result.append("0")
            case "I", "L": result.append("1")
            default:
                guard alphabet.contains(character) else { return nil }
                result.append(character)
            }
        }
        return result.count == length ? String(result) : nil
    }
}
