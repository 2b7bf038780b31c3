import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

import KneeCoachApp

/// A one-line progress bar on standard error (`[=====>    ] 12/40 run.fit`), drawn only
/// when standard error is a terminal, so logs and pipes stay clean.
struct ProgressBar: Sendable {
    /// Whether to draw at all.
    let isEnabled: Bool

    /// Whether standard error is a terminal.
    static var isTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// The terminal width: `$COLUMNS`, else 80.
    static var width: Int {
        if let text = ProcessInfo.processInfo.environment["COLUMNS"], let columns = Int(text), columns >= 20 {
            return columns
        }
        return 80
    }

    /// Draws the bar for `progress`, replacing the previous one.
    func draw(_ progress: ImportProgress) {
        guard isEnabled, progress.total > 0 else { return }
        FileHandle.standardError.write(Data(("\r\u{1B}[2K" + Self.line(progress, width: Self.width)).utf8))
    }

    /// Removes the bar.
    func clear() {
        guard isEnabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
    }

    /// The bar's text, at most `width - 1` columns.
    static func line(_ progress: ImportProgress, width: Int) -> String {
        let barWidth = 20
        let filled = progress.total == 0 ? barWidth : barWidth * progress.done / progress.total
        let bar = String(repeating: "=", count: filled) + (filled < barWidth ? ">" : "")
            + String(repeating: " ", count: max(0, barWidth - filled - 1))
        let head = "[\(bar)] \(progress.done)/\(progress.total) "
        let name = (progress.currentFile as NSString).lastPathComponent
        let room = max(0, width - 1 - head.count)
        return head + (name.count > room ? String(name.prefix(max(0, room - 1))) + "…" : name)
    }
}
