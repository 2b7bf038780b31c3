import ActivityFiles
import Testing

/// Hostile XML is refused before it can expand entities, fetch anything or recurse.
struct XMLSafetyTests {
    static let billionLaughs = """
        <?xml version="1.0"?>
        <!DOCTYPE lolz [
          <!ENTITY lol "lol">
          <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
          <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
          <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
          <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
          <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
          <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
          <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
          <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
        ]>
        <gpx version="1.1" creator="&lol9;"><trk><name>&lol9;</name></trk></gpx>
        """

    static let externalEntity = """
        <?xml version="1.0"?>
        <!-- a comment with <tags> before the DOCTYPE must not hide it -->
        <!DOCTYPE TrainingCenterDatabase [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
        <TrainingCenterDatabase><Activities><Activity Sport="&xxe;"/></Activities></TrainingCenterDatabase>
        """

    @Test(arguments: [(billionLaughs, ActivityFormat.gpx, 3), (externalEntity, .tcx, 3)])
    func refusesEntityDeclarations(document: String, format: ActivityFormat, line: Int) {
        let result = ActivityDecoder.decode(Array(document.utf8), format: format)
        #expect(result.error == .entitiesRefused(line: line))
        #expect(result.recordings.isEmpty)
    }

    @Test(arguments: [ActivityFormat.gpx, .tcx])
    func refusesDeepNesting(format: ActivityFormat) {
        let root = format == .gpx ? "gpx" : "TrainingCenterDatabase"
        let depth = 100_000
        let document = "<\(root)>" + String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth) + "</\(root)>"
        let result = ActivityDecoder.decode(Array(document.utf8), format: format)
        #expect(result.error == .nestedTooDeep(depth: 64, line: 1))
    }

    @Test func refusesUTF16BecauseItWouldHideDeclarationsFromTheCheck() {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "<gpx/>".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let result = GPXDecoder.decode(bytes)
        #expect(result.error == .malformedXML(line: 1, column: 1, reason: "UTF-16 and UTF-32 documents are not supported"))
    }

    @Test func reportsMalformedXMLWithLineAndColumn() {
        let document = "<gpx version=\"1.1\">\n<trk><trkseg>\n<trkpt lat=\"1\" lon=\"2\"></trkseg></gpx>"
        let result = GPXDecoder.decode(Array(document.utf8))
        guard case .malformedXML(let line, _, _)? = result.error else {
            Issue.record("expected malformedXML, got \(String(describing: result.error))")
            return
        }
        #expect(line == 3)
    }

    @Test(arguments: [("<kml/>", ActivityFormat.gpx, "kml", "gpx"), ("<gpx/>", .tcx, "gpx", "TrainingCenterDatabase")])
    func refusesTheWrongRoot(document: String, format: ActivityFormat, root: String, expected: String) {
        let result = ActivityDecoder.decode(Array(document.utf8), format: format)
        #expect(result.error == .unexpectedRoot(element: root, expected: expected))
    }

    @Test func refusesBytesThatAreNotUTF8() {
        let bytes = Array("<gpx>\n<trk><name>".utf8) + [0xFF, 0xFE] + Array("</name></trk></gpx>".utf8)
        #expect(GPXDecoder.decode(bytes).error == .malformedXML(line: 2, column: 1, reason: "invalid UTF-8 at byte 17"))
    }

    @Test func refusesUnsupportedEncodings() {
        let document = "<?xml version=\"1.0\" encoding=\"UTF-7\"?><TrainingCenterDatabase/>"
        #expect(TCXDecoder.decode(Array(document.utf8)).error
            == .malformedXML(line: 1, column: 1, reason: "unsupported encoding \"utf-7\""))
    }

    @Test func acceptsLatin1Documents() throws {
        let head = Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><gpx version=\"1.1\" creator=\"".utf8)
        let bytes = head + [0x4D, 0xFC, 0x6C, 0x6C, 0x65, 0x72] + Array("\"><trk><trkseg/></trk></gpx>".utf8)
        let result = GPXDecoder.decode(bytes)
        #expect(result.error == nil)
        #expect(result.recordings.first?.device?.product == "Müller")
    }

    @Test func refusesATruncatedDocument() {
        let result = GPXDecoder.decode(Array("<gpx version=\"1.1\"><trk><trkseg>".utf8))
        guard case .malformedXML? = result.error else {
            Issue.record("expected malformedXML, got \(String(describing: result.error))")
            return
        }
    }

    @Test(arguments: ["<gpx><?pi?></gpx>", "<gpx>\n<?pi   ?></gpx>", "<?<?xp?><gpx/>"])
    func refusesProcessingInstructionsWithoutData(document: String) {
        let line = document.contains("\n") ? 2 : 1
        #expect(GPXDecoder.decode(Array(document.utf8)).error
            == .malformedXML(line: line, column: 1, reason: "a processing instruction without data"))
    }
}
