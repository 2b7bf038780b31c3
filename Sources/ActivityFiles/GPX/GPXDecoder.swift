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
        switch XMLDecoding.run(bytes, as: GPXState.self) {
        case .failure(let error):
            return ActivityDecodeResult(recordings: [], error: error, bytesRead: 0, totalBytes: bytes.count)
        case .success(let state):
            return ActivityDecodeResult(recordings: [state.finish()], error: nil,
                                        bytesRead: bytes.count, totalBytes: bytes.count)
        }
    }
}

struct GPXState: XMLActivityState {
    var failure: ActivityFileError?
    var hasFailed = false
    var isCapturing = false
    var text = ""
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

    init() {}

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

    mutating func start(_ name: XMLName, attributes: [String: String], depth: Int, parser: XMLParser) {
        if pointDepth > 0 {
            if extensionsDepth > 0 || name.is("ele") || name.is("time") {
                capture()
            } else if name.is("extensions") {
                extensionsDepth = depth
            }
            return
        }
        if name.is("trkpt") || name.is("rtept") {
            let inTrack = trackDepth > 0 && name.is("trkpt")
            let inRoute = routeDepth > 0 && name.is("rtept")
            guard inTrack || inRoute else { return }
            isRoutePoint = inRoute
            pointDepth = depth
            point = ActivitySample()
            // Two attributes at most in practice: a scan beats hashing the keys.
            var latitudeText: String?, longitudeText: String?
            for (key, value) in attributes {
                if key == "lat" { latitudeText = value } else if key == "lon" { longitudeText = value }
            }
            guard let latitude = number(attribute: latitudeText, name, parser),
                  let longitude = number(attribute: longitudeText, name, parser) else { return }
            guard (-90...90).contains(latitude), (-180...180).contains(longitude) else {
                fail(.invalidValue(element: name.string, value: "lat=\(latitude) lon=\(longitude)", line: parser.lineNumber))
                return
            }
            point.latitude = latitude
            point.longitude = longitude
        } else if name.is("trkseg") {
            if trackDepth > 0 { trackSegments.append(trackSamples.count) }
        } else if name.is("trk") {
            trackDepth = depth
        } else if name.is("rte") {
            routeDepth = depth
            routeSegments.append(routeSamples.count)
        } else if name.is("type") || name.is("name") {
            if trackDepth > 0, depth == trackDepth + 1 { capture() }
        } else if name.is("gpx") {
            if depth == 1 {
                sawRoot = true
                creator = attributes["creator"]
                isVersion10 = attributes["version"] == "1.0"
            }
        } else if depth == 1 {
            fail(.unexpectedRoot(element: name.string, expected: "gpx"))
        }
    }

    mutating func end(_ name: XMLName, depth: Int, parser: XMLParser) {
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
                    extensionValue(name)
                }
                isCapturing = false
                return
            }
            if isCapturing {
                isCapturing = false
                if name.is("ele") {
                    point.altitudeMeters = number(name, parser)
                } else if name.is("time") {
                    point.time = time(name, parser)
                }
            }
            return
        }
        if isCapturing {
            isCapturing = false
            let value = String(text.trimmingXMLSpace())
            if name.is("type"), sport == nil, !isVersion10, !value.isEmpty { sport = value }
            if name.is("name"), trackName == nil, !value.isEmpty { trackName = value }
            return
        }
        if depth == trackDepth, name.is("trk") { trackDepth = 0 }
        if depth == routeDepth, name.is("rte") { routeDepth = 0 }
    }

    private mutating func extensionValue(_ name: XMLName) {
        // Names compared without case (hr, HR, heartrate, HeartRate, cad, Cadence, power…).
        if name.isIgnoringCase("hr") || name.isIgnoringCase("heartrate") {
            if let value = XMLNumber.parse(text) { point.heartRate = value }
        } else if name.isIgnoringCase("cad") || name.isIgnoringCase("cadence") {
            if let value = XMLNumber.parse(text) { point.cadence = value }
        } else if name.isIgnoringCase("power") {
            if let value = XMLNumber.parse(text) { point.powerWatts = value }
        }
    }
}
