import Foundation

/// Debian's Chromium run headless on a local file, as the browser test uses it.
///
/// Chromium prints the page's console messages to standard error when logging goes there
/// (`--enable-logging=stderr --v=0`): `[…:INFO:CONSOLE:1] "Uncaught ReferenceError: …"`
/// (older builds write `CONSOLE(1)`). The sandbox needs `--no-sandbox` as root, as in CI.
struct HeadlessChromium {
    let executable: URL

    struct Run {
        let status: Int32
        let stdout: String
        let stderr: String

        /// The console messages and uncaught errors Chromium reported for the page.
        var consoleLines: [String] {
            stderr.split(separator: "\n").map(String.init).filter {
                $0.contains(":CONSOLE") || $0.contains("Uncaught") || $0.contains("Not allowed to load")
            }
        }
    }

    /// The first Chromium found on the usual paths or on `PATH`, or `nil`.
    static let found: HeadlessChromium? = {
        let names = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]
        let folders = ["/usr/bin", "/usr/local/bin", "/snap/bin"]
            + (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
        for folder in folders {
            for name in names {
                let path = folder + "/" + name
                if FileManager.default.isExecutableFile(atPath: path) { return HeadlessChromium(executable: URL(fileURLWithPath: path)) }
            }
        }
        return nil
    }()

    /// Opens `page` in a window of `width`×`height` CSS pixels (device scale 1) and either
    /// saves a screenshot to `screenshot` or prints the DOM to standard output (`dumpDOM`).
    /// - Parameters:
    ///   - darkMode: Asks the page for `prefers-color-scheme: dark`.
    ///   - timeout: Seconds before Chromium is stopped.
    func open(
        _ page: URL, width: Int = 390, height: Int = 2400, screenshot: URL? = nil, dumpDOM: Bool = false,
        darkMode: Bool = false, timeout: TimeInterval = 90
    ) throws -> Run {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("kc-chromium-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        var arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--enable-logging=stderr", "--v=0",
            "--user-data-dir=\(scratch.appendingPathComponent("profile").path)", "--no-first-run",
            "--no-default-browser-check", "--disable-extensions", "--hide-scrollbars", "--force-color-profile=srgb",
            "--force-device-scale-factor=1", "--window-size=\(width),\(height)",
        ]
        if darkMode { arguments.append("--force-dark-mode") }
        if let screenshot { arguments.append("--screenshot=\(screenshot.path)") }
        if dumpDOM { arguments.append("--dump-dom") }
        arguments.append(page.absoluteString)

        let outFile = scratch.appendingPathComponent("stdout"), errFile = scratch.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outFile.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errFile.path, contents: nil)
        let out = try FileHandle(forWritingTo: outFile), err = try FileHandle(forWritingTo: errFile)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(50_000) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        try out.close()
        try err.close()
        return Run(
            status: process.terminationStatus,
            stdout: (try? String(contentsOf: outFile, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOf: errFile, encoding: .utf8)) ?? "")
    }
}
