@testable import ActivityFiles
import Testing

/// Every XML error is said in words, never as a bare libxml2 number (issue 14, item 10).
struct XMLParserErrorsTests {
    static let documents: [(String, String)] = [
        ("<?xml encoding=\"UTF-8\"?><gpx version=\"1.1\"></gpx>", "the XML declaration has no version"),
        ("<gpx version=\"1.1\"><trk></gpx>", "the closing tag does not match the opening tag"),
        ("<gpx version=\"1.1\" version=\"1.0\"></gpx>", "an attribute given twice in one element"),
        ("<gpx version=\"1.1\"><!-- a -- b --></gpx>", "'--' inside a comment"),
    ]

    @Test(arguments: documents)
    func aMalformedDocumentIsDescribed(document: String, words: String) {
        let error = GPXDecoder.decode(Array(document.utf8)).error
        guard case .malformedXML(_, _, let reason)? = error else {
            Issue.record("expected malformedXML, got \(String(describing: error))")
            return
        }
        #expect(reason.hasPrefix(words), "\(reason)")
        #expect(error?.problem.contains("error ") == false)
    }

    @Test func everyNumberLibxml2UsesForADocumentHasWords() {
        // xmlParserErrors 1-111 (but 93, a catalog warning) and the namespace errors.
        for code in Array(1...111).filter({ $0 != 93 }) + [201, 202] {
            #expect(XMLParserErrors.reasons[code] != nil, "no words for libxml2 error \(code)")
        }
    }
}
