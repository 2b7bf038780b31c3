import Foundation
import Testing

/// `kneecoach token` and `kneecoach serve` (which runs `kneecoach-server` beside it).
struct TokenCommandTests: JournalTest {
    let folder: URL
    var db: String { folder.appendingPathComponent("k.sqlite").path }

    init() throws { folder = try Self.temporaryFolder("token") }

    @Test func aTokenIsShownOnceListedWithoutItselfAndRevoked() throws {
        let made = try json(["token", "create", "phone", "--scope", "read", "--scope", "journal:write"])
        let secret = try #require(made["token"] as? String)
        #expect(secret.hasPrefix("kct_") && secret.count > 40)
        #expect(made["scopes"] as? [String] == ["read", "journal:write"])
        let listed = try kc(["token", "list", "--json"])
        #expect(!listed.stdout.contains(secret))
        let tokens = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
        #expect(tokens.count == 1 && tokens[0]["name"] as? String == "phone" && tokens[0]["revokedAt"] is NSNull)
        // The database keeps its SHA-256 only.
        let bytes = try Data(contentsOf: URL(fileURLWithPath: db))
        #expect(bytes.range(of: Data(secret.utf8)) == nil)
        let revoked = try kc(["token", "revoke", "phone"])
        #expect(revoked.stdout.contains("Revoked token 'phone'"))
        let again = try kc(["token", "revoke", "phone"], expect: 65)
        #expect(again.stderr == "kneecoach: There is no live token 'phone'. List tokens to see their ids and names.\n")
        #expect(try kc(["token", "list"]).stdout.contains("revoked"))
    }

    @Test func badScopesAndNamesAreRefusedWithTheFix() throws {
        let scope = try kc(["token", "create", "x", "--scope", "write-everything"], expect: 64)
        #expect(scope.stderr.contains("'write-everything' is not a token scope (read, journal:write, import, profile:write, coaching)"))
        let none = try kc(["token", "create", "x"], expect: 64)
        #expect(none.stderr.contains("A token needs at least one scope"))
        _ = try kc(["token", "create", "x", "--scope", "read"])
        let twice = try kc(["token", "create", "x", "--scope", "read"], expect: 65)
        #expect(twice.stderr.contains("A live token is already named 'x'."))
    }

    @Test func serveRunsTheServerExecutableWithItsArguments() throws {
        let help = try CLI.run(["serve", "--help"])
        #expect(help.status == 0, "\(help.stderr)")
        #expect(help.stdout.contains("--create-admin") && help.stdout.contains("KNEECOACH_SIGNUP"))
        let bad = try CLI.run(["serve", "--signup", "everyone", "--db", db])
        #expect(bad.status == 64)
        #expect(bad.stderr == "kneecoach: --signup 'everyone' is not open, invite-only or closed. Give a value from that list or range.\n")
        let insecure = try CLI.run(["serve", "--host", "0.0.0.0", "--insecure-cookies", "--db", db])
        #expect(insecure.status == 64 && insecure.stderr.contains("only for a server on loopback"))
    }
}
