/// Text made safe to place inside SVG or HTML, as element content or as a quoted attribute.
///
/// Charts and the report show text a runner typed (a shoe's name, a flag's reason), so every
/// piece of user text passes through here before it joins the markup:
/// `</svg><script>` becomes `&lt;/svg&gt;&lt;script&gt;` and can never close an element or
/// start a script. Characters XML 1.0 forbids (most C0 controls, lone surrogates cannot occur
/// in a Swift `String`, U+FFFE and U+FFFF) become U+FFFD, so the output always parses as XML.
public enum XMLEscaping {
    /// `text` with `&`, `<`, `>`, `"` and `'` as character references and forbidden control
    /// characters replaced by U+FFFD; safe in element content and in either kind of quoted
    /// attribute.
    public static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                out.unicodeScalars.append(isAllowed(scalar) ? scalar : "\u{FFFD}")
            }
        }
        return out
    }

    /// Whether XML 1.0 allows the character at all (its `Char` production).
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    /// `text` cut to at most `limit` characters (grapheme clusters), ending in `…` when cut;
    /// used where a label has a fixed room, before escaping.
    public static func shortened(_ text: String, toCharacters limit: Int) -> String {
        guard limit > 0 else { return "" }
        guard text.count > limit else { return text }
        return String(text.prefix(max(limit - 1, 0))) + "…"
    }
}
