import Foundation

extension ActivityRecording {
    /// Mean Earth radius in metres (IUGG), used for haversine distances.
    public static let earthRadiusMeters = 6_371_000.0
    /// The hysteresis of the smoothed elevation gain and loss: a climb or descent counts only
    /// once the elevation has moved this far from the last level counted.
    public static let smoothingThresholdMeters = 3.0

    /// Summarises the recording.
    ///
    /// - Elapsed: FIT, max − min of sample times; GPX and TCX, last − first timed point.
    /// - Distance from positions: haversine (R = 6,371 km) between consecutive positioned
    ///   samples, never across a segment start.
    /// - Gain and loss: raw sums of positive and negative steps between consecutive known
    ///   elevations; the smoothed variant uses ``smoothingThresholdMeters`` of hysteresis.
    /// - Cadence and heart rate: means of the non-zero values.
    /// - Returns: the summary.
    public func summary() -> ActivitySummary {
        var minTime = Double.infinity, maxTime = -Double.infinity
        var firstTime: Double?, lastTime: Double?
        var heartSum = 0.0, heartCount = 0
        var cadenceSum = 0.0, cadenceCount = 0
        var gain = 0.0, loss = 0.0, previousAltitude: Double?
        var smoothGain = 0.0, smoothLoss = 0.0, level: Double?
        for sample in samples {
            if let time = sample.time {
                if firstTime == nil { firstTime = time }
                lastTime = time
                minTime = min(minTime, time)
                maxTime = max(maxTime, time)
            }
            if let heart = sample.heartRate, heart > 0 { heartSum += heart; heartCount += 1 }
            if let cadence = sample.cadence, cadence > 0 { cadenceSum += cadence; cadenceCount += 1 }
            if let altitude = sample.altitudeMeters {
                if let previous = previousAltitude {
                    let step = altitude - previous
                    if step > 0 { gain += step } else { loss -= step }
                }
                previousAltitude = altitude
                if let current = level {
                    if altitude - current >= Self.smoothingThresholdMeters {
                        smoothGain += altitude - current
                        level = altitude
                    } else if current - altitude >= Self.smoothingThresholdMeters {
                        smoothLoss += current - altitude
                        level = altitude
                    }
                } else {
                    level = altitude
                }
            }
        }
        let hasTimes = firstTime != nil
        var start: Double?
        var elapsed: Double?
        if hasTimes {
            if format == .fit {
                start = minTime
                elapsed = maxTime - minTime
            } else if let firstTime, let lastTime {
                start = firstTime
                elapsed = lastTime - firstTime
            }
        }
        if hasDeviceRelativeTimes { start = nil }
        let hasAltitude = previousAltitude != nil
        let averageCadence = cadenceCount > 0 ? cadenceSum / Double(cadenceCount) : nil
        var timer: Double?
        var distance: Double?
        switch format {
        case .fit:
            timer = sum(sessions.map(\.timerSeconds))
            distance = sum(sessions.map(\.distanceMeters))
        case .tcx:
            timer = sum(laps.map(\.timerSeconds))
            distance = sum(laps.map(\.distanceMeters))
        case .gpx:
            break
        }
        let isTimerComputed = timer == nil
        if timer == nil { timer = movingSeconds() }
        return ActivitySummary(
            format: format,
            sport: sport,
            device: device?.label ?? "",
            startSeconds: start,
            elapsedSeconds: elapsed,
            timerSeconds: timer,
            isTimerComputed: isTimerComputed,
            distanceMeters: distance,
            computedDistanceMeters: computedDistanceMeters(),
            elevationGainMeters: hasAltitude ? gain : nil,
            elevationLossMeters: hasAltitude ? loss : nil,
            smoothedElevationGainMeters: hasAltitude ? smoothGain : nil,
            smoothedElevationLossMeters: hasAltitude ? smoothLoss : nil,
            averageCadenceSpm: averageCadence.flatMap { FootSports.contains(sport) ? 2 * $0 : nil },
            averageCadence: averageCadence,
            averageHeartRate: heartCount > 0 ? heartSum / Double(heartCount) : nil,
            records: samples.count,
            laps: laps.count
        )
    }

    /// Haversine distance along the positioned samples, within segments; `nil` without positions.
    public func computedDistanceMeters() -> Double? {
        var total = 0.0
        var hasPosition = false
        var segmentIndex = 0
        var previous: (Double, Double)?
        for (index, sample) in samples.enumerated() {
            while segmentIndex < segmentStarts.count, segmentStarts[segmentIndex] <= index {
                if segmentStarts[segmentIndex] == index { previous = nil }
                segmentIndex += 1
            }
            guard let latitude = sample.latitude, let longitude = sample.longitude else { continue }
            hasPosition = true
            if let (lat0, lon0) = previous {
                total += Self.haversine(lat0, lon0, latitude, longitude)
            }
            previous = (latitude, longitude)
        }
        return hasPosition ? total : nil
    }

    /// Great-circle distance in metres between two points given in degrees.
    public static func haversine(_ lat1: Double, _ lon1: Double, _ lat2: Double, _ lon2: Double) -> Double {
        let radians = Double.pi / 180
        let p1 = lat1 * radians, p2 = lat2 * radians
        let dPhi = p2 - p1
        let dLambda = (lon2 - lon1) * radians
        let a = sin(dPhi / 2) * sin(dPhi / 2) + cos(p1) * cos(p2) * sin(dLambda / 2) * sin(dLambda / 2)
        return 2 * earthRadiusMeters * asin(min(1, a.squareRoot()))
    }

    /// Moving time when the file gives no timer: the sum of gaps of at most 30 s between
    /// consecutive timed samples in which the runner covered at least 0.5 m/s (or, without
    /// positions, every such gap).
    func movingSeconds() -> Double? {
        var total = 0.0
        var previous: ActivitySample?
        var counted = false
        for sample in samples {
            guard let time = sample.time else { continue }
            if let last = previous, let lastTime = last.time {
                let gap = time - lastTime
                if gap > 0, gap <= 30 {
                    if let la = last.latitude, let lo = last.longitude, let lb = sample.latitude, let lob = sample.longitude {
                        if Self.haversine(la, lo, lb, lob) / gap >= 0.5 { total += gap }
                    } else {
                        total += gap
                    }
                    counted = true
                }
            }
            previous = sample
        }
        return counted ? total : nil
    }
}

private func sum(_ values: [Double?]) -> Double? {
    let known = values.compactMap { $0 }
    return known.isEmpty ? nil : known.reduce(0, +)
}
