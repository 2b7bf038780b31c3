import Foundation

/// CPU seconds of this process's threads, summed by thread name, from `/proc/self/task`
/// (Linux only; empty elsewhere). Threads that have ended are not counted.
enum ThreadCPU {
    static func byName() -> [String: Double] {
        let tasks = "/proc/self/task"
        guard let ids = try? FileManager.default.contentsOfDirectory(atPath: tasks) else { return [:] }
        let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
        var result: [String: Double] = [:]
        for id in ids {
            guard let stat = try? String(contentsOfFile: "\(tasks)/\(id)/stat", encoding: .utf8),
                let open = stat.firstIndex(of: "("), let close = stat.lastIndex(of: ")")
            else { continue }
            let name = String(stat[stat.index(after: open)..<close])
            // After the name: state is field 3; utime and stime are fields 14 and 15.
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { continue }
            result[name, default: 0] += (user + system) / ticks
        }
        return result
    }
}

/// The label of the CPU time of the threads that ended during the import: the readers.
enum ReaderCPU {
    static let name = "readers (ended threads)"
}
