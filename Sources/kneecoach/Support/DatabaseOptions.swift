import ArgumentParser
import Foundation
import KneeCoachApp

/// The `--db PATH` option shared by every command that reads or writes the runner's data.
struct DatabaseOptions: ParsableArguments {
    @Option(help: "The data file (default: $KNEECOACH_DB, else $XDG_DATA_HOME/kneecoach/kneecoach.sqlite).")
    var db: String?

    /// The data folder from `--db`, else the environment.
    var dataFolder: DataFolder {
        DataFolder.resolve(path: db, environment: ProcessInfo.processInfo.environment)
    }
}
