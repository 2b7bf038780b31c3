import Foundation
import KneeCoachCore

/// Decodes the bundled exercise library on a second thread while the command parses its
/// arguments, opens the journal and reads it: for the commands that prescribe, decoding the
/// library is about a tenth of the process, and nothing else needs the other core then.
///
/// `ExerciseLibrary.bundled()` decodes once per process under the runtime's one-time
/// initialisation, so the command's own call simply waits for (or reuses) this decoding; an
/// error is reported there, as it always was.
enum LibraryWarmUp {
    /// The subcommands that read the library on their usual path.
    static let prescribing: Set<String> = ["today", "plan", "session", "status", "report", "log", "exercises"]

    /// Starts decoding when the first argument names a command that will need the library.
    static func start(arguments: [String] = CommandLine.arguments) {
        guard let command = arguments.dropFirst().first, prescribing.contains(command) else { return }
        Thread.detachNewThread { _ = try? ExerciseLibrary.bundled() }
    }
}
