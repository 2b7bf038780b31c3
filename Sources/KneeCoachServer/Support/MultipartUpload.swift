import Foundation
import Hummingbird
import MultipartKit

/// A `multipart/form-data` upload (an HTML form's file field, `curl -F file=@run.fit`),
/// streamed to disk as it arrives: the first part with a file name (or, for the import
/// page, each of several) is written to a private file named after it (its extension says
/// what it is); other parts are read and dropped. Past `limit` bytes of file, all files
/// together, the upload stops with 413, whatever is still to come.
enum MultipartUpload {
    /// The boundary of a `multipart/form-data` content type, or `nil` for any other type.
    static func boundary(of contentType: String?) -> String? {
        guard let contentType, contentType.lowercased().hasPrefix("multipart/form-data") else { return nil }
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == "boundary" {
                let value = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                return (1...70).contains(value.utf8.count) ? value : nil
            }
        }
        return nil
    }

    /// Writes the file part of `body` into `folder`.
    /// - Returns: The file written and the name the client gave it.
    static func spool(_ body: RequestBody, boundary: String, into folder: URL, limit: Int, accepting: [String]) async throws
        -> (file: URL, name: String)
    {
        let state = SpoolState(folder: folder, limit: limit, accepting: accepting, maxFiles: 1, skipUnknown: false)
        try await read(body, boundary: boundary, into: state)
        guard let file = state.files.first else {
            throw Problem(.unprocessableContent, title: "No file", detail: "The form has no file. Send one field with a file, e.g. curl -F file=@run.fit.")
        }
        return file
    }

    /// What a form with several files (the import page's) brought: the files of a known kind,
    /// written into `folder`, and the names of the others, which were not kept.
    struct Files {
        var spooled: [(file: URL, name: String)]
        var refused: [String]
    }

    /// Writes up to `maxFiles` file parts of `body` into `folder`, together at most `limit`
    /// bytes; a file whose name ends in none of `accepting` is listed, not written.
    static func spoolFiles(
        _ body: RequestBody, boundary: String, into folder: URL, limit: Int, accepting: [String], maxFiles: Int
    ) async throws -> Files {
        let state = SpoolState(folder: folder, limit: limit, accepting: accepting, maxFiles: maxFiles, skipUnknown: true)
        try await read(body, boundary: boundary, into: state)
        return Files(spooled: state.files, refused: state.refused)
    }

    private static func read(_ body: RequestBody, boundary: String, into state: SpoolState) async throws {
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { name, value in state.header(name, value) }
        parser.onBody = { buffer in state.write(&buffer) }
        parser.onPartComplete = { state.partComplete() }
        defer { state.close() }
        let deadline = BodyDeadline(seconds: BodyDeadline.uploadSeconds)
        for try await buffer in body {
            try deadline.check()
            do {
                try parser.execute(buffer)
            } catch {
                throw Problem(.badRequest, title: "Bad upload", detail: "The multipart body could not be read. Send the file as a form field, e.g. curl -F file=@run.fit.")
            }
            if let problem = state.problem { throw problem }
        }
        if let problem = state.problem { throw problem }
    }

    /// What the parser's callbacks share while one upload is read.
    private final class SpoolState {
        let folder: URL
        let limit: Int
        let accepting: [String]
        let maxFiles: Int
        /// Whether a file of an unknown kind is listed in `refused` (else the upload fails).
        let skipUnknown: Bool
        var headers: [String: String] = [:]
        var handle: FileHandle?
        var current: (file: URL, name: String)?
        /// Whether the current part has been looked at (a file is opened once per part).
        var opened = false
        var files: [(file: URL, name: String)] = []
        var refused: [String] = []
        /// File bytes written, all parts together.
        var written = 0
        var problem: Problem?

        init(folder: URL, limit: Int, accepting: [String], maxFiles: Int, skipUnknown: Bool) {
            self.folder = folder
            self.limit = limit
            self.accepting = accepting
            self.maxFiles = maxFiles
            self.skipUnknown = skipUnknown
        }

        func header(_ name: String, _ value: String) {
            headers[name.lowercased()] = value
        }

        func write(_ buffer: inout ByteBuffer) {
            guard problem == nil else { return }
            if !opened { open() }
            guard let handle else { return }
            written += buffer.readableBytes
            guard written <= limit else {
                problem = Problem(.contentTooLarge, title: "Too large", detail: "The upload is larger than \(limit / 1_048_576) MB. Send a smaller file.")
                return
            }
            handle.write(Data(buffer.readableBytesView))
        }

        func partComplete() {
            if !opened, problem == nil { open() }  // an empty file part
            if let current, problem == nil { files.append(current) }
            try? handle?.close()
            handle = nil
            current = nil
            opened = false
            headers = [:]
        }

        func close() { try? handle?.close() }

        /// Starts writing the part if it is a file of a known kind and there is room for it.
        private func open() {
            opened = true
            guard files.count < maxFiles else { return }
            guard let disposition = headers["content-disposition"], let name = Self.fileName(disposition) else { return }
            guard let suffix = accepting.first(where: { name.lowercased().hasSuffix($0) }) else {
                if skipUnknown {
                    refused.append(name)
                } else {
                    problem = Problem(
                        .unprocessableContent, title: "Unknown file type",
                        detail: "The file's name must end in one of \(accepting.joined(separator: ", ")). Send the file with its own name.")
                }
                return
            }
            let file = folder.appendingPathComponent("upload\(files.isEmpty ? "" : "-\(files.count)")" + suffix)
            guard FileManager.default.createFile(atPath: file.path, contents: nil, attributes: [.posixPermissions: 0o600]),
                let handle = try? FileHandle(forWritingTo: file)
            else {
                problem = Problem(.internalServerError, title: "Server error", detail: "The upload could not be stored. Try again later.")
                return
            }
            self.handle = handle
            current = (file, name)
        }

        /// `filename="run.fit"` of a `Content-Disposition` value, without any folder.
        static func fileName(_ disposition: String) -> String? {
            for parameter in disposition.split(separator: ";").map({ $0.trimmingCharacters(in: .whitespaces) }) {
                guard parameter.lowercased().hasPrefix("filename=") else { continue }
                let value = parameter.dropFirst("filename=".count).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                let base = ImportRoutes.displayName(String(value))
                return base.isEmpty ? nil : base
            }
            return nil
        }
    }
}
