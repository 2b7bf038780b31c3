import Foundation

/// Where KneeCoach keeps a runner's data on this machine.
///
/// The database file is `--db PATH`, else `$KNEECOACH_DB`, else
/// `$XDG_DATA_HOME/kneecoach/kneecoach.sqlite` (default `~/.local/share/kneecoach/`). Other
/// files (the profile, until the journal moves it into the database) live beside it.
public struct DataFolder: Sendable, Equatable {
    /// The database file.
    public let databaseURL: URL

    /// The folder that holds the database and its companion files.
    public var url: URL { databaseURL.deletingLastPathComponent() }

    public init(databaseURL: URL) { self.databaseURL = databaseURL }

    /// Resolves the location from a `--db` value and the environment.
    /// - Parameters:
    ///   - path: The `--db` option, when given.
    ///   - environment: The process environment (`KNEECOACH_DB`, `XDG_DATA_HOME`, `HOME`).
    public static func resolve(path: String?, environment: [String: String]) -> DataFolder {
        if let path, !path.isEmpty { return DataFolder(databaseURL: URL(fileURLWithPath: path)) }
        if let path = environment["KNEECOACH_DB"], !path.isEmpty {
            return DataFolder(databaseURL: URL(fileURLWithPath: path))
        }
        let base: URL
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            base = URL(fileURLWithPath: xdg)
        } else {
            let home = environment["HOME"].map { URL(fileURLWithPath: $0) }
                ?? FileManager.default.homeDirectoryForCurrentUser
            base = home.appendingPathComponent(".local/share")
        }
        return DataFolder(databaseURL: base.appendingPathComponent("kneecoach/kneecoach.sqlite"))
    }

    /// A companion file in the data folder, e.g. `profile.json`.
    public func file(_ name: String) -> URL { url.appendingPathComponent(name) }
}
