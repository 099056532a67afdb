import ArgumentParser

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs `oblige`, mapping every failure to the documented exit codes: usage errors are 2
/// (ArgumentParser's default would be 64), help and version are 0.
@main
enum Main {
    static func main() {
        do {
            var command = try ObligeCommand.parseAsRoot()
            try command.run()
        } catch let exit as ExitCode {
            Output.flush()
            Glibc.exit(exit.rawValue)
        } catch {
            Output.flush()
            let code = ObligeCommand.exitCode(for: error)
            if code == .success {
                Output.standardOutput(ObligeCommand.fullMessage(for: error) + "\n")
                Output.flush()
                Glibc.exit(0)
            }
            Output.standardError(ObligeCommand.fullMessage(for: error) + "\n")
            Output.flush()
            Glibc.exit(ExitStatus.badInput)
        }
        Output.flush()
        Glibc.exit(0)
    }
}

/// The exit codes documented in `oblige --help` and the README.
enum ExitStatus {
    static let success: Int32 = 0
    static let gateFailed: Int32 = 1
    static let badInput: Int32 = 2
}
