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
        switch XMLDecoding.run(bytes, as: TCXState.self) {
        case .failure(let error):
            return ActivityDecodeResult(recordings: [], error: error, bytesRead: 0, totalBytes: bytes.count)
        case .success(let state):
            return ActivityDecodeResult(recordings: [state.finish()], error: nil,
                                        bytesRead: bytes.count, totalBytes: bytes.count)
        }
    }
}

/// The TCX elements the decoder cares about, classified once per element; the rest are `.other`.
enum TCXElement: UInt8 {
    case root, activities, activity, courses, course, lap, track, trackpoint, position
    case heartRate, creator, author, extensions
    case time, latitude, longitude, altitude, distance, value, cadence, runCadence, speed, watts
    case totalTime, name, id
    case other

    init(_ name: XMLName) {
        switch name.count {
        case 2: self = name.is("Id") ? .id : .other
        case 3: self = name.is("Lap") ? .lap : .other
        case 4: self = name.is("Time") ? .time : name.is("Name") ? .name : .other
        case 5: self = name.is("Track") ? .track : name.is("Value") ? .value : name.is("Speed") ? .speed : name.is("Watts") ? .watts : .other
        case 6: self = name.is("Course") ? .course : name.is("Author") ? .author : .other
        case 7: self = name.is("Cadence") ? .cadence : name.is("Creator") ? .creator : name.is("Courses") ? .courses : .other
        case 8: self = name.is("Position") ? .position : name.is("Activity") ? .activity : .other
        case 10: self = name.is("Trackpoint") ? .trackpoint : name.is("Activities") ? .activities : name.is("Extensions") ? .extensions : name.is("RunCadence") ? .runCadence : .other
        case 12: self = name.is("HeartRateBpm") ? .heartRate : .other
        case 14: self = name.is("AltitudeMeters") ? .altitude : name.is("DistanceMeters") ? .distance : .other
        case 15: self = name.is("LatitudeDegrees") ? .latitude : .other
        case 16: self = name.is("LongitudeDegrees") ? .longitude : name.is("TotalTimeSeconds") ? .totalTime : .other
        case 22: self = name.is("TrainingCenterDatabase") ? .root : .other
        default: self = .other
        }
    }
}

struct TCXState: XMLActivityState {
    var failure: ActivityFileError?
    var hasFailed = false
    var isCapturing = false
    var text = ""
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
    /// Courses (`Courses/Course`) met: a file of courses alone is a planned route.
    private var courses = 0

    init() {
        stack.reserveCapacity(16)
    }

    func finish() -> ActivityRecording {
        var recording = self.recording
        recording.sport = sports.filter { !$0.isEmpty }.joined(separator: "+")
        if sports.isEmpty, courses > 0 { recording.fileType = "course" }
        if let creatorName {
            recording.device = ActivityDevice(product: creatorName)
        } else if let authorName {
            recording.device = ActivityDevice(product: "author: " + authorName)
        }
        return recording
    }

    private var parent: TCXElement { stack.count >= 2 ? stack[stack.count - 2] : .other }
    private var grandparent: TCXElement { stack.count >= 3 ? stack[stack.count - 3] : .other }

    mutating func start(_ name: XMLName, attributes: [String: String], depth: Int, parser: XMLParser) {
        let element = TCXElement(name)
        stack.append(element)
        if inTrackpoint {
            switch element {
            case .time, .latitude, .longitude, .altitude, .distance, .value, .cadence, .runCadence, .speed, .watts:
                capture()
            default:
                break
            }
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
        case .course:
            if parent == .courses { courses += 1 }
        case .totalTime, .distance, .name, .id:
            switch parent {
            case .lap, .creator, .author, .activity, .course: capture()
            default: break
            }
        default:
            break
        }
        if stack.count == 1, element != .root {
            fail(.unexpectedRoot(element: name.string, expected: "TrainingCenterDatabase"))
        }
    }

    mutating func end(_ name: XMLName, depth: Int, parser: XMLParser) {
        defer { if !stack.isEmpty { stack.removeLast() } }
        guard let element = stack.last else { return }
        if inTrackpoint {
            if element == .trackpoint {
                inTrackpoint = false
                point.cadence = pointCadence ?? pointRunCadence
                recording.samples.append(point)
                return
            }
            guard isCapturing else { return }
            isCapturing = false
            trackpointLeaf(element, name, parser)
            return
        }
        if element == .lap, parent == .activity || parent == .course {
            recording.laps.append(lap)
            return
        }
        guard isCapturing else { return }
        isCapturing = false
        switch (element, parent) {
        case (.totalTime, .lap): lap.timerSeconds = number(name, parser)
        case (.distance, .lap): lap.distanceMeters = number(name, parser)
        case (.name, .creator):
            if creatorName == nil, grandparent == .activity {
                let value = String(text.trimmingXMLSpace())
                if !value.isEmpty { creatorName = value }
            }
        case (.name, .author):
            if authorName == nil, grandparent == .root {
                let value = String(text.trimmingXMLSpace())
                if !value.isEmpty { authorName = value }
            }
        case (.name, .course), (.id, .activity):
            if recording.name == nil {
                let value = String(text.trimmingXMLSpace())
                if !value.isEmpty { recording.name = value }
            }
        default:
            break
        }
    }

    private mutating func trackpointLeaf(_ element: TCXElement, _ name: XMLName, _ parser: XMLParser) {
        let up = parent
        switch element {
        case .time where up == .trackpoint:
            point.time = time(name, parser)
        case .latitude where up == .position:
            point.latitude = number(name, parser)
            if let latitude = point.latitude, !(-90...90).contains(latitude) {
                fail(.invalidValue(element: name.string, value: String(latitude), line: parser.lineNumber))
            }
        case .longitude where up == .position:
            point.longitude = number(name, parser)
            if let longitude = point.longitude, !(-180...180).contains(longitude) {
                fail(.invalidValue(element: name.string, value: String(longitude), line: parser.lineNumber))
            }
        case .altitude where up == .trackpoint:
            point.altitudeMeters = number(name, parser)
        case .distance where up == .trackpoint:
            point.distanceMeters = number(name, parser)
        case .value where up == .heartRate:
            point.heartRate = number(name, parser)
        case .cadence where up == .trackpoint:
            pointCadence = number(name, parser)
        case .runCadence:
            if pointRunCadence == nil { pointRunCadence = XMLNumber.parse(text) }
        case .speed:
            if let value = XMLNumber.parse(text) { point.speedMetersPerSecond = value }
        case .watts:
            if let value = XMLNumber.parse(text) { point.powerWatts = value }
        default:
            break
        }
    }
}
