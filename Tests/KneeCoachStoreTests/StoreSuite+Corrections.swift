import Foundation
import KneeCoachCore
import Testing

@testable import KneeCoachStore

extension StoreSuite {
    // MARK: Corrections: an entry replaced or put back keeps its id; the undo log is bounded

    @Test("an entry replaced, deleted and put back keeps its id, original file included", arguments: Engine.available)
    func correctionsKeepIDs(engine: Engine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            try await database.withStore { store async throws in
                try await Self.fill(store)
                let backup = try await store.backup()
                let item = try #require(backup.activities.first { $0.originalFile != nil })
                let reference = EntryReference(.activity, try #require(item.activity.id?.rawValue))
                let before = try #require(try await store.entry(reference))
                #expect(before == .activity(item.activity, originalFile: item.originalFile))

                var edited = item.activity
                edited.note = "felt easy"
                let replaced = try await store.replace(reference, with: .activity(edited, originalFile: item.originalFile))
                #expect(replaced.id == reference.id)
                #expect(try await store.entry(reference) == .activity(edited, originalFile: item.originalFile))

                let pain = try #require(backup.painEntries.first)
                let painReference = EntryReference(.pain, try #require(pain.id?.rawValue))
                #expect(try await store.delete(painReference))
                #expect(try await store.entry(painReference) == nil)
                let back = try await store.putBack(.pain(pain))
                #expect(back == .pain(pain))
                // A new entry after the put-back does not collide with it.
                let next = try await store.insert(PainEntry(date: day(9), timing: .after, level: 1))
                #expect(next.id?.rawValue != painReference.id)

                await #expect(throws: StoreError.self) {
                    try await store.replace(EntryReference(.note, 999_999), with: .note(NoteRecord(date: day(1), text: "x")))
                }
            }
        }
    }

    @Test("an id is never given twice: the last entry deleted does not lend its id to the next", arguments: Engine.available)
    func idsAreNeverReused(engine: Engine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            try await database.withStore { store async throws in
                _ = try await store.insert(PainEntry(date: day(1), timing: .rest, level: 1))
                let last = try await store.insert(PainEntry(date: day(2), timing: .rest, level: 2))
                let lastID = try #require(last.id)
                #expect(try await store.delete(lastID))
                let next = try await store.insert(PainEntry(date: day(3), timing: .rest, level: 3))
                #expect(try #require(next.id).rawValue > lastID.rawValue)
                // An undo puts the deleted entry back under its own id.
                let back = try await store.putBack(.pain(last))
                #expect(back.id == lastID.rawValue)
            }
        }
    }

    @Test("the undo log keeps the newest corrections, newest first", arguments: Engine.available)
    func changeLogIsBounded(engine: Engine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            try await database.withStore { store async throws in
                var notes: [NoteRecord] = []
                for index in 0..<(JournalStore.keptChanges + 3) {
                    let note = try await store.insert(NoteRecord(date: day(1), text: "note \(index)"))
                    notes.append(note)
                    try await store.recordChange(.delete, of: .note(note))
                }
                var undone: [String] = []
                while let change = try await store.lastChange() {
                    if case .note(let note) = change.before { undone.append(note.text) }
                    try await store.forgetChange(change.id)
                }
                #expect(undone.count == JournalStore.keptChanges)
                #expect(undone.first == "note \(JournalStore.keptChanges + 2)" && undone.last == "note 3")
            }
        }
    }

    @Test("a deleted file's hash is remembered until it is imported again", arguments: Engine.available)
    func dismissedFiles(engine: Engine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            try await database.withStore { store async throws in
                let hash = String(repeating: "ab", count: 32)
                #expect(try await !store.isDismissed(hash: hash))
                try await store.dismissFile(hash: hash)
                try await store.dismissFile(hash: hash)
                #expect(try await store.isDismissed(hash: hash))
                try await store.undismissFile(hash: hash)
                #expect(try await !store.isDismissed(hash: hash))
            }
        }
    }
}
