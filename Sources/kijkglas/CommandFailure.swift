import ArgumentParser
import Foundation
import Ingest
import KijkglasKit

/// A failure to report on standard error with its exit code.
struct CommandFailure: Error {
    /// The process exit code.
    var exitCode: ExitCode
    /// What to tell the user.
    var message: String
}

extension ExitCode {
    /// 65 (EX_DATAERR): the input file is malformed.
    static let dataError = ExitCode(65)
    /// 74 (EX_IOERR): storage or I/O failed.
    static let storageError = ExitCode(74)
    /// 1: a check found differences or damage.
    static let checkFailed = ExitCode(1)
}

/// Runs a command body, printing its failures in one place and turning them into exit codes: the
/// library's by their kind, with its terms spelled as flags and the problems of the files read
/// before the message; a layout file that does not read is 65.
func reportingFailures<Value>(_ body: () throws -> Value) throws -> Value {
    do {
        return try body()
    } catch let failure as CommandFailure {
        printError(failure.message)
        throw failure.exitCode
    } catch let error as KijkglasError {
        if let input = error.input { printError(input.text(naming: \.flag)) }
        printError("kijkglas: " + error.text(naming: \.flag))
        throw error.kind.exitCode
    } catch let error as LayoutError {
        printError(error.description)
        throw ExitCode.dataError
    }
}

/// Writes one line to standard error.
func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
