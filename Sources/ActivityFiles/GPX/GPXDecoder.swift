import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Decodes GPX 1.0 and 1.1: tracks (segments kept apart), routes, and Garmin
/// `TrackPointExtension` heart rate and cadence under any namespace prefix.
///
/// Track points become samples. A file with no track points but routes gives the route
/// points instead (``ActivityRecording/PointKind/route``). Waypoints are ignored.
///
/// ```swift
/// let result = GPXDecoder.decode(Array(data))
/// ```
public enum GPXDecoder {
    /// Decodes GPX bytes.
    ///
    /// - Parameter bytes: the whole document (UTF-8).
    /// - Returns: one recording, or the error (``ActivityFileError``: `.empty`, `.malformedXML`,
    ///   `.entitiesRefused`, `.nestedTooDeep`, `.unexpectedRoot`, `.invalidValue`).
    public static func decode(_ bytes: [UInt8]) -> ActivityDecodeResult {
        guard !bytes.isEmpty else {
            return ActivityDecodeResult(recordings: [], error: .empty, bytesRead: 0, totalBytes: 0)
        }
        let delegate = GPXParserDelegate()
        let error = XMLDecoding.run(bytes, delegate: delegate)
        if let error {
            return ActivityDecodeResult(recordings: [], error: error, bytesRead: 0, totalBytes: bytes.count)
        }
        return ActivityDecodeResult(recordings: [delegate.finish()], error: nil,
                                    bytesRead: bytes.count, totalBytes: bytes.count)
    }
}

final class GPXParserDelegate: XMLActivityDelegate {
    private var sawRoot = false
    /// GPX 1.0 has no `trk/type`; a `<type>` there is not part of the format.
    private var isVersion10 = false
    private var creator: String?
    private var sport: String?
    private var trackName: String?
    private var trackSamples: [ActivitySample] = []
    private var trackSegments: [Int] = []
    private var routeSamples: [ActivitySample] = []
    private var routeSegments: [Int] = []
    private var trackDepth = 0
    private var routeDepth = 0
    private var pointDepth = 0
    private var extensionsDepth = 0
    private var isRoutePoint = false
    private var point = ActivitySample()

    func finish() -> ActivityRecording {
        var recording = ActivityRecording(format: .gpx)
        if trackSamples.isEmpty, !routeSamples.isEmpty {
            recording.samples = routeSamples
            recording.segmentStarts = routeSegments
            recording.pointKind = .route
        } else {
            recording.samples = trackSamples
            recording.segmentStarts = trackSegments
        }
        recording.sport = sport ?? ""
        recording.name = trackName
        if let creator, !creator.isEmpty { recording.device = ActivityDevice(product: creator) }
        return recording
    }

    override func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        guard enter(parser) else { return }
        if pointDepth > 0 {
            if extensionsDepth > 0 {
                isCapturing = true
                text = ""
            } else if name == "ele" || name == "time" {
                isCapturing = true
                text = ""
            } else if name == "extensions" {
                extensionsDepth = depth
            }
            return
        }
        switch name {
        case "trkpt", "rtept":
            let inTrack = trackDepth > 0 && name == "trkpt"
            let inRoute = routeDepth > 0 && name == "rtept"
            guard inTrack || inRoute else { return }
            isRoutePoint = inRoute
            pointDepth = depth
            point = ActivitySample()
            guard let latitude = number(parser, attribute: attributes["lat"], name),
                  let longitude = number(parser, attribute: attributes["lon"], name) else { return }
            guard (-90...90).contains(latitude), (-180...180).contains(longitude) else {
                fail(parser, .invalidValue(element: name, value: "lat=\(latitude) lon=\(longitude)", line: parser.lineNumber))
                return
            }
            point.latitude = latitude
            point.longitude = longitude
        case "trkseg":
            if trackDepth > 0 { trackSegments.append(trackSamples.count) }
        case "trk":
            trackDepth = depth
        case "rte":
            routeDepth = depth
            routeSegments.append(routeSamples.count)
        case "type", "name":
            if trackDepth > 0, depth == trackDepth + 1 {
                isCapturing = true
                text = ""
            }
        case "gpx":
            if depth == 1 {
                sawRoot = true
                creator = attributes["creator"]
                isVersion10 = attributes["version"] == "1.0"
            }
        default:
            if depth == 1 {
                fail(parser, .unexpectedRoot(element: name, expected: "gpx"))
            }
        }
    }

    override func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        defer { depth -= 1 }
        guard failure == nil else { return }
        if pointDepth > 0 {
            if depth == pointDepth {
                if isRoutePoint { routeSamples.append(point) } else { trackSamples.append(point) }
                pointDepth = 0
                isCapturing = false
                return
            }
            if extensionsDepth > 0 {
                if depth == extensionsDepth {
                    extensionsDepth = 0
                } else if isCapturing {
                    extensionValue(parser, name)
                }
                isCapturing = false
                return
            }
            if isCapturing {
                isCapturing = false
                if name == "ele" {
                    point.altitudeMeters = number(parser, name)
                } else if name == "time" {
                    point.time = time(parser, name)
                }
            }
            return
        }
        if isCapturing {
            isCapturing = false
            let value = String(text.trimmingXMLSpace())
            if name == "type", sport == nil, !isVersion10, !value.isEmpty { sport = value }
            if name == "name", trackName == nil, !value.isEmpty { trackName = value }
            return
        }
        if depth == trackDepth, name == "trk" { trackDepth = 0 }
        if depth == routeDepth, name == "rte" { routeDepth = 0 }
    }

    private func extensionValue(_ parser: XMLParser, _ name: String) {
        switch name.lowercased() {
        case "hr", "heartrate":
            if let value = XMLNumber.parse(text) { point.heartRate = value }
        case "cad", "cadence":
            if let value = XMLNumber.parse(text) { point.cadence = value }
        case "power":
            if let value = XMLNumber.parse(text) { point.powerWatts = value }
        default:
            break
        }
    }

    private func time(_ parser: XMLParser, _ element: String) -> Double? {
        if let value = XMLTime.parse(text) { return value }
        if text.trimmingXMLSpace().isEmpty { return nil }
        fail(parser, .invalidValue(element: element, value: String(text.trimmingXMLSpace()), line: parser.lineNumber))
        return nil
    }

    override func parserDidEndDocument(_ parser: XMLParser) {
        if !sawRoot, failure == nil { failure = .unexpectedRoot(element: "(none)", expected: "gpx") }
    }
}
