#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads input files with POSIX calls, checking the size limit before reading anything.
public enum SourceFile {
    /// The contents of `path` as UTF-8 text (invalid bytes are replaced), or a diagnostic.
    public static func read(_ path: String, maxBytes: Int) throws(DiagnosticError) -> String {
        let bytes = try readBytes(path, maxBytes: maxBytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The raw bytes of `path`, or a diagnostic.
    public static func readBytes(_ path: String, maxBytes: Int) throws(DiagnosticError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw failure(path, errno) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw failure(path, errno) }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            throw DiagnosticError(.error("input.unreadable", "'\(path)' is a directory, not a file", at: nil))
        }
        let size = Int(info.st_size)
        if size > maxBytes {
            throw DiagnosticError(.error(
                "input.too-large",
                "file is \(size) bytes, over the limit of \(maxBytes) bytes (\(describe(bytes: maxBytes)))",
                at: .startOf(path)))
        }
        // Read in chunks and re-check the limit: a file that grows while we read stays bounded.
        var buffer: [UInt8] = []
        buffer.reserveCapacity(max(size, 0))
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw failure(path, errno)
            }
            if count == 0 { break }
            buffer.append(contentsOf: chunk[0..<count])
            if buffer.count > maxBytes {
                throw DiagnosticError(.error(
                    "input.too-large", "file is over the limit of \(maxBytes) bytes", at: .startOf(path)))
            }
        }
        return buffer
    }

    /// Whether `path` names a directory.
    public static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// The regular files directly inside `directory`, sorted by name.
    public static func files(in directory: String) throws(DiagnosticError) -> [String] {
        guard let handle = opendir(directory) else { throw failure(directory, errno) }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name.hasPrefix(".") { continue }
            names.append(name)
        }
        return names.sorted()
    }

    private static func failure(_ path: String, _ code: Int32) -> DiagnosticError {
        let reason = String(cString: strerror(code))
        return DiagnosticError(.error("input.unreadable", "cannot read '\(path)': \(reason)", at: nil))
    }

    private static func describe(bytes: Int) -> String {
        if bytes >= 1 << 20, bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
        if bytes >= 1 << 10, bytes % (1 << 10) == 0 { return "\(bytes >> 10) KiB" }
        return "\(bytes) bytes"
    }
}
