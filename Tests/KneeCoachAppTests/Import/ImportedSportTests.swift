@testable import KneeCoachApp
import Testing

struct ImportedSportTests {
    @Test(arguments: [
        ("running", nil, "running", true),
        ("running/trail", nil, "trail running", true),
        ("running/treadmill", nil, "treadmill", true),
        ("Running", nil, "running", true),
        ("9", nil, "running", true),
        ("", nil, "running", true),
        ("walking", nil, "walking", true),
        ("hiking", nil, "hiking", true),
        ("cycling/road", nil, "cycling", false),
        ("Biking", nil, "cycling", false),
        ("1", nil, "cycling", false),
        ("cycling/virtual_activity", nil, "cycling", false),
        ("swimming/lap_swimming", nil, "swimming", false),
        ("fitness_equipment/indoor_rowing", nil, "rowing", false),
        ("running+running", nil, "running", true),
        ("swimming/open_water+transition+cycling+transition+running", nil, "multisport", false),
        ("Other", nil, "other", false),
        ("", "Ride", "cycling", false),
        ("running", "TrailRun", "trail running", true),
        ("cycling", "Bogus", "cycling", false),
    ] as [(String, String?, String, Bool)])
    func normalisesTheSport(file: String, export: String?, name: String, isFoot: Bool) {
        let sport = ImportedSport(fileSport: file, exportType: export)
        #expect(sport.name == name)
        #expect(sport.isFoot == isFoot)
    }

    @Test func storedNamesKeepTheirFamily() {
        #expect(ImportedSport.family(ofStored: "trail running") == .foot)
        #expect(ImportedSport.family(ofStored: "cycling") == .cycling)
        #expect(ImportedSport.family(ofStored: "multisport") == .multisport)
        #expect(ImportedSport.family(ofStored: "kayaking") == .other)
    }
}
