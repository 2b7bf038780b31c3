import Crypto
import Dispatch
import Foundation
import HummingbirdBcrypt

/// Password hashing: bcrypt over an HMAC-SHA-256 of the password.
///
/// bcrypt reads at most 72 bytes, so two long passphrases that differ only after the 72nd
/// byte would verify as the same; the HMAC first makes every byte count (44 base64
/// characters go to bcrypt) and, keyed, keeps the bcrypt hashes apart from any plain SHA-256
/// of the same passwords leaked elsewhere. Hashing is slow on purpose (cost 11 is about
/// 0.2 s on one core here), so it runs on a dispatch queue, not on Swift's cooperative
/// threads, which a server needs for every other request.
public struct PasswordHasher: Sendable {
    /// bcrypt's cost: the log₂ of its rounds. 11 in production; tests use 4.
    public let cost: UInt8

    public static let defaultCost: UInt8 = 11
    /// The costs bcrypt accepts.
    public static let costs: ClosedRange<UInt8> = 4...31

    public init(cost: UInt8 = PasswordHasher.defaultCost) {
        self.cost = min(max(cost, Self.costs.lowerBound), Self.costs.upperBound)
    }

    /// The hash to store for `password`.
    public func hash(_ password: String) async -> String {
        let input = Self.prehash(password)
        let cost = cost
        return await Self.offCooperativeThreads { Bcrypt.hash(input, cost: cost) }
    }

    /// Whether `password` is the one `hash` was made from. With `hash` `nil` (no such
    /// account), a stand-in hash is checked all the same, so that the answer takes as long.
    public func verify(_ password: String, hash: String?) async -> Bool {
        let input = Self.prehash(password)
        let stored = hash ?? dummyHash
        let matches = await Self.offCooperativeThreads { Bcrypt.verify(input, hash: stored) }
        return hash != nil && matches
    }

    /// A bcrypt hash of this cost that no password's HMAC matches: its salt and digest are
    /// fixed bytes, not the hash of anything.
    var dummyHash: String {
        "$2b$" + (cost < 10 ? "0" : "") + String(cost) + "$" + String(repeating: "K", count: 53)
    }

    /// base64(HMAC-SHA-256(key, password)): 44 characters for any password.
    static func prehash(_ password: String) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: Data(password.utf8), using: prehashKey)
        return Data(code).base64EncodedString()
    }

    private static let prehashKey = SymmetricKey(data: Data("kneecoach password prehash v1".utf8))

    private static let queue = DispatchQueue(label: "kneecoach.bcrypt", attributes: .concurrent)

    private static func offCooperativeThreads<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: work()) }
        }
    }
}
