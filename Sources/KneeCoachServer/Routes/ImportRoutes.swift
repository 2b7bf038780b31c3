import Foundation
import Hummingbird
import KneeCoachApp
import KneeCoachStore

/// Uploads: one FIT, GPX or TCX file (or `.gz` of one), or an export zip, as the raw body
/// with its name in `?name=`, or as the file field of a `multipart/form-data` form. The body is streamed to a private file up to the server's limit
/// (413 past it), then imported exactly as `kneecoach import` imports it, with the same
/// de-duplication by content.
struct ImportRoutes {
    let state: ServerState

    static let extensions = [".fit", ".gpx", ".tcx", ".fit.gz", ".gpx.gz", ".tcx.gz", ".zip"]

    func register(on api: RouterGroup<ServerRequestContext>) {
        api.post("import") { request, context in
            let caller = try context.requireCaller()
            try caller.require(.import)
            // A name, when given, says what the file is, whichever way its bytes come.
            let named = request.query("name")
            if let named, Self.suffix(of: named) == nil { throw Self.unknownType }
            let folder = try Self.privateFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let file: URL
            let name: String
            if let boundary = MultipartUpload.boundary(of: request.headers[.contentType]) {
                (file, name) = try await MultipartUpload.spool(
                    request.body, boundary: boundary, into: folder, limit: state.configuration.maxUploadBytes,
                    accepting: Self.extensions)
            } else {
                name = Self.displayName(named ?? "")
                guard let suffix = Self.suffix(of: name) else { throw Self.unknownType }
                file = folder.appendingPathComponent("upload" + suffix)
                try await Self.spool(request.body, to: file, limit: state.configuration.maxUploadBytes)
            }
            let document = await Self.importUpload(file, named: name, into: state.journal(for: caller.userID))
            if let reason = Self.notImported(document) {
                throw Problem(.unprocessableContent, title: "Not imported", detail: reason)
            }
            return try JSONResponse.make(document)
        }
    }

    /// Imports one spooled upload exactly as `kneecoach import` imports a file: the API and
    /// the import page.
    static func importUpload(_ file: URL, named name: String, into journal: Journal) async -> ImportDocument {
        ImportDocument(await journal.activityImporter().importUpload(at: file.path, named: name, into: journal.store))
    }

    /// Why nothing of an upload was stored and nothing was already there (it was not a watch
    /// file), or `nil` when it was one.
    static func notImported(_ document: ImportDocument) -> String? {
        guard document.imported.isEmpty, document.duplicates.isEmpty else { return nil }
        return document.failed.first?.error ?? document.skipped.first?.reason
    }

    /// A client's file name as the journal keeps it: without any folder, control characters
    /// or more than 255 characters.
    static func displayName(_ name: String) -> String {
        let base = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        return String(String(base.unicodeScalars.filter { $0.properties.generalCategory != .control }).prefix(255))
    }

    /// The file kind `name` ends in, or `nil`.
    static func suffix(of name: String) -> String? {
        extensions.first { name.lowercased().hasSuffix($0) }
    }

    static let unknownType = Problem(
        .unprocessableContent, title: "Unknown file type",
        detail: "'name' must end in one of \(extensions.joined(separator: ", ")). Send the file's own name in ?name=.")

    /// A new folder only this process's user can read (0700), for one upload.
    static func privateFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kneecoach-upload-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        return folder
    }

    /// Writes the body to `file` (0600) as it arrives; 413 as soon as it passes `limit`.
    static func spool(_ body: RequestBody, to file: URL, limit: Int) async throws {
        guard FileManager.default.createFile(atPath: file.path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw Problem(.internalServerError, title: "Server error", detail: "The upload could not be stored. Try again later.")
        }
        let handle = try FileHandle(forWritingTo: file)
        defer { try? handle.close() }
        var written = 0
        let deadline = BodyDeadline(seconds: BodyDeadline.uploadSeconds)
        for try await buffer in body {
            try deadline.check()
            written += buffer.readableBytes
            guard written <= limit else {
                throw Problem(.contentTooLarge, title: "Too large", detail: "The upload is larger than \(limit / 1_048_576) MB. Send a smaller file.")
            }
            try handle.write(contentsOf: Data(buffer.readableBytesView))
        }
        guard written > 0 else {
            throw Problem(.unprocessableContent, title: "Empty upload", detail: "The body is empty. Send the file's bytes as the body.")
        }
    }
}
