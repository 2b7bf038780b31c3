import ArgumentParser
import Foundation
import KneeCoachCore

/// `kneecoach serve`: runs `kneecoach-server`, built beside `kneecoach`, with the same
/// arguments. The server lives in its own executable so that the command line starts
/// without loading the server's libraries.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the KneeCoach server (accounts and the JSON API) on this journal.",
        discussion: "Every argument goes to 'kneecoach-server'; 'kneecoach serve --help' lists them. See docs/server.md.")

    @Argument(parsing: .captureForPassthrough, help: "The server's options.")
    var arguments: [String] = []

    func run() throws {
        let server = Self.serverExecutable()
        guard FileManager.default.isExecutableFile(atPath: server.path) else {
            throw fail(ServeLaunchError.missing(path: server.path))
        }
        let argv = [server.path] + arguments
        var cArguments = argv.map { strdup($0) } + [nil]
        execv(server.path, &cArguments)
        throw fail(ServeLaunchError.cannotStart(path: server.path, reason: String(cString: strerror(errno))))
    }

    /// `kneecoach-server` in the folder of the running `kneecoach`.
    static func serverExecutable() -> URL {
        let me = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let folder = FileManager.default.fileExists(atPath: me.path) && me.lastPathComponent != "exe"
            ? me.deletingLastPathComponent()
            : (Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])).deletingLastPathComponent()
        return folder.appendingPathComponent("kneecoach-server")
    }
}

enum ServeLaunchError: UserFacingError, Equatable {
    case missing(path: String)
    case cannotStart(path: String, reason: String)

    var problem: String {
        switch self {
        case .missing(let path): "The server executable '\(path)' is missing."
        case .cannotStart(let path, let reason): "Cannot start '\(path)': \(reason)."
        }
    }

    var fix: String { "Build it beside kneecoach with 'swift build -c release' (it is part of the package)." }

    var exitCode: Int32 { ExitStatus.failure }
}
