import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Decodes Garmin Training Center XML: activities, laps, tracks and courses.
///
/// Each `<Track>` is a segment. Trackpoint cadence comes from `<Cadence>` or, for Garmin
/// runs, from the `RunCadence` extension (strides per minute, as stored).
///
/// ```swift
/// let result = TCXDecoder.decode(Array(data))
/// ```
public enum TCXDecoder {
    /// Decodes TCX bytes.
    ///
    /// - Parameter bytes: the whole document (UTF-8).
    /// - Returns: one recording, or the error (``ActivityFileError``: `.empty`, `.malformedXML`,
    ///   `.entitiesRefused`, `.nestedTooDeep`, `.unexpectedRoot`, `.invalidValue`).
    public static func decode(_ bytes: [UInt8]) -> ActivityDecodeResult {
        guard !bytes.isEmpty else {
            return ActivityDecodeResult(recordings: [], error: .empty, bytesRead: 0, totalBytes: 0)
        }
        let delegate = TCXParserDelegate()
        if let error = XMLDecoding.run(bytes, delegate: delegate) {
            return ActivityDecodeResult(recordings: [], error: error, bytesRead: 0, totalBytes: bytes.count)
        }
        return ActivityDecodeResult(recordings: [delegate.finish()], error: nil,
                                    bytesRead: bytes.count, totalBytes: bytes.count)
    }
}

/// The TCX elements the decoder cares about; everything else is `.other`.
private enum TCXElement: UInt8 {
    case root, activities, activity, courses, course, lap, track, trackpoint, position
    case heartRate, creator, author, extensions, other

    init(_ name: String) {
        switch name {
        case "Trackpoint": self = .trackpoint
        case "Position": self = .position
        case "HeartRateBpm": self = .heartRate
        case "Track": self = .track
        case "Lap": self = .lap
        case "Extensions": self = .extensions
        case "Activity": self = .activity
        case "Activities": self = .activities
        case "Course": self = .course
        case "Courses": self = .courses
        case "Creator": self = .creator
        case "Author": self = .author
        case "TrainingCenterDatabase": self = .root
        default: self = .other
        }
    }
}

final class TCXParserDelegate: XMLActivityDelegate {
    private var stack: [TCXElement] = []
    private var recording = ActivityRecording(format: .tcx)
    private var sports: [String] = []
    private var creatorName: String?
    private var authorName: String?
    private var lap = ActivityLap()
    private var point = ActivitySample()
    private var pointCadence: Double?
    private var pointRunCadence: Double?
    private var inTrackpoint = false

    func finish() -> ActivityRecording {
        recording.sport = sports.filter { !$0.isEmpty }.joined(separator: "+")
        if let creatorName {
            recording.device = ActivityDevice(product: creatorName)
        } else if let authorName {
            recording.device = ActivityDevice(product: "author: " + authorName)
        }
        return recording
    }

    private var parent: TCXElement { stack.count >= 2 ? stack[stack.count - 2] : .other }
    private var grandparent: TCXElement { stack.count >= 3 ? stack[stack.count - 3] : .other }

    override func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        guard enter(parser) else { return }
        let element = TCXElement(name)
        stack.append(element)
        if inTrackpoint {
            // Leaves inside a trackpoint: Time, AltitudeMeters, DistanceMeters, Cadence,
            // LatitudeDegrees, LongitudeDegrees, Value (heart rate), RunCadence, Speed.
            if element == .other { isCapturing = true; text = "" }
            return
        }
        switch element {
        case .trackpoint:
            if parent == .track {
                inTrackpoint = true
                point = ActivitySample()
                pointCadence = nil
                pointRunCadence = nil
            }
        case .track:
            if parent == .lap || parent == .course { recording.segmentStarts.append(recording.samples.count) }
        case .lap:
            if parent == .activity || parent == .course {
                lap = ActivityLap()
                lap.startTime = attributes["StartTime"].flatMap(XMLTime.parse)
            }
        case .activity:
            if parent == .activities { sports.append(attributes["Sport"] ?? "") }
        case .root:
            break
        case .other:
            if stack.count == 1 {
                fail(parser, .unexpectedRoot(element: name, expected: "TrainingCenterDatabase"))
                return
            }
            switch parent {
            case .lap, .creator, .author, .activity, .course:
                isCapturing = true
                text = ""
            default:
                break
            }
        default:
            if stack.count == 1 {
                fail(parser, .unexpectedRoot(element: name, expected: "TrainingCenterDatabase"))
            }
        }
    }

    override func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        defer {
            depth -= 1
            if !stack.isEmpty { stack.removeLast() }
        }
        guard failure == nil, let element = stack.last else { return }
        if inTrackpoint {
            if element == .trackpoint {
                inTrackpoint = false
                point.cadence = pointCadence ?? pointRunCadence
                recording.samples.append(point)
                return
            }
            guard isCapturing else { return }
            isCapturing = false
            trackpointLeaf(parser, name)
            return
        }
        if element == .lap, parent == .activity || parent == .course {
            recording.laps.append(lap)
            return
        }
        guard isCapturing else { return }
        isCapturing = false
        switch (name, parent) {
        case ("TotalTimeSeconds", .lap): lap.timerSeconds = number(parser, name)
        case ("DistanceMeters", .lap): lap.distanceMeters = number(parser, name)
        case ("Name", .creator):
            if creatorName == nil, grandparent == .activity {
                let value = String(text.trimmingXMLSpace())
                if !value.isEmpty { creatorName = value }
            }
        case ("Name", .author):
            if authorName == nil, grandparent == .root {
                let value = String(text.trimmingXMLSpace())
                if !value.isEmpty { authorName = value }
            }
        case ("Name", .course), ("Id", .activity):
            if recording.name == nil {
                let value = String(text.trimmingXMLSpace())
                if !value.isEmpty { recording.name = value }
            }
        default:
            break
        }
    }

    private func trackpointLeaf(_ parser: XMLParser, _ name: String) {
        let up = parent
        switch name {
        case "Time" where up == .trackpoint:
            if let value = XMLTime.parse(text) {
                point.time = value
            } else if !text.trimmingXMLSpace().isEmpty {
                fail(parser, .invalidValue(element: name, value: String(text.trimmingXMLSpace()), line: parser.lineNumber))
            }
        case "LatitudeDegrees" where up == .position:
            point.latitude = number(parser, name)
            if let latitude = point.latitude, !(-90...90).contains(latitude) {
                fail(parser, .invalidValue(element: name, value: String(latitude), line: parser.lineNumber))
            }
        case "LongitudeDegrees" where up == .position:
            point.longitude = number(parser, name)
            if let longitude = point.longitude, !(-180...180).contains(longitude) {
                fail(parser, .invalidValue(element: name, value: String(longitude), line: parser.lineNumber))
            }
        case "AltitudeMeters" where up == .trackpoint:
            point.altitudeMeters = number(parser, name)
        case "DistanceMeters" where up == .trackpoint:
            point.distanceMeters = number(parser, name)
        case "Value" where up == .heartRate:
            point.heartRate = number(parser, name)
        case "Cadence" where up == .trackpoint:
            pointCadence = number(parser, name)
        case "RunCadence":
            if pointRunCadence == nil { pointRunCadence = XMLNumber.parse(text) }
        case "Speed":
            if let value = XMLNumber.parse(text) { point.speedMetersPerSecond = value }
        case "Watts":
            if let value = XMLNumber.parse(text) { point.powerWatts = value }
        default:
            break
        }
    }
}
