import Foundation

/// A pair of shoes listed in a Strava bulk export's `shoes.csv`.
///
/// Strava writes one row per shoe with `Shoe Name` (the runner's nickname, often empty),
/// `Shoe Brand`, `Shoe Model` and `Shoe Default Sport Types`; some exports add more columns
/// (a retired flag, a distance), which are read when known and ignored otherwise.
public struct ExportedShoe: Sendable, Equatable {
    /// The name to keep the shoe under: the spelling the export's `activities.csv` uses for
    /// it in `Activity Gear` when it uses one of ``candidateNames``, so that the runs link
    /// to this shoe; else the first candidate.
    public var name: String
    /// Every name Strava may show for this shoe, most likely first: `brand model nickname`,
    /// `brand model`, `nickname` (only the ones that can be formed, without repeats).
    public var candidateNames: [String]
    /// `Shoe Name`: the runner's nickname for the pair.
    public var nickname: String?
    /// `Shoe Brand`.
    public var brand: String?
    /// `Shoe Model`.
    public var model: String?
    /// `Shoe Default Sport Types`, as written (such as `Run,TrailRun`).
    public var defaultSportTypes: String?
    /// Whether the export marks the shoe retired (a `Retired` or `Shoe Retired` column saying
    /// true, yes, y or 1); `false` when it says nothing.
    public var isRetired: Bool

    /// Creates a shoe.
    public init(name: String, candidateNames: [String]? = nil, nickname: String? = nil, brand: String? = nil,
                model: String? = nil, defaultSportTypes: String? = nil, isRetired: Bool = false) {
        self.name = name
        self.candidateNames = candidateNames ?? [name]
        self.nickname = nickname
        self.brand = brand
        self.model = model
        self.defaultSportTypes = defaultSportTypes
        self.isRetired = isRetired
    }
}

/// Reads Strava's `shoes.csv`, bounded: a file larger than ``maximumBytes`` is not read, and
/// at most ``maximumShoes`` rows are.
enum StravaShoesCSV {
    /// The largest `shoes.csv` read (1 MiB: some ten thousand shoes).
    static let maximumBytes = 1 << 20
    /// The most shoes kept from one file.
    static let maximumShoes = 10_000

    /// The shoes of a `shoes.csv`, in file order, one per name.
    /// - Parameters:
    ///   - bytes: the file.
    ///   - gearNames: every `Activity Gear` value of the export's `activities.csv`, to pick
    ///     the name the activities use.
    static func parse(_ bytes: [UInt8], gearNames: Set<String> = []) -> [ExportedShoe] {
        guard bytes.count <= maximumBytes else { return [] }
        let table = CSVTable(bytes, maximumRows: maximumShoes)
        let nicknameColumn = table.column("Shoe Name", "Name", "Nickname")
        let brandColumn = table.column("Shoe Brand", "Brand")
        let modelColumn = table.column("Shoe Model", "Model")
        let sportsColumn = table.column("Shoe Default Sport Types", "Default Sport Types")
        let retiredColumn = table.column("Shoe Retired", "Retired")
        guard nicknameColumn != nil || brandColumn != nil || modelColumn != nil else { return [] }
        var shoes: [ExportedShoe] = []
        var seen = Set<String>()
        for row in table.rows {
            let nickname = CSVTable.value(row, nicknameColumn), brand = CSVTable.value(row, brandColumn)
            let model = CSVTable.value(row, modelColumn)
            let candidates = candidateNames(nickname: nickname, brand: brand, model: model)
            guard let first = candidates.first else { continue }
            let name = candidates.first(where: gearNames.contains) ?? first
            guard seen.insert(name).inserted else { continue }
            shoes.append(ExportedShoe(
                name: name, candidateNames: candidates, nickname: nickname, brand: brand, model: model,
                defaultSportTypes: CSVTable.value(row, sportsColumn),
                isRetired: isYes(CSVTable.value(row, retiredColumn))))
        }
        return shoes
    }

    /// `brand model nickname`, `brand model`, `nickname`: the forms that can be made, without repeats.
    static func candidateNames(nickname: String?, brand: String?, model: String?) -> [String] {
        let product = [brand, model].compactMap { $0 }.joined(separator: " ")
        var names: [String] = []
        if let nickname, !product.isEmpty { names.append(product + " " + nickname) }
        if !product.isEmpty { names.append(product) }
        if let nickname { names.append(nickname) }
        var seen = Set<String>()
        return names.map(collapsingSpaces).filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    private static func collapsingSpaces(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    private static func isYes(_ value: String?) -> Bool {
        guard let value else { return false }
        return ["true", "yes", "y", "1"].contains(value.lowercased())
    }
}
