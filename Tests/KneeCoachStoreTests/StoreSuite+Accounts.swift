import Foundation
import Testing

@testable import KneeCoachStore

extension StoreSuite {
    @Test("deleting an account deletes its web sessions and nobody else's", arguments: Engine.available)
    func deletingAnAccountEndsItsSessions(engine: Engine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            try await database.withStore { store async throws in
                let ana = try await store.createAccount(login: "ana", passwordHash: "x", isAdmin: true, adoptingLocalRunner: false)
                let bo = try await store.createAccount(login: "bo", passwordHash: "x", isAdmin: false, adoptingLocalRunner: false)
                for (key, user) in [("a1", ana.userID), ("b1", bo.userID), ("b2", bo.userID)] {
                    try await store.putWebSession(
                        keyHash: key, json: #"{"epoch":0,"\#(JournalStore.webSessionUserKey)":\#(user.rawValue)}"#, expires: nil, onlyIfNew: true)
                }
                try await store.deleteAccount(userID: bo.userID)
                #expect(try await store.webSession(keyHash: "a1") != nil)
                #expect(try await store.webSession(keyHash: "b1") == nil)
                #expect(try await store.webSession(keyHash: "b2") == nil)
                #expect(try await store.account(login: "bo") == nil)
                #expect(try await store.account(login: "ana") != nil)
            }
        }
    }
}
