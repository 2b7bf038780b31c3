import Foundation
import KneeCoachCore
import KneeCoachStore

extension Journal {
    /// The runner's time zone: the profile's `timeZone` (in the database, else the profile
    /// file), else the system's.
    public func runnerTimeZone() async -> TimeZone {
        var profile = try? await store.profile()
        if profile == nil { profile = try? ProfileStore(folder: dataFolder).profile() }
        if let name = profile?.timeZone, let zone = TimeZone(identifier: name) { return zone }
        return .current
    }

    /// An importer that dates activities in the runner's time zone.
    public func activityImporter() async -> ActivityImporter {
        ActivityImporter(timeZone: await runnerTimeZone())
    }
}
