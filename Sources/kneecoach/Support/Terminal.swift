import Dispatch
import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The terminal as a full screen: raw keys, the alternate screen, no cursor, and the
/// way back to how it was — on a normal end, on `q`, on SIGINT, SIGTERM or SIGHUP, and at
/// process exit whatever happens in between.
///
/// ```swift
/// let screen = try TerminalScreen.enter()
/// defer { screen.leave() }
/// screen.draw(["line one", "line two"])
/// ```
final class TerminalScreen {
    /// Whether both standard input and standard output are terminals, so a full screen makes sense.
    static var isInteractive: Bool { isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 }

    private let signals = TerminalSignals()
    private var left = false

    private init() {}

    /// Switches to raw keys and the alternate screen.
    /// - Throws: ``TerminalError/notATerminal`` when standard input is no terminal.
    static func enter() throws(TerminalError) -> TerminalScreen {
        var settings = termios()
        guard tcgetattr(STDIN_FILENO, &settings) == 0 else { throw .notATerminal }
        TerminalRestore.save(settings)
        var raw = settings
        // Keys one at a time, unechoed; Ctrl-C and Ctrl-Z arrive as keys; output keeps its
        // newline translation.
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO | ISIG | IEXTEN)
        raw.c_iflag &= ~tcflag_t(IXON | ICRNL)
        withUnsafeMutableBytes(of: &raw.c_cc) { cc in
            cc[Int(VMIN)] = 1
            cc[Int(VTIME)] = 0
        }
        guard tcsetattr(STDIN_FILENO, TCSAFLUSH, &raw) == 0 else { throw .notATerminal }
        let screen = TerminalScreen()
        screen.signals.install()
        write(TerminalRestore.enterSequence)
        return screen
    }

    /// Whether SIGINT, SIGTERM or SIGHUP arrived since ``enter()``.
    var interrupted: Bool { signals.isRaised }

    /// Puts the terminal back as it was; safe to call more than once.
    func leave() {
        guard !left else { return }
        left = true
        TerminalRestore.restore()
        signals.uninstall()
    }

    /// The terminal's size in columns and rows (80 × 24 when it cannot be asked).
    var size: (columns: Int, rows: Int) {
        var size = winsize()
        let status = withUnsafeMutablePointer(to: &size) { ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), $0) }
        guard status == 0, size.ws_col > 0, size.ws_row > 0 else { return (80, 24) }
        return (Int(size.ws_col), Int(size.ws_row))
    }

    /// Redraws the whole screen in place: cursor home, each line cleared to its end, the rest erased.
    func draw(_ lines: [String]) {
        let body = lines.map { $0 + "\u{1B}[K" }.joined(separator: "\n")
        Self.write("\u{1B}[H" + body + "\u{1B}[J")
    }

    /// Rings the terminal bell.
    func bell() { Self.write("\u{07}") }

    /// The bytes typed within `timeout`, or none.
    func readBytes(timeout: Duration) -> [UInt8] {
        var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        let milliseconds = Int32(timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000)
        guard poll(&descriptor, 1, milliseconds) > 0, descriptor.revents & Int16(POLLIN) != 0 else { return [] }
        var buffer = [UInt8](repeating: 0, count: 64)
        let count = read(STDIN_FILENO, &buffer, buffer.count)
        return count > 0 ? Array(buffer.prefix(count)) : []
    }

    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}

/// A terminal that cannot be used as a full screen.
enum TerminalError: Error {
    case notATerminal
}

/// The saved terminal settings, restored once from wherever the process ends.
///
/// Global because an `atexit` handler cannot capture context; written once before raw
/// mode starts and read under a lock.
enum TerminalRestore {
    /// Alternate screen on, cursor hidden, screen cleared.
    static let enterSequence = "\u{1B}[?1049h\u{1B}[?25l\u{1B}[H\u{1B}[2J"
    /// Cursor shown, alternate screen off.
    static let leaveSequence = "\u{1B}[?25h\u{1B}[?1049l"

    private static let state = Mutex<(settings: termios?, registered: Bool)>((nil, false))

    static func save(_ settings: termios) {
        let register = state.withLock { state in
            state.settings = settings
            defer { state.registered = true }
            return !state.registered
        }
        if register { atexit { TerminalRestore.restore() } }
    }

    /// Restores the saved settings and leaves the alternate screen, once.
    static func restore() {
        guard var settings = state.withLock({ state in
            defer { state.settings = nil }
            return state.settings
        }) else { return }
        FileHandle.standardOutput.write(Data(leaveSequence.utf8))
        _ = tcsetattr(STDIN_FILENO, TCSAFLUSH, &settings)
    }
}

/// SIGINT, SIGTERM and SIGHUP while the screen is up: noted, so the loop can stop the
/// session and put the terminal back; default handling returns once the screen is gone.
/// Dispatch sources are not `Sendable`; they are only touched under the lock.
private final class TerminalSignals: @unchecked Sendable {
    private let raised = Atomic<Bool>(false)
    private let lock = NSLock()
    private var sources: [any DispatchSourceSignal] = []
    private static let numbers = [SIGINT, SIGTERM, SIGHUP]

    var isRaised: Bool { raised.load(ordering: .acquiring) }

    func install() {
        lock.lock()
        defer { lock.unlock() }
        for number in Self.numbers {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [weak self] in self?.raised.store(true, ordering: .releasing) }
            source.resume()
            sources.append(source)
        }
    }

    func uninstall() {
        lock.lock()
        defer { lock.unlock() }
        for source in sources { source.cancel() }
        sources = []
        for number in Self.numbers { signal(number, SIG_DFL) }
    }
}
