import Foundation
import Testing

/// Runs the built `kijkglas` executable, as a user would, and captures what it prints.
public struct KijkglasBinary {
    /// Exit code and output of one run.
    public struct Result {
        public var status: Int32
        public var standardOutput: String
        public var standardError: String
    }

    /// The executable next to the test bundle in the build directory.
    public static var url: URL {
        let testBundle = Bundle(for: Marker.self).bundleURL
        let candidates = [
            testBundle.deletingLastPathComponent().appendingPathComponent("kijkglas"),
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("kijkglas"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }

    /// Starts `kijkglas arguments…` without waiting, its output discarded.
    public static func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(["KIJKGLAS_KEY": TestKey.sharedFile]) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Runs another executable of the package (e.g. `kijkglas-bench`) from the same build directory.
    public static func runTool(_ name: String, _ arguments: [String]) throws -> Result {
        try run(arguments, executable: url.deletingLastPathComponent().appendingPathComponent(name))
    }

    /// Runs `kijkglas arguments…` with `environment` added to this process's environment, in
    /// `directory` when given.
    public static func run(
        _ arguments: [String], environment: [String: String] = [:], executable: URL = url, in directory: String? = nil
    ) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        process.environment = ProcessInfo.processInfo.environment.merging(["KIJKGLAS_KEY": TestKey.sharedFile]) { $1 }
            .merging(environment) { $1 }
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, standardOutput: String(decoding: outputData, as: UTF8.self),
            standardError: String(decoding: errorData, as: UTF8.self))
    }

    /// Builds the demo ledger in `directory/ledger` with `kijkglas demo` and returns its path.
    public static func demoLedger(in directory: TemporaryDirectory) throws -> String {
        let ledger = directory.appending("ledger")
        let demo = try run(["demo", "--ledger", ledger])
        #expect(demo.status == 0, "\(demo.standardError)")
        return ledger
    }

    /// The bytes of a ledger's data file, to check that a command wrote nothing.
    public static func dataFile(of ledger: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: ledger + "/data.mdb"))
    }

    private final class Marker {}
}
