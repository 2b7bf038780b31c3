import Foundation
import Testing

@testable import KneeCoachCore

struct ProfileDecodingTests {
    static let example = """
        {
          "age": 62, "timeZone": "Europe/Oslo", "experience": "beginner", "weeklyDistanceKm": 25,
          "runsPerWeek": 3, "longestRecentRunKm": 10, "goal": "return-to-running",
          "terrain": ["flat", "hilly", "downhill"], "surfaces": ["road", "trail", "track", "treadmill"],
          "conditions": ["knee-osteoarthritis"], "minutesPerDay": 20,
          "equipment": ["foam-roller", "massage-ball", "resistance-band", "step", "wall", "towel",
                        "stability-ball", "bosu", "slant-board", "weights", "pool", "bike"],
          "pain": {"level": 6, "location": "front", "sinceWeeks": 3, "duringRun": true, "atRest": false,
                   "atNight": false, "swelling": false, "locking": false, "givingWay": false, "limping": false,
                   "redOrHot": false, "afterTrauma": false},
          "assessment": {"kneeToWallCm": {"left": 6, "right": 11},
                         "singleLegSquatValgus": {"left": true, "right": false},
                         "hipFlexorTight": true, "itBandTight": true, "hamstringTight": false, "quadTight": false,
                         "calfTight": true, "femoralInternalRotation": true, "overpronation": false,
                         "bridgeHoldSeconds": 40, "sidePlankSeconds": 20}
        }
        """

    @Test func decodesTheInterfacesExample() throws {
        let profile = try Profile(jsonData: Data(Self.example.utf8))
        #expect(profile.age == 62)
        #expect(profile.goal == .returnToRunning)
        #expect(profile.terrain == [.flat, .hilly, .downhill])
        #expect(profile.equipment.count == Equipment.allCases.count)
        #expect(profile.pain?.level == 6 && profile.pain?.location == .front && profile.pain?.duringRun == true)
        #expect(profile.assessment?.kneeToWallCm == Sides(left: 6, right: 11))
        #expect(profile.assessment?.sidePlankSeconds == 20)
    }

    @Test func roundTripsThroughJSON() throws {
        let profile = try Profile(jsonData: Data(Self.example.utf8))
        let again = try Profile(jsonData: JSONEncoder().encode(profile))
        #expect(again == profile)
        let minimal = Profile(age: 30)
        let text = String(decoding: try JSONEncoder().encode(minimal), as: UTF8.self)
        #expect(text == #"{"age":30}"#)
        #expect(try Profile(jsonData: Data(text.utf8)) == minimal)
    }

    @Test func acceptsOnlyAge() throws {
        #expect(try Profile(jsonData: Data(#"{"age": 12}"#.utf8)) == Profile(age: 12))
        #expect(try Profile(jsonData: Data(#"{"age": 40, "pain": null}"#.utf8)).pain == nil)
    }

    /// Every kind of bad value, with the field path it must name and words the message must hold.
    @Test(arguments: [
        (#"{}"#, "age", "required"),
        (#"{"age": 11}"#, "age", "12 to 100"),
        (#"{"age": 101}"#, "age", "12 to 100"),
        (#"{"age": 40.5}"#, "age", "whole number"),
        (#"{"age": "forty"}"#, "age", "is text"),
        (#"{"age": 40, "weeklyDistanceKm": -1}"#, "weeklyDistanceKm", "0 to 300"),
        (#"{"age": 40, "weeklyDistanceKm": 301}"#, "weeklyDistanceKm", "0 to 300"),
        (#"{"age": 40, "longestRecentRunKm": 250}"#, "longestRecentRunKm", "0 to 200"),
        (#"{"age": 40, "runsPerWeek": 15}"#, "runsPerWeek", "0 to 14"),
        (#"{"age": 40, "minutesPerDay": 4}"#, "minutesPerDay", "5 to 240"),
        (#"{"age": 40, "pain": {"level": 11}}"#, "pain.level", "0 to 10"),
        (#"{"age": 40, "pain": {"level": -1}}"#, "pain.level", "0 to 10"),
        (#"{"age": 40, "pain": {"level": 3, "sinceWeeks": -2}}"#, "pain.sinceWeeks", "0 to 520"),
        (#"{"age": 40, "pain": {"location": "front"}}"#, "pain.level", "required"),
        (#"{"age": 40, "pain": {"level": 3, "swelling": "yes"}}"#, "pain.swelling", "true or false"),
        (#"{"age": 40, "pain": {"level": 3, "calfPain": "left"}}"#, "pain.calfPain", "true or false"),
        (#"{"age": 40, "pain": {"level": 3, "coldFoot": 1}}"#, "pain.coldFoot", "true or false"),
        (#"{"age": 40, "pain": {"level": 3, "numbnesSpreading": true}}"#, "pain.numbnesSpreading", "did you mean 'numbnessSpreading'"),
        (#"{"age": 40, "pain": {"level": 3, "location": "frnt"}}"#, "pain.location", "did you mean 'front'"),
        (#"{"age": 40, "agee": 3}"#, "agee", "not a known field"),
        (#"{"age": 40, "terain": ["flat"]}"#, "terain", "did you mean 'terrain'"),
        (#"{"age": 40, "pain": {"level": 3, "swollen": true}}"#, "pain.swollen", "not a known field"),
        (#"{"age": 40, "terrain": ["flat", "downhil"]}"#, "terrain[1]", "'downhil' is not a terrain; did you mean 'downhill'"),
        (#"{"age": 40, "terrain": "flat"}"#, "terrain", "a list"),
        (#"{"age": 40, "equipment": ["foam roller"]}"#, "equipment[0]", "did you mean 'foam-roller'"),
        (#"{"age": 40, "goal": "stay healthy"}"#, "goal", "did you mean 'stay-healthy'"),
        (#"{"age": 40, "experience": 3}"#, "experience", "a number"),
        (#"{"age": 40, "timeZone": "Europe/Olso"}"#, "timeZone", "not a time zone"),
        (#"{"age": 40, "timeZone": "Europe/Oslo\u0000"}"#, "timeZone", "control character"),
        (#"{"age": 40, "timeZone": "Europe/\u001b[31mOslo"}"#, "timeZone", "control character"),
        (#"{"age": 40, "timeZone": "Europe/Oslo/Europe/Oslo/Europe/Oslo/Europe/Oslo/Europe/Oslo/Europe/Oslo"}"#, "timeZone",
         "71 characters long, more than the 64 allowed"),
        ("{\"age\": 40, \"goal\": \"" + String(repeating: "race", count: 50_000) + "\"}", "goal", "200000 characters long"),
        (#"{"age": 40, "pain": 5}"#, "pain", "an object"),
        (#"{"age": 40, "assessment": {"kneeToWallCm": {"left": 40, "right": 10}}}"#, "assessment.kneeToWallCm.left", "0 to 30"),
        (#"{"age": 40, "assessment": {"kneeToWallCm": {"left": 4}}}"#, "assessment.kneeToWallCm.right", "required"),
        (#"{"age": 40, "assessment": {"singleLegSquatValgus": {"left": 1, "right": true}}}"#, "assessment.singleLegSquatValgus.left", "true or false"),
        (#"{"age": 40, "assessment": {"bridgeHoldSeconds": 900}}"#, "assessment.bridgeHoldSeconds", "0 to 600"),
        (#"{"age": 40, "assessment": {"itbandTight": true}}"#, "assessment.itbandTight", "did you mean 'itBandTight'"),
    ])
    func namesTheFieldOfEveryBadValue(json: String, field: String, words: String) {
        #expect(throws: ProfileError.self) { try Profile(jsonData: Data(json.utf8)) }
        do {
            _ = try Profile(jsonData: Data(json.utf8))
        } catch {
            #expect(error.field == field, "\(json)")
            #expect(error.message.contains("'\(field)'"), "\(error.message)")
            #expect(error.message.contains(words), "\(error.message)")
            #expect(error.exitCode == ExitStatus.data)
        }
    }

    @Test(arguments: ["", "not json", "[1, 2]", "42", #"{"age": 40"#])
    func rejectsWhatIsNotAProfileObject(text: String) {
        do {
            _ = try Profile(jsonData: Data(text.utf8))
            Issue.record("accepted \(text)")
        } catch {
            guard case .notJSON = error else {
                Issue.record("\(text): \(error)")
                return
            }
            #expect(error.message.hasPrefix("The profile is not valid JSON"))
            #expect(error.exitCode == ExitStatus.data)
        }
    }

    @Test func acceptsEnumValuesInAnyCaseAndDropsDuplicates() throws {
        let profile = try Profile(jsonData: Data(#"{"age": 40, "terrain": ["Hilly", "hilly"], "goal": "RACE"}"#.utf8))
        #expect(profile.terrain == [.hilly])
        #expect(profile.goal == .race)
    }

    @Test func readsAndWritesTheWarningSignsAddedForEveryRow() throws {
        let json = #"{"age": 58, "pain": {"level": 3, "calfPain": true, "breathless": false, "numbness": true, "numbnessSpreading": true, "coldFoot": true, "cannotBearWeight": true, "cannotBend": true, "bonyTenderness": true}}"#
        let profile = try Profile(jsonData: Data(json.utf8))
        let pain = try #require(profile.pain)
        #expect(pain.calfPain && !pain.breathless && pain.numbness && pain.numbnessSpreading && pain.coldFoot)
        #expect(pain.cannotBearWeight && pain.cannotBend && pain.bonyTenderness)
        let written = String(decoding: try JSONEncoder().encode(profile), as: UTF8.self)
        #expect(try Profile(jsonData: Data(written.utf8)) == profile)
        // Signs that are off are left out, so a profile without them is written as before.
        #expect(!written.contains("breathless"))
        #expect(!String(decoding: try JSONEncoder().encode(Profile(age: 40)), as: UTF8.self).contains("calfPain"))
    }
}
