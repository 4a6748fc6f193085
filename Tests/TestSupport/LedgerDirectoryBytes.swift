import Foundation
import Ledger

/// The bytes of every file in a ledger directory (and its folders), to scan for what must not be
/// there: a PGN in any form the code would store it, a key, a sealed entry.
public struct LedgerDirectoryBytes {
    /// Each file's path relative to the directory, and its bytes.
    public let files: [(name: String, bytes: [UInt8])]

    /// Reads every regular file below `directory`.
    public init(_ directory: String) throws {
        var files: [(String, [UInt8])] = []
        let enumerator = FileManager.default.enumerator(atPath: directory)
        while let name = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory + "/" + name, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            files.append((name, [UInt8](try Data(contentsOf: URL(fileURLWithPath: directory + "/" + name)))))
        }
        self.files = files.sorted { $0.0 < $1.0 }
    }

    /// How many bytes were read.
    public var size: Int { files.reduce(0) { $0 + $1.bytes.count } }

    /// The names of the files that hold `needle` somewhere.
    public func files(holding needle: [UInt8]) -> [String] {
        files.filter { Self.contains($0.bytes, needle) }.map(\.name)
    }

    /// Every way the code would store `pgn` if it stored it: nine ASCII digits, the UInt32
    /// little- and big-endian (packed counting rows, keys) and the varint of rows and events.
    public static func forms(of pgn: PGN) -> [[UInt8]] {
        var varint: [UInt8] = []
        var value = pgn.value
        repeat {
            varint.append(UInt8(value & 0x7F) | (value >= 0x80 ? 0x80 : 0))
            value >>= 7
        } while value > 0
        return [
            Array(pgn.digits.utf8), withUnsafeBytes(of: pgn.value.littleEndian, Array.init),
            withUnsafeBytes(of: pgn.value.bigEndian, Array.init), varint,
        ]
    }

    /// Whether `needle` occurs in `haystack`.
    public static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard needle.count <= haystack.count, let first = needle.first else { return false }
        var index = haystack.startIndex
        while let found = haystack[index...].firstIndex(of: first), found + needle.count <= haystack.count {
            if haystack[found..<found + needle.count].elementsEqual(needle) { return true }
            index = found + 1
        }
        return false
    }
}
