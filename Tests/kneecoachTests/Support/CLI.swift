import Foundation

/// Runs the built `kneecoach` executable as a user would, capturing what it prints.
struct CLI {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// The folder holding the built products (the test bundle sits beside the executable).
    static let productsFolder: URL = {
        let candidates = [Bundle.main.executableURL, URL(fileURLWithPath: CommandLine.arguments[0])]
            .compactMap { $0?.deletingLastPathComponent() }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.appendingPathComponent("kneecoach").path) }
            ?? candidates[0]
    }()

    static var executable: URL { productsFolder.appendingPathComponent("kneecoach") }

    private static let spawnLock = NSLock()

    /// Starts `process`, one spawn at a time: Foundation's `Process.run()` is not safe to call
    /// from several threads at once on Linux (it has crashed copying the child's arguments
    /// while another test spawned). The children still run side by side.
    static func spawn(_ process: Process) throws {
        try spawnLock.withLock { try process.run() }
    }

    /// Runs `kneecoach` with arguments, an optional environment and standard input, in an
    /// empty data folder unless `environment` or `--db` names one.
    /// `executable` runs another program in the same way (such as `/usr/bin/time` with
    /// `kneecoach` among its arguments).
    static func run(_ arguments: [String], environment: [String: String] = [:], input: String? = nil,
                    executable: URL = CLI.executable) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["COLUMNS"] = "80"
        // Never the journal of whoever runs the tests: unless a test says otherwise, each run
        // gets an empty data folder of its own.
        env["KNEECOACH_DB"] = nil
        env["KNEECOACH_DATABASE_URL"] = nil
        env["XDG_DATA_HOME"] = FileManager.default.temporaryDirectory
            .appendingPathComponent("kneecoach-cli-\(UUID().uuidString)").path
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe(), inPipe = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = inPipe
        try spawn(process)
        if let input { inPipe.fileHandleForWriting.write(Data(input.utf8)) }
        try inPipe.fileHandleForWriting.close()
        // Read both pipes before waiting, so a large output cannot block the child.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }
}
