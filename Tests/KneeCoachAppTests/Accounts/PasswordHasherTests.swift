import Foundation
import Testing

@testable import KneeCoachApp

/// bcrypt over an HMAC: every byte counts, and an unknown account costs the same work.
struct PasswordHasherTests {
    @Test func aLongPassphraseVerifiesAndItsSeventyThirdCharacterMatters() async {
        let hasher = PasswordHasher(cost: 4)
        let passphrase = String(repeating: "a", count: 72) + "X" + String(repeating: "b", count: 27)
        let hash = await hasher.hash(passphrase)
        #expect(hash.hasPrefix("$2b$04$") && hash.count == 60)
        #expect(await hasher.verify(passphrase, hash: hash))
        #expect(!(await hasher.verify(String(repeating: "a", count: 72) + "Y" + String(repeating: "b", count: 27), hash: hash)))
    }

    @Test func theStandInHashHasTheSameCostAndMatchesNothing() async {
        for cost: UInt8 in [4, 9, 11, 12] {
            let hasher = PasswordHasher(cost: cost)
            #expect(hasher.dummyHash.count == 60)
            #expect(hasher.dummyHash.hasPrefix(String(format: "$2b$%02d$", cost)))
        }
        #expect(!(await PasswordHasher(cost: 4).verify("", hash: nil)))
    }

    /// Median time of `verify` for a missing hash against a wrong password: the same bcrypt
    /// work, so within a factor of two (skipping it would be hundreds of times faster).
    @Test func anUnknownAccountTakesAsLongAsAWrongPassword() async {
        let hasher = PasswordHasher(cost: 8)
        let hash = await hasher.hash("the right passphrase")
        func median(_ hash: String?) async -> Double {
            var times: [Double] = []
            for _ in 0..<7 {
                let start = ContinuousClock.now
                _ = await hasher.verify("a wrong passphrase", hash: hash)
                let elapsed = ContinuousClock.now - start
                times.append(Double(elapsed.components.attoseconds) / 1e18 + Double(elapsed.components.seconds))
            }
            return times.sorted()[3]
        }
        let unknown = await median(nil)
        let wrong = await median(hash)
        #expect(unknown / wrong > 0.5 && unknown / wrong < 2, "unknown \(unknown) s, wrong \(wrong) s")
    }

    @Test func costsOutsideBcryptsRangeAreClamped() {
        #expect(PasswordHasher(cost: 2).cost == 4)
        #expect(PasswordHasher(cost: 40).cost == 31)
    }
}
