import Foundation
import Testing

@testable import KneeCoachApp

struct DataFolderTests {
    @Test func dbFlagWins() {
        let folder = DataFolder.resolve(path: "/tmp/x/k.sqlite", environment: ["KNEECOACH_DB": "/other.sqlite"])
        #expect(folder.databaseURL.path == "/tmp/x/k.sqlite")
        #expect(folder.file("profile.json").path == "/tmp/x/profile.json")
    }

    @Test func environmentThenXDGThenHome() {
        #expect(DataFolder.resolve(path: nil, environment: ["KNEECOACH_DB": "/e/k.sqlite"]).databaseURL.path == "/e/k.sqlite")
        #expect(
            DataFolder.resolve(path: nil, environment: ["XDG_DATA_HOME": "/xdg", "HOME": "/h"]).databaseURL.path
                == "/xdg/kneecoach/kneecoach.sqlite")
        #expect(
            DataFolder.resolve(path: nil, environment: ["HOME": "/h"]).databaseURL.path
                == "/h/.local/share/kneecoach/kneecoach.sqlite")
    }
}
