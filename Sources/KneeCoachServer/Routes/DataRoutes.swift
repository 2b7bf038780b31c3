import Foundation
import Hummingbird
import KneeCoachApp
import KneeCoachCore
import KneeCoachStore

/// The whole journal out and back: `GET /api/v1/export` is the backup `kneecoach export`
/// writes; `POST /api/v1/restore` replaces the journal with one, all or nothing, after the
/// same checks as `kneecoach restore`.
struct DataRoutes {
    let state: ServerState

    func register(on api: RouterGroup<ServerRequestContext>) {
        api.get("export") { _, context in
            let caller = try context.requireCaller()
            try caller.require(.read)
            return try await Self.export(state.journal(for: caller.userID))
        }
        api.post("restore") { request, context in
            let caller = try context.requireCaller()
            try caller.require(.profileWrite)
            try caller.require(.journalWrite)
            let folder = try ImportRoutes.privateFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let file = folder.appendingPathComponent("backup.json")
            try await ImportRoutes.spool(request.body, to: file, limit: InputLimits.backupFileBytes)
            let backup = try await state.journal(for: caller.userID).restore(from: file)
            return try JSONResponse.make(RestoreDocument(backup))
        }
    }

    /// The backup download: the API's `GET export` and the settings page's link.
    static func export(_ journal: Journal) async throws -> Response {
        let backup = try await journal.store.backup()
        var response = JSONResponse.raw(try backup.jsonData())
        response.headers[.contentDisposition] = "attachment; filename=\"kneecoach-backup.json\""
        return response
    }
}

/// What a restore brought back.
struct RestoreDocument: Codable, Equatable {
    let activities: Int
    let sessions: Int
    let painEntries: Int
    let notes: Int

    init(_ backup: Backup) {
        activities = backup.activities.count
        sessions = backup.sessions.count
        painEntries = backup.painEntries.count
        notes = backup.notes.count
    }
}
