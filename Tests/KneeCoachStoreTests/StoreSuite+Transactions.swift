import Foundation
import KneeCoachCore
import Testing

@testable import KneeCoachStore

private struct Abandon: Error {}

extension StoreSuite {
    @Test("a transaction stores all of its rows or none", arguments: Engine.available)
    func transactionRollsBack(engine: Engine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            try await database.withStore { store async throws in
                // The body throws: everything rolls back, the error comes out unchanged.
                await #expect(throws: Abandon.self) {
                    try await store.transaction { tx async throws in
                        let shoe = try await tx.insert(ShoeRecord(name: "Racer"))
                        try await tx.insert(manualRun(on: 1, km: 21.1, shoe: shoe.id))
                        try await tx.insert(PainEntry(date: day(1), timing: .after, level: 3))
                        throw Abandon()
                    }
                }
                #expect(try await store.shoes().isEmpty)
                #expect(try await store.activities().isEmpty)
                #expect(try await store.painEntries().isEmpty)

                // A constraint fails on the third row: the first two roll back too.
                let error = await storeError {
                    try await store.transaction { tx async throws in
                        try await tx.insert(PainEntry(date: day(2), timing: .after, level: 3))
                        try await tx.insert(NoteRecord(date: day(2), text: "long run"))
                        try await tx.insert(PainEntry(date: day(2), timing: .after, level: 11))
                    }
                }
                #expect(error == .constraint(named: "pain_entries_level_range"))
                #expect(try await store.painEntries().isEmpty)
                #expect(try await store.notes().isEmpty)

                // A transaction that completes stores everything; one nested in it joins it.
                let count = try await store.transaction { tx async throws in
                    let shoe = try await tx.insert(ShoeRecord(name: "Racer"))
                    try await tx.insert(manualRun(on: 3, km: 10, shoe: shoe.id))
                    _ = try await tx.transaction { inner async throws in
                        try await inner.insert(PainEntry(date: day(3), timing: .after, level: 1))
                    }
                    return try await tx.activityCount()
                }
                #expect(count == 1)
                #expect(try await store.shoeMileage().first?.totalKm == 10)
                #expect(try await store.painEntries().count == 1)
            }
        }
    }

    @Test("tasks sharing one store never interleave inside a transaction", arguments: Engine.available)
    func concurrentTasksOnOneStore(engine: Engine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            try await database.withStore { store async throws in
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for task in 0..<8 {
                        group.addTask {
                            if task.isMultiple(of: 2) {
                                try? await store.transaction { tx async throws in
                                    try await tx.insert(NoteRecord(date: day(1), text: "kept \(task)"))
                                    throw Abandon()
                                }
                            } else {
                                try await store.transaction { tx async throws in
                                    try await tx.insert(NoteRecord(date: day(1), text: "stored \(task)"))
                                    try await tx.insert(PainEntry(date: day(1), timing: .rest, level: 1))
                                }
                            }
                        }
                    }
                    try await group.waitForAll()
                }
                #expect(try await store.notes().map(\.text).sorted() == ["stored 1", "stored 3", "stored 5", "stored 7"])
                #expect(try await store.painEntries().count == 4)
            }
        }
    }
}
