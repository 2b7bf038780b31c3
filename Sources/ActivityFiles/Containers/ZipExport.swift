/// Reads zip archives member by member: Strava bulk exports (`activities.csv` +
/// `activities/…`, maybe `shoes.csv`) and Garmin exports (zips of zips of FIT files).
///
/// The directory is read and checked first (``ZipDirectory``); each member is then unpacked
/// on its own, checked against its directory entry, decoded and handed on before the next is
/// read, so memory holds one member at a time. Whatever cannot be read is reported as a
/// failed result of its own: a damaged or duplicated member, a damaged directory (naming how
/// many members are lost), and each row of `activities.csv` whose file the zip lacks.
struct ZipExport {
    let limits: ContainerLimits
    let budget: DecompressionBudget

    static func isZip(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 4 && bytes[0] == 0x50 && bytes[1] == 0x4B && bytes[2] == 0x03 && bytes[3] == 0x04
    }

    /// Reads every activity member of an archive, and the shoes of its `shoes.csv`.
    /// - Parameters:
    ///   - source: the archive's bytes.
    ///   - origin: the archive's own source (a path, and a member when it is nested).
    ///   - depth: 1 for a zip on disk, one more for each zip it sits in.
    ///   - shoes: called with the shoes of a `shoes.csv` (this zip's, or one inside it) before
    ///     the activities that may name them.
    ///   - each: called with each member's result, in path order, as soon as it is decoded.
    func read(_ source: some ByteSource, origin: ActivitySource, depth: Int,
              shoes found: ([ExportedShoe]) -> Void, each: (ActivityFileResult) -> Void) {
        guard depth <= limits.maximumNesting else {
            each(.failure(origin, .containersNestedTooDeep(depth: limits.maximumNesting)))
            return
        }
        let directory: ZipDirectory
        do {
            directory = try ZipDirectory.read(source)
        } catch {
            each(.failure(origin, error))
            return
        }
        var reported = 0
        func emit(_ result: ActivityFileResult) {
            reported += 1
            each(result)
        }
        func member(_ path: String) -> ActivitySource {
            ActivitySource(path: origin.path, member: origin.member.map { $0 + "/" + path } ?? path)
        }
        func unpack(_ entry: ZipEntry, limit: Int) -> Result<[UInt8], ActivityFileError> {
            Result { () throws(ActivityFileError) in
                try entry.unpack(from: source, directoryStart: directory.directoryStart, limit: limit, budget: budget)
            }
        }
        let files = directory.entries.filter { !$0.isDirectory }
            .sorted { ($0.path, $0.index) < ($1.path, $1.index) }
        var tables: Set<Int> = []
        func table(named name: String) -> ZipEntry? {
            let entry = files.first { $0.path.split(separator: "/").last?.lowercased() == name }
            if let entry { tables.insert(entry.index) }
            return entry
        }
        var rows: [StravaActivitiesCSV.Row] = []
        if let csv = table(named: "activities.csv") {
            switch unpack(csv, limit: limits.maximumMemberBytes) {
            case .success(let bytes): rows = StravaActivitiesCSV.parse(bytes)
            case .failure(let error): emit(.failure(member(csv.path), error))
            }
        }
        var info: [String: ExportedActivityInfo] = [:]
        for row in rows { info[row.file] = row.info }
        var shoeCount = 0
        func foundShoes(_ shoes: [ExportedShoe]) {
            guard !shoes.isEmpty else { return }
            shoeCount += shoes.count
            found(shoes)
        }
        if let csv = table(named: "shoes.csv") {
            switch unpack(csv, limit: min(limits.maximumMemberBytes, StravaShoesCSV.maximumBytes)) {
            case .success(let bytes):
                foundShoes(StravaShoesCSV.parse(bytes, gearNames: Set(rows.compactMap(\.info.gear))))
            case .failure(.decompressedTooLarge):
                break  // documented: a shoes.csv over its limit is not read, the activities are
            case .failure(let error):
                emit(.failure(member(csv.path), error))
            }
        }
        let reader = ActivityFileReader(limits: limits)
        for entry in files {
            let name = entry.path.split(separator: "/").last.map(String.init) ?? entry.path
            let isZip = name.lowercased().hasSuffix(".zip")
            guard isZip || ActivityFormat.fromFileName(name) != nil else {
                // Not read (or read above, as a table), but a damaged name may hide an
                // activity: its local header must agree.
                guard !tables.contains(entry.index) else { continue }
                if let problem = Self.damage(of: entry, in: source) { emit(.failure(member(entry.path), problem)) }
                continue
            }
            switch unpack(entry, limit: limits.maximumMemberBytes) {
            case .failure(let error):
                emit(.failure(member(entry.path), error, format: ActivityFormat.fromFileName(name)))
            case .success(let bytes) where isZip:
                read(MemoryBytes(storage: bytes), origin: member(entry.path), depth: depth + 1, shoes: foundShoes, each: emit)
            case .success(let bytes):
                emit(reader.decode(bytes, name: name, source: member(entry.path), budget: budget, info: info[entry.path]))
            }
        }
        let listed = Set(directory.entries.map(\.path))
        for row in rows where !listed.contains(row.file) {
            emit(.failure(member(row.file), .missingExportFile(row: row.number), format: ActivityFormat.fromFileName(row.file)))
        }
        if let damage = directory.damage { emit(.failure(origin, damage)) }
        if reported == 0, shoeCount == 0 { emit(.failure(origin, .noActivities)) }
    }

    /// Why a member that is not read looks damaged (it overlaps another, or its local header
    /// disagrees with the directory), else `nil`; a repeated name alone is harmless there.
    private static func damage(of entry: ZipEntry, in source: some ByteSource) -> ActivityFileError? {
        if let problem = entry.problem {
            if case .duplicateZipMember = problem { return nil }
            return problem
        }
        do {
            _ = try entry.checkLocalHeader(in: source)
            return nil
        } catch {
            return error
        }
    }
}
