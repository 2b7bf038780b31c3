import Foundation
import KneeCoachCore

/// Runs a guided session on the full screen: reads keys, moves the runner on with the
/// clock, rings the bell at each new step and redraws in place, until the session ends or
/// the runner quits (`q`, Ctrl-C, or a SIGINT/SIGTERM/SIGHUP from outside).
///
/// The only place the session meets a real clock: the runner gets plain seconds from here.
struct SessionLoop {
    /// How the session ended.
    struct Outcome {
        let runner: SessionRunner
        /// Session seconds spent running, pauses excluded.
        let activeSeconds: Double
    }

    let timeline: SessionTimeline
    let date: LocalDate
    let quiet: Bool
    /// Session seconds per real second (a testing aid; 1 in normal use).
    let timeScale: Double

    /// How often the screen is checked for a change when no key comes.
    private static let frameInterval = Duration.milliseconds(100)

    /// Runs until the session is over; the terminal is restored before it returns or throws.
    func run() throws -> Outcome {
        let screen: TerminalScreen
        do { screen = try TerminalScreen.enter() } catch { throw SessionLoopError.noTerminal }
        defer { screen.leave() }
        let clock = ContinuousClock()
        let origin = clock.now
        func now() -> Double {
            let elapsed = (clock.now - origin).components
            return (Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18) * timeScale
        }
        var runner = SessionRunner(timeline: timeline)
        runner.start(at: now())
        var shown = (index: runner.index, status: runner.status)
        var lastFrame: [String] = []
        while !runner.isOver {
            if screen.interrupted {
                runner.stop(at: now())
                break
            }
            for key in SessionKey.keys(in: screen.readBytes(timeout: Self.frameInterval)) {
                switch key {
                case .action(let action): runner.apply(action, at: now())
                case .quit: runner.stop(at: now())
                }
            }
            runner.tick(at: now())
            if runner.index != shown.index, runner.status != .stopped, !quiet { screen.bell() }
            let size = screen.size
            let frame = SessionScreen.lines(runner, at: now(), date: date, width: size.columns, height: size.rows)
            if frame != lastFrame || runner.status != shown.status {
                screen.draw(frame)
                lastFrame = frame
            }
            shown = (runner.index, runner.status)
        }
        return Outcome(runner: runner, activeSeconds: runner.activeSeconds(at: now()))
    }
}

/// The full screen could not start.
enum SessionLoopError: UserFacingError {
    case noTerminal

    var problem: String { "The terminal could not be switched to full-screen keys." }
    var fix: String { "Run 'kneecoach session' in an interactive terminal, or pipe its output to get the step list." }
    var exitCode: Int32 { ExitStatus.failure }
}
