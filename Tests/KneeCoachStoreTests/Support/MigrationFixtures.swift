/// The DDL of every shipped migration, as a hash: editing a shipped migration fails
/// `migrationsAreAppendOnly`. Add a line when adding a migration; never change one.
enum MigrationFixtures {
    static let ddlHashes: [Int: UInt64] = [
        1: 15_981_710_402_303_099_243,
        2: 13_725_355_872_288_830_305,
        3: 867_247_147_735_709_467,
        4: 16_600_027_933_061_875_706,
        5: 17_400_134_600_833_442_001,
        6: 17_474_782_243_374_271_942,
        7: 8_534_072_995_414_056_562,
        8: 12_186_426_274_640_984_655,
        9: 13_139_094_387_298_820_659,
        10: 15_649_798_117_612_152_952,
        11: 1_808_116_295_134_662_433,
        12: 3_803_515_391_374_021_502,
        13: 381_958_931_533_037_103,
        14: 8_004_185_654_167_831_732,
        15: 13_724_735_002_080_592_889,
    ]

    /// FNV-1a over the statements' UTF-8 bytes, statements separated by a zero byte.
    static func hash(_ statements: [String]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for statement in statements {
            for byte in statement.utf8 + [0] {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01b3
            }
        }
        return hash
    }
}
