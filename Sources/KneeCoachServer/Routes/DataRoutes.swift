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
            let backup = try await state.journal(for: caller.userID).store.backup()
            var response = JSONResponse.raw(try backup.jsonData())
            response.headers[.contentDisposition] = "attachment; filename=\"kneecoach-backup.json\""
            return response
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
