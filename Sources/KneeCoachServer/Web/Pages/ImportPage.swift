import Foundation
import Hummingbird
import KneeCoachApp

/// Uploading watch files: several FIT, GPX or TCX files (or `.gz` of one), or an export zip,
/// in one form. Each file is streamed to a private folder by ``MultipartUpload`` and imported
/// through the same code as `POST /api/v1/import` (``ImportRoutes/importUpload(_:named:into:)``,
/// the importer of `kneecoach import`), with its result shown per file.
struct ImportPage {
    let pages: WebPages
    var state: ServerState { pages.state }

    /// The most files one form may bring; the server's upload limit covers them together.
    static let maxFiles = 50

    struct FileResult {
        let name: String
        let summary: String
        let imported: [String]
        let stored: Bool
    }

    struct View {
        let frame: PageFrame
        let error: String?
        let results: [FileResult]
        let hasResults: Bool
        let accept: String
        let limitMB: Int
    }

    func register(on router: RouterGroup<ServerRequestContext>) {
        router.get("import") { request, context in
            _ = try context.requireCaller()
            return try await page(request, context, error: nil, results: [])
        }
        router.post("import") { request, context in
            let journal = state.journal(for: try context.requireCaller().userID)
            let folder = try ImportRoutes.privateFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let files: MultipartUpload.Files
            do {
                guard let boundary = MultipartUpload.boundary(of: request.headers[.contentType]) else {
                    throw Problem(.unsupportedMediaType, title: "Not an upload", detail: "Choose the files and send the form again.")
                }
                files = try await MultipartUpload.spoolFiles(
                    request.body, boundary: boundary, into: folder, limit: state.configuration.maxUploadBytes,
                    accepting: ImportRoutes.extensions, maxFiles: Self.maxFiles)
            } catch {
                let problem = Problem.of(error)
                guard problem.status.code < 500 else { throw error }
                return try await page(request, context, error: problem.detail, results: [], status: problem.status)
            }
            guard !files.spooled.isEmpty || !files.refused.isEmpty else {
                return try await page(
                    request, context, error: "No file was chosen. Choose one or more files and send the form again.", results: [],
                    status: .unprocessableContent)
            }
            var results: [FileResult] = []
            for (file, name) in files.spooled {
                results.append(Self.result(name, await ImportRoutes.importUpload(file, named: name, into: journal)))
            }
            for name in files.refused {
                results.append(
                    FileResult(
                        name: name, summary: "Not a watch file: its name must end in \(ImportRoutes.extensions.joined(separator: ", ")).",
                        imported: [], stored: false))
            }
            // Nothing stored and nothing already there: no file was a watch file.
            let useful = results.contains { $0.stored }
            return try await page(request, context, error: nil, results: results, status: useful ? .ok : .unprocessableContent)
        }
    }

    /// One file's outcome in a sentence, and the activities it brought.
    static func result(_ name: String, _ document: ImportDocument) -> FileResult {
        if let reason = ImportRoutes.notImported(document) {
            return FileResult(name: name, summary: "Not imported: \(reason)", imported: [], stored: false)
        }
        var parts: [String] = []
        let count = document.imported.count, duplicates = document.duplicates.count
        if count > 0 { parts.append("\(count) \(count == 1 ? "activity" : "activities") imported") }
        if duplicates > 0 { parts.append("\(duplicates) already in the journal") }
        let others = document.skipped.count + document.failed.count
        if others > 0 { parts.append("\(others) not imported") }
        let imported = document.imported.prefix(20).map {
            "\($0.date) · \($0.sport) · \((($0.distanceKm * 10).rounded() / 10).plainText) km"
        }
        return FileResult(name: name, summary: parts.joined(separator: ", ") + ".", imported: Array(imported), stored: true)
    }

    private func page(
        _ request: Request, _ context: ServerRequestContext, error: String?, results: [FileResult], status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let view = View(
            frame: try await pages.frame("Import", request, context, section: "more"), error: error, results: results,
            hasResults: !results.isEmpty, accept: ImportRoutes.extensions.map { $0.hasSuffix(".gz") ? ".gz" : $0 }.uniqued.joined(separator: ","),
            limitMB: state.configuration.maxUploadBytes / 1_048_576)
        return pages.render("import", view, status: status)
    }
}

extension Array where Element: Hashable {
    /// The elements in order, each once.
    fileprivate var uniqued: [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
