import Foundation
import Testing

@testable import KneeCoachCore

/// The library resource is read by the plain reader (RawExercise+Plain.swift) instead of
/// `JSONDecoder`: wherever the plain reading answers, it answers exactly what the decoder
/// gives, and it never accepts a text the decoder refuses.
struct LibraryPlainReadingTests {
    static let resource: Data = {
        let url = SharedFolder.packageRoot.appendingPathComponent("Sources/KneeCoachCore/Library/Resources/exercises.json")
        return (try? Data(contentsOf: url)) ?? Data()
    }()

    static func decoded(_ data: Data) -> [RawExercise]? {
        try? JSONDecoder().decode([RawExercise].self, from: data)
    }

    static func expectAgreement(_ data: Data, sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        let plain = RawExercise.plainList(data)
        let decoded = decoded(data)
        if let plain {
            #expect(plain == decoded, "\(String(decoding: data.prefix(200), as: UTF8.self))", sourceLocation: sourceLocation)
        }
        return plain != nil
    }

    /// The bundled library is read the plain way (so the decoder is not paid for), and read the same.
    @Test func readsTheBundledLibraryAsTheDecoderDoes() throws {
        let plain = try #require(RawExercise.plainList(Self.resource))
        let decoded = try #require(Self.decoded(Self.resource))
        #expect(plain.count > 50)
        #expect(plain == decoded)
        let library = try ExerciseLibrary(jsonData: Self.resource)
        #expect(library.exercises.map(\.id) == decoded.map(\.id))
    }

    /// Entries changed one field at a time — left out, `null`, another type, an unknown field,
    /// a number with a fraction, a text with escapes or accents — and texts with a byte changed
    /// or cut: wherever the plain reading answers, the decoder answers the same.
    @Test func agreesWithTheDecoderOnChangedLibraries() throws {
        let entries = try #require(try JSONSerialization.jsonObject(with: Self.resource) as? [[String: Any]])
        var state: UInt64 = 12
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        let replacements: [Any] = [
            NSNull(), "text", "caf\u{e9} \u{2013} \u{201c}q\u{201d}", "tab\tand \"quote\"", 3, 2.5, true, false, [] as [Any],
            ["a", "b"], [1, 2], ["value": 4, "evidence": "x"], ["cue": "c"], ["needs": ["wall"]], [:] as [String: Any],
            ["substitute": "wall-sit", "exclude": true], ["value": "4", "evidence": "x"],
        ]
        func mutate(_ value: Any, depth: Int) -> Any {
            if var object = value as? [String: Any], !object.isEmpty, depth < 3 {
                let keys = object.keys.sorted()
                let key = keys[next(keys.count)]
                switch next(5) {
                case 0: object[key] = nil
                case 1: object[["extra", "perSide", "cue", "note", "reps", "highImpact"][next(6)]] = replacements[next(replacements.count)]
                case 2, 3: object[key] = mutate(object[key] as Any, depth: depth + 1)
                default: object[key] = replacements[next(replacements.count)]
                }
                return object
            }
            if var array = value as? [Any], !array.isEmpty, depth < 3, next(2) == 0 {
                let index = next(array.count)
                array[index] = mutate(array[index], depth: depth + 1)
                return array
            }
            return replacements[next(replacements.count)]
        }
        var read = 0
        var refused = 0
        for round in 0..<1_200 {
            var changed = Array(entries[(round * 7) % entries.count..<min((round * 7) % entries.count + 3, entries.count)])
            let index = next(changed.count)
            changed[index] = mutate(changed[index], depth: 0) as? [String: Any] ?? [:]
            var data = try JSONSerialization.data(withJSONObject: changed, options: next(2) == 0 ? [.prettyPrinted, .withoutEscapingSlashes] : [.withoutEscapingSlashes])
            switch next(5) {
            case 0:
                var bytes = [UInt8](data)
                let noise: [UInt8] = Array(#"{}[]",:\-.05aeflnrstu é"#.utf8) + [0x0A, 0xC3, 0xE2, 0x80, 0xFF]
                bytes[next(bytes.count)] = noise[next(noise.count)]
                data = Data(bytes)
            case 1: data = data.prefix(next(data.count + 1))
            default: break
            }
            if Self.expectAgreement(data) { read += 1 } else if Self.decoded(data) == nil { refused += 1 }
        }
        #expect(read > 100, "the changes leave the plain subset often enough to mean something")
        #expect(refused > 50, "and break the library often enough to mean something")
    }

    /// Texts outside the library's subset are left to the decoder: escapes, invalid UTF-8,
    /// exponents, repeated keys, a scalar at the top.
    @Test func givesUpOutsideTheSubset() {
        let entry = #""id":"a","name":"A","aliases":[],"category":"c","origin":"o","summary":"s","targets":[],"phases":[],"dosage":{"perSide":false},"equipment":[],"cues":[],"evidence":"e""#
        #expect(RawExercise.plainList(Data("[{\(entry)}]".utf8)) != nil)
        let texts = [
            "[{\(entry),\"cues\":[\"a\\nb\"]}]", "[{\(entry),\"evidenceNote\":\"\\u00e9\"}]", "[{\(entry),\"id\":\"b\"}]",
            "[{\(entry),\"dosage\":{\"perSide\":false,\"reps\":{\"value\":1e1,\"evidence\":\"e\"}}}]", "{}", "3",
        ]
        for text in texts {
            #expect(RawExercise.plainList(Data(text.utf8)) == nil, "\(text)")
        }
        var invalid = Array("[{\(entry),\"evidenceNote\":\"x\"}]".utf8)
        invalid[invalid.count - 4] = 0xC3
        #expect(RawExercise.plainList(Data(invalid)) == nil)
    }
}
