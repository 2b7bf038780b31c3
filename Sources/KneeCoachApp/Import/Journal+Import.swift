import Foundation
import KneeCoachCore
import KneeCoachStore

extension Journal {
    /// An importer that dates activities in the runner's time zone.
    public func activityImporter() async -> ActivityImporter {
        ActivityImporter(timeZone: await runnerTimeZone())
    }
}
