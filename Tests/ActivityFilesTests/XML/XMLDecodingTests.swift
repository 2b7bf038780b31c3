@testable import ActivityFiles
import Testing

/// The XML decoders read documents of any size up to the member limit.
struct XMLDecodingTests {
    @Test func readsADocumentOverLibxml2sTenMillionByteLookupLimit() {
        // Handed over whole, libxml2 refused such a document at its end ("the XML parser failed inside").
        let gpx = TestZip.gpx(points: 120_000)
        #expect(gpx.count > 10_000_000)
        let result = GPXDecoder.decode(gpx)
        #expect(result.error == nil)
        #expect(result.recordings.first?.samples.count == 120_000)
    }
}
