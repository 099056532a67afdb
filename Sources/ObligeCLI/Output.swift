#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import ObligeSyntax

/// Writes to standard output, standard error and files with POSIX calls (no Foundation, no buffering).
enum Output {
    static func standardOutput(_ text: String) { write(text, to: 1) }
    static func standardError(_ text: String) { write(text, to: 2) }

    /// Prints diagnostics to standard error, one per line, in the order given.
    static func diagnostics(_ diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        standardError(diagnostics.map(\.description).joined(separator: "\n") + "\n")
    }

    /// Nothing is buffered; kept so callers can mark where output must be complete.
    static func flush() {}

    /// Writes `text` to `path`, or to standard output when `path` is nil; a file that cannot be
    /// written is reported and exits 2.
    static func emit(_ text: String, to path: String?) throws {
        guard let path else {
            standardOutput(text)
            return
        }
        do { try write(text, toFile: path) } catch {
            diagnostics(error.diagnostics)
            throw ExitCode(ExitStatus.badInput)
        }
    }

    /// True when something exists at `path`.
    static func exists(_ path: String) -> Bool {
        access(path, F_OK) == 0
    }

    /// Writes `text` to `path` (replacing it), or reports why it could not.
    static func write(_ text: String, toFile path: String) throws(DiagnosticError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else {
            throw DiagnosticError(.error("output.unwritable",
                                         "cannot write '\(path)': \(String(cString: strerror(errno)))", at: nil))
        }
        defer { close(descriptor) }
        write(text, to: descriptor)
    }

    private static func write(_ text: String, to descriptor: Int32) {
        var text = text
        text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return
                }
                offset += written
            }
        }
    }
}
