import Foundation
import KneeCoachCore
import SQLKit
import Testing

@testable import KneeCoachStore

extension StoreSuite {
    @Test("the sign-up setting is one row that any value but the three is refused from", arguments: Engine.available)
    func signupSetting(engine: Engine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            try await database.withStore { store async throws in
                #expect(try await store.signupSetting() == nil)
                try await store.setSignupSetting("open")
                try await store.setSignupSetting("closed")
                #expect(try await store.signupSetting() == "closed")
                let refused = await storeError { try await store.setSignupSetting("everyone") }
                #expect(refused == .constraintViolated(constraint: "server_settings_signup", rule: "sign-up must be open, invite-only or closed"))
                #expect(try await store.signupSetting() == "closed")
                let rows = try await store.connection.sql.raw("SELECT COUNT(*) AS n FROM server_settings").first(decodingColumn: "n", as: Int.self)
                #expect(rows == 1)
            }
        }
    }
}
