import Dispatch
import Ledger

extension ReleaseFileReader {
    /// The registrations on the lines after the header at `headerLine`, each identity once; what
    /// is wrong with a line is reported and the line left out. Stops at the problem limit.
    /// `expectedRows` (an estimate) reserves room up front. With `path` (the file `csv` reads
    /// as it is, UTF-8) a large file's data lines are read in stretches on every core. How a
    /// sheet's date cells were written goes into `dates`.
    func readRows<Source: ByteSource>(
        from csv: inout CSVReader<Source>, reader: RowReader, headerLine: Int, expectedRows: Int, path: String?,
        dates: inout DateShapes, problems: inout ProblemList
    ) -> [Registration] {
        do {
            while let record = try csv.next(), record.line < headerLine {}
        } catch {
            problems.add(error)
            return []
        }
        var collected = CollectedRows(problems: problems, line: csv.nextLine, expectedRows: expectedRows)
        let parts = path.map { stretches(of: $0, from: csv.offset) } ?? []
        if let path, parts.count > 1 {
            collected = readInParallel(
                parts, of: path, separator: csv.separator, reader: reader, expectedRows: expectedRows, into: collected)
        } else {
            let batch = RowBatch(
                reading: &csv, with: reader, file: problems.file, limit: problems.limit, expectedRows: expectedRows,
                namesCells: problems.namesCells)
            dates = batch.dates
            collected.take(batch)
        }
        problems = collected.problems
        return collected.takeRows()
    }

    /// Reads `stretches` of the file at `path` on every core, joining their batches into
    /// `collected`; reads on in one piece from a stretch that did not start on a record.
    private func readInParallel(
        _ stretches: [Range<Int>], of path: String, separator: UInt8, reader: RowReader, expectedRows: Int,
        into collected: CollectedRows
    ) -> CollectedRows {
        let file = collected.problems.file
        let limit = collected.problems.limit
        let size = stretches.last?.upperBound ?? 0
        @Sendable func batch(from start: Int, to end: Int) -> RowBatch {
            let rows = expectedRows * (end - start) / max(1, size) * 5 / 4 + 16
            do {
                var csv = CSVReader(
                    stretch: try FileByteSource(path: path, range: start..<end), separator: separator,
                    chunkSize: min(1 << 20, end - start))
                return RowBatch(reading: &csv, with: reader, file: file, limit: limit, expectedRows: rows)
            } catch {
                return RowBatch(error: error)
            }
        }
        let joiner = BatchJoiner(collected, count: stretches.count)
        DispatchQueue.concurrentPerform(iterations: stretches.count) { index in
            guard !joiner.isFinished else { return }
            joiner.deliver(batch(from: stretches[index].lowerBound, to: stretches[index].upperBound), at: index)
        }
        var (joined, resume) = joiner.result
        if let resume {
            joined.take(batch(from: stretches[resume].lowerBound, to: size))
        }
        return joined
    }

    /// The file at `path` from byte `start` to its end cut into stretches of about
    /// `stretchBytes`, each after a line feed; one stretch for a small file.
    private func stretches(of path: String, from start: Int) -> [Range<Int>] {
        guard let file = try? FileByteSource(path: path), file.size - start >= 2 * stretchBytes else {
            return []
        }
        var bounds = [start]
        var nominal = start + stretchBytes
        while nominal < file.size - stretchBytes / 2 {
            guard let bound = lineStart(atOrAfter: nominal, in: path), bound < file.size else { break }
            if bound > bounds[bounds.count - 1] { bounds.append(bound) }
            nominal = max(nominal + stretchBytes, bound)
        }
        bounds.append(file.size)
        return zip(bounds, bounds.dropFirst()).map { $0..<$1 }
    }

    /// The offset after the first line feed at or after `offset` in the file at `path`; nil
    /// when there is none.
    private func lineStart(atOrAfter offset: Int, in path: String) -> Int? {
        guard var file = try? FileByteSource(path: path, range: offset..<Int.max) else { return nil }
        var buffer = [UInt8](repeating: 0, count: 1 << 14)
        var position = offset
        while true {
            guard let count = try? buffer.withUnsafeMutableBytes({ try file.read(into: $0) }), count > 0 else { return nil }
            if let index = buffer[..<count].firstIndex(of: ASCII.lineFeed) { return position + index + 1 }
            position += count
        }
    }
}
