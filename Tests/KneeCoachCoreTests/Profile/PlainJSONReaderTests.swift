import Foundation
import Testing

@testable import KneeCoachCore

/// The plain reader either gives up or gives exactly what `JSONDecoder` gives, on every text.
struct PlainJSONReaderTests {
    static func plain(_ text: String) -> JSONValue? {
        Data(text.utf8).withUnsafeBytes { PlainJSONReader.read($0) }
    }

    static func decoded(_ text: String) -> JSONValue? {
        try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }

    static func expectAgreement(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        guard let plain = plain(text) else { return }
        #expect(plain == decoded(text), "\(text)", sourceLocation: sourceLocation)
    }

    /// What the journal stores — profiles and self-tests as the encoder writes them — is read
    /// by the plain reader, and read the same.
    @Test func readsWhatTheJournalStores() throws {
        let texts = [
            #"{"age":45,"assessment":{"bridgeHoldSeconds":40,"kneeToWallCm":{"left":8,"right":9}},"equipment":["wall","step"],"experience":"intermediate","longestRecentRunKm":18.5,"pain":{"atNight":false,"level":3,"location":"front","sinceWeeks":0.5},"runsPerWeek":6,"timeZone":"Europe/Oslo"}"#,
            #"{"bridgeHoldSeconds":40,"kneeToWallCm":{"left":8,"right":9.25},"singleLegSquatValgus":{"left":true,"right":false}}"#,
            // The encoder writes every `/` as `\/`: a stored profile's time zone.
            #"{"age":34,"timeZone":"Europe\/London","a\/b":["\/","x\/\/y\/"]}"#,
            "{}", " { \"age\" : 40 ,\n\t\"terrain\" : [ ] } \r\n", #"{"a":null,"b":[1,2.5,0,0.30000000000000004,[{}]],"c":"x y"}"#,
        ]
        for text in texts {
            let plain = try #require(Self.plain(text), "\(text)")
            #expect(plain == Self.decoded(text))
        }
    }

    /// Texts outside the subset: escapes other than `\/`, non-ASCII, exponents, leading zeros,
    /// `-0`, repeated keys, a scalar or array at the top, trailing text, too deep, broken syntax.
    @Test func givesUpOutsideTheSubset() {
        let texts = [
            #"{"a":"tab\tin"}"#, #"{"a":"\u00e9"}"#, #"{"a":"\\/"}"#, #"{"a":"\"/"}"#, #"{"a":"\u002f"}"#,
            #"{"a":"\/\n"}"#, #"{"a":"\"}"#, #"{"a":"é"}"#, #"{"a":1e3}"#, #"{"a":01}"#, #"{"a":-0}"#,
            #"{"a":-0.5}"#, #"{"a":1,"a":2}"#, "40", "[1]", #""a""#, #"{"a":1} x"#, #"{"a":1,}"#, #"{"a":[1,]}"#,
            #"{"a":1."#, #"{"a":.5}"#, #"{"a":tru}"#, #"{"a" 1}"#, "{", #"{"a":1234567890123456}"#,
            #"{"a":0.123456789012345678}"#, "{\"a\":\"\u{01}\"}", #"{"a":NaN}"#, #"{"a":Infinity}"#,
            String(repeating: #"{"a":"#, count: 40) + "1" + String(repeating: "}", count: 40),
        ]
        for text in texts {
            #expect(Self.plain(text) == nil, "\(text)")
        }
    }

    /// Generated documents, and the same texts cut, doubled or with a byte changed: wherever
    /// the plain reader answers, `JSONDecoder` answers the same.
    @Test func agreesWithTheDecoderOnGeneratedTexts() throws {
        var state: UInt64 = 2_026
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        let atoms = [
            "0", "1", "-3", "12.5", "0.25", "-7.125", "99999", "true", "false", "null", #""""#, #""ab c""#, "1e2", "-0",
            #""a\/b""#, #""\/""#,
        ]
        func value(_ depth: Int) -> String {
            switch depth > 3 ? 0 : next(4) {
            case 0, 1: return atoms[next(atoms.count)]
            case 2: return "[" + (0..<next(4)).map { _ in value(depth + 1) }.joined(separator: ",") + "]"
            default:
                let keys = (0..<next(5)).map { _ in ["a", "b", "c", "age", "left", "right"][next(6)] }
                return "{" + keys.map { #""\#($0)":"# + value(depth + 1) }.joined(separator: ",") + "}"
            }
        }
        let noise: [UInt8] = Array(#"{}[]",:-.0159aeflnrstu \"#.utf8) + [0x0A, 0x09, 0xC3, 0xA9]
        var read = 0
        for _ in 0..<3_000 {
            let keys = (0..<(1 + next(5))).map { _ in ["a", "b", "c", "age", "left", "right"][next(6)] }
            var text = "{" + keys.map { #""\#($0)":"# + value(1) }.joined(separator: next(3) == 0 ? " , " : ",") + "}"
            switch next(4) {
            case 0:
                var bytes = Array(text.utf8)
                bytes[next(bytes.count)] = noise[next(noise.count)]
                text = String(decoding: bytes, as: UTF8.self)
            case 1: text = String(text.prefix(next(text.count + 1)))
            case 2: text += next(2) == 0 ? text : " \n"
            default: break
            }
            if Self.plain(text) != nil { read += 1 }
            Self.expectAgreement(text)
        }
        #expect(read > 200, "the generator reaches the plain subset often enough to mean something")
    }

    /// `Profile(jsonData:)` and `Assessment(jsonData:)` read as before through the plain reader.
    @Test func profilesReadTheSame() throws {
        let text = #"{"age":45,"equipment":["wall"],"pain":{"level":3,"location":"front"},"weeklyDistanceKm":20.5}"#
        let profile = try Profile(jsonData: Data(text.utf8))
        #expect(profile.age == 45 && profile.weeklyDistanceKm == 20.5 && profile.pain?.level == 3)
        #expect(throws: ProfileError.self) { try Profile(jsonData: Data(#"{"age":"forty"}"#.utf8)) }
    }
}
