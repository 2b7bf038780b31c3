import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Random access to an archive's bytes: a file on disk read piece by piece, or bytes in
/// memory (a zip inside a zip). Reading past the end reports instead of trapping.
protocol ByteSource {
    /// The number of bytes.
    var count: Int { get }
    /// The `length` bytes starting at `offset`.
    /// - Throws: `.unreadableArchive` when they are not all inside the source or cannot be read.
    func bytes(at offset: Int, length: Int) throws(ActivityFileError) -> [UInt8]
}

extension ByteSource {
    /// Whether `offset..<offset + length` lies inside the source (no overflow possible).
    func contains(offset: Int, length: Int) -> Bool {
        offset >= 0 && length >= 0 && offset <= count && length <= count - offset
    }
}

/// Bytes already in memory.
struct MemoryBytes: ByteSource {
    let storage: [UInt8]

    var count: Int { storage.count }

    func bytes(at offset: Int, length: Int) throws(ActivityFileError) -> [UInt8] {
        guard contains(offset: offset, length: length) else {
            throw .unreadableArchive(reason: "bytes \(offset) to \(offset + length) lie past its end at byte \(count)")
        }
        return Array(storage[offset..<(offset + length)])
    }
}

/// A file read with `pread`, so only the pieces asked for are in memory.
final class FileBytes: ByteSource {
    private let descriptor: Int32
    let count: Int

    /// Opens a file for reading.
    /// - Throws: `.unreadableFile` when it cannot be opened or its size read.
    init(path: String) throws(ActivityFileError) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .unreadableFile(reason: String(cString: strerror(errno))) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            throw .unreadableFile(reason: reason)
        }
        self.descriptor = descriptor
        count = Int(status.st_size)
    }

    deinit { close(descriptor) }

    func bytes(at offset: Int, length: Int) throws(ActivityFileError) -> [UInt8] {
        guard contains(offset: offset, length: length) else {
            throw .unreadableArchive(reason: "bytes \(offset) to \(offset + length) lie past its end at byte \(count)")
        }
        var result = [UInt8](repeating: 0, count: length)
        var done = 0
        var failure: Int32 = 0
        result.withUnsafeMutableBytes { buffer in
            while done < length, let base = buffer.baseAddress {
                let read = pread(descriptor, base + done, length - done, off_t(offset + done))
                if read < 0, errno == EINTR { continue }
                if read <= 0 {
                    failure = read < 0 ? errno : 0
                    return
                }
                done += read
            }
        }
        guard done == length else {
            let reason = failure == 0 ? "the file ended at byte \(offset + done), shorter than it was" : String(cString: strerror(failure))
            throw .unreadableFile(reason: reason)
        }
        return result
    }
}
