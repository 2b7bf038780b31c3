/// Turning data messages into samples, laps, sessions, events and the device.
extension FITPartDecoder {
    // Field values arrive as Double from whatever base type the file declares (a hostile
    // file may declare a signed or floating type); enums and times go through
    // UInt32(exactly:), which refuses negatives, fractions and out-of-range values.

    /// Converts a FIT `date_time` to seconds since 1970, or device-relative seconds.
    @inline(__always)
    mutating func time(_ raw: UInt32) -> Double {
        if raw >= FITDecoder.minimumAbsoluteTime { return Double(raw) + FITDecoder.epochOffset }
        recording.hasDeviceRelativeTimes = true
        return Double(raw)
    }

    @inline(__always)
    func number(_ field: FITFieldPlan, _ base: Int, _ bigEndian: Bool) -> Double? {
        Self.number(bytes, field, base, bigEndian)
    }

    @inline(__always)
    static func number(_ bytes: UnsafeRawBufferPointer, _ field: FITFieldPlan, _ base: Int, _ bigEndian: Bool) -> Double? {
        guard field.isScalar else { return nil }
        return FITBaseType.number(bytes, at: base + field.offset, baseType: field.baseType, bigEndian: bigEndian)
    }

    /// Decodes the data message whose fields start at `base`.
    mutating func decodeData(_ definition: FITDefinition, at base: Int, compressedTimestamp: UInt32?) {
        var timestamp = compressedTimestamp
        if definition.timestampOffset >= 0 {
            let raw = FITBaseType.u32(bytes, base + definition.timestampOffset, definition.isBigEndian)
            if raw != 0xFFFF_FFFF {
                lastTimestamp = raw
                timestamp = raw
            }
        }
        switch definition.globalMessage {
        case FITMessage.record:
            decodeRecord(definition, at: base, timestamp: timestamp)
        case FITMessage.session:
            decodeSession(definition, at: base)
        case FITMessage.lap:
            decodeLap(definition, at: base)
        case FITMessage.event:
            decodeEvent(definition, at: base, timestamp: timestamp)
        case FITMessage.fileID:
            decodeFileID(definition, at: base)
        case FITMessage.deviceInfo:
            decodeDeviceInfo(definition, at: base)
        case FITMessage.activity:
            decodeActivity(definition, at: base, timestamp: timestamp)
        case FITMessage.sport:
            decodeSport(definition, at: base)
        default:
            break
        }
    }

    private mutating func decodeRecord(_ definition: FITDefinition, at base: Int, timestamp: UInt32?) {
        var sample = ActivitySample()
        if let timestamp { sample.time = time(timestamp) }
        let bytes = self.bytes
        let big = definition.isBigEndian
        var altitude: Double?
        var enhancedAltitude: Double?
        var speed: Double?
        var enhancedSpeed: Double?
        var cadence: Double?
        var fraction: Double?
        var latitude: Double?
        var longitude: Double?
        var dynamics = RunningDynamics()
        for field in definition.fields {
            if field.target == .compressedSpeedDistance {
                decodeCompressedSpeedDistance(field, base, &sample, &speed)
                continue
            }
            guard let value = Self.number(bytes, field, base, big) else { continue }
            switch field.target {
            case .latitude: latitude = value
            case .longitude: longitude = value
            case .altitude: altitude = value / 5 - 500
            case .enhancedAltitude: enhancedAltitude = value / 5 - 500
            case .heartRate: sample.heartRate = value
            case .cadence: cadence = value
            case .fractionalCadence: fraction = value / 128
            case .distance: sample.distanceMeters = value / 100
            case .speed: speed = value / 1000
            case .enhancedSpeed: enhancedSpeed = value / 1000
            case .power: sample.powerWatts = value
            case .verticalOscillation: dynamics.verticalOscillationMillimeters = value / 10
            case .stanceTime: dynamics.stanceTimeMilliseconds = value / 10
            case .verticalRatio: dynamics.verticalRatioPercent = value / 100
            case .stanceTimeBalance: dynamics.stanceTimeBalancePercent = value / 100
            case .stepLength: dynamics.stepLengthMillimeters = value / 10
            default: break
            }
        }
        if let latitude, let longitude {
            sample.latitude = latitude * (180.0 / 2_147_483_648.0)
            sample.longitude = longitude * (180.0 / 2_147_483_648.0)
        }
        sample.altitudeMeters = enhancedAltitude ?? altitude
        sample.speedMetersPerSecond = enhancedSpeed ?? speed
        if let cadence { sample.cadence = cadence + (fraction ?? 0) }
        if !dynamics.isEmpty { sample.dynamics = dynamics }
        appendSample(sample)
    }

    @inline(__always)
    private mutating func appendSample(_ sample: ActivitySample) {
        recording.samples.append(sample)
    }

    /// `compressed_speed_distance`: three bytes holding a 12-bit speed (1/100 m/s) and a
    /// 12-bit rolling distance (1/16 m) that accumulates across records.
    private mutating func decodeCompressedSpeedDistance(
        _ field: FITFieldPlan, _ base: Int, _ sample: inout ActivitySample, _ speed: inout Double?
    ) {
        guard field.size >= 3 else { return }
        let offset = base + field.offset
        let b0 = UInt32(bytes[offset]), b1 = UInt32(bytes[offset + 1]), b2 = UInt32(bytes[offset + 2])
        if b0 == 0xFF, b1 == 0xFF, b2 == 0xFF { return }
        let rawSpeed = b0 | ((b1 & 0x0F) << 8)
        let rawDistance = (b1 >> 4) | (b2 << 4)
        speed = Double(rawSpeed) / 100
        if hasAccumulatedDistance {
            let last = accumulatedDistance & 0xFFF
            accumulatedDistance &+= (rawDistance &- last) & 0xFFF
        } else {
            accumulatedDistance = rawDistance
            hasAccumulatedDistance = true
        }
        sample.distanceMeters = Double(accumulatedDistance) / 16
    }

    private mutating func decodeSession(_ definition: FITDefinition, at base: Int) {
        var session = ActivitySession()
        let big = definition.isBigEndian
        var cadence: Double?
        var fraction: Double?
        for field in definition.fields {
            guard let value = number(field, base, big) else { continue }
            switch field.target {
            case .startTime: session.startTime = UInt32(exactly: value).map { time($0) }
            case .sport: session.sport = UInt32(exactly: value).map(FITProfile.sport) ?? String(value)
            case .subSport: session.subSport = UInt32(exactly: value).map(FITProfile.subSport) ?? String(value)
            case .elapsedTime: session.elapsedSeconds = value / 1000
            case .timerTime: session.timerSeconds = value / 1000
            case .totalDistance: session.distanceMeters = value / 100
            case .averageHeartRate: session.averageHeartRate = value
            case .averageCadence: cadence = value
            case .averageFractionalCadence: fraction = value / 128
            case .totalAscent: session.ascentMeters = value
            case .totalDescent: session.descentMeters = value
            default: break
            }
        }
        if let cadence { session.averageCadence = cadence + (fraction ?? 0) }
        recording.sessions.append(session)
    }

    private mutating func decodeLap(_ definition: FITDefinition, at base: Int) {
        var lap = ActivityLap()
        let big = definition.isBigEndian
        for field in definition.fields {
            guard let value = number(field, base, big) else { continue }
            switch field.target {
            case .startTime: lap.startTime = UInt32(exactly: value).map { time($0) }
            case .elapsedTime: lap.elapsedSeconds = value / 1000
            case .timerTime: lap.timerSeconds = value / 1000
            case .totalDistance: lap.distanceMeters = value / 100
            case .averageHeartRate: lap.averageHeartRate = value
            case .averageCadence: lap.averageCadence = value
            case .totalAscent: lap.ascentMeters = value
            case .totalDescent: lap.descentMeters = value
            default: break
            }
        }
        recording.laps.append(lap)
    }

    private mutating func decodeEvent(_ definition: FITDefinition, at base: Int, timestamp: UInt32?) {
        var event: Double?
        var type: Double?
        for field in definition.fields {
            guard let value = number(field, base, definition.isBigEndian) else { continue }
            if field.target == .eventKind { event = value } else if field.target == .eventType { type = value }
        }
        // event 0 is the timer; event_type 0 start, 1 stop, 4 stop_all (8, 9: stop and disable).
        guard event == 0, let type else { return }
        let kind: ActivityTimerEvent.Kind
        switch type {
        case 0: kind = .start
        case 1, 8: kind = .stop
        case 4, 9: kind = .stopAll
        default: kind = .other
        }
        recording.timerEvents.append(ActivityTimerEvent(time: timestamp.map { time($0) }, kind: kind))
    }

    private mutating func decodeFileID(_ definition: FITDefinition, at base: Int) {
        for field in definition.fields {
            if field.target == .productName {
                if fileIDProductName == nil,
                   let name = FITBaseType.string(bytes, at: base + field.offset, size: field.size) {
                    fileIDProductName = name
                }
                continue
            }
            guard let value = number(field, base, definition.isBigEndian) else { continue }
            switch field.target {
            case .fileType: if recording.fileType == nil { recording.fileType = UInt32(exactly: value).map(FITProfile.fileType) }
            case .manufacturer: if fileIDManufacturer == nil { fileIDManufacturer = UInt32(exactly: value) }
            case .product: if fileIDProduct == nil { fileIDProduct = UInt32(exactly: value) }
            case .serialNumber: if fileIDSerial == nil { fileIDSerial = UInt32(exactly: value) }
            default: break
            }
        }
    }

    /// `device_info`: the watch and its sensors (heart-rate strap, foot pod, power meter),
    /// each kept once.
    private mutating func decodeDeviceInfo(_ definition: FITDefinition, at base: Int) {
        var manufacturer: UInt32?, product: UInt32?, serial: UInt32?, name: String?
        for field in definition.fields {
            if field.target == .productName {
                name = FITBaseType.string(bytes, at: base + field.offset, size: field.size)
                continue
            }
            guard let value = number(field, base, definition.isBigEndian) else { continue }
            switch field.target {
            case .manufacturer: manufacturer = UInt32(exactly: value)
            case .product: product = UInt32(exactly: value)
            case .serialNumber: serial = UInt32(exactly: value)
            default: break
            }
        }
        guard manufacturer != nil || product != nil || name != nil else { return }
        var device = ActivityDevice(serialNumber: serial)
        device.manufacturer = manufacturer.map(FITProfile.manufacturer)
        if let name {
            device.product = name
        } else if let product {
            device.product = manufacturer.map(FITProfile.usesGarminProducts) == true
                ? FITProfile.garminProduct(product) : String(product)
        }
        if !recording.devices.contains(device) { recording.devices.append(device) }
    }

    /// `activity`: `local_timestamp` minus `timestamp` is the wearer's UTC offset.
    private mutating func decodeActivity(_ definition: FITDefinition, at base: Int, timestamp: UInt32?) {
        guard let timestamp, timestamp >= FITDecoder.minimumAbsoluteTime else { return }
        for field in definition.fields where field.target == .localTimestamp {
            guard let local = number(field, base, definition.isBigEndian) else { continue }
            let offset = local - Double(timestamp)
            // Real offsets lie within ±14 h; anything else is a device quirk, not a zone.
            if abs(offset) <= 14 * 3600 { recording.utcOffsetSeconds = offset }
        }
    }

    /// `sport`: the name of the watch's activity profile (such as "Trail Run").
    private mutating func decodeSport(_ definition: FITDefinition, at base: Int) {
        for field in definition.fields where field.target == .sportName {
            if recording.profileName == nil,
               let name = FITBaseType.string(bytes, at: base + field.offset, size: field.size) {
                recording.profileName = name
            }
        }
    }
}
