import Ingest
import Ledger

/// Every file of an ingest read, validated and pseudonymised, nothing yet written: one bad file
/// records none, so a ledger is only opened to write once every file has read.
public struct IngestBatch: Sendable {
    /// The releases to record, in the order of the files.
    public let releases: [IncomingRelease]
    /// The rules that refuse a mass change; nil when one was accepted.
    let massChangeRules: MassChangeRules?

    /// Reads every file of `request` as `reading` says; the problems of all of them, or a key
    /// that does not read, are bad data whose `input` lists them.
    public init(_ request: IngestRequest, reading: FileReading) throws(KijkglasError) {
        let reader = try reading.reader()
        let key: PseudonymKey?
        do throws(InputError) {
            key = try request.pseudonymKeyFile.map { path throws(InputError) in try PseudonymKey(contentsOf: path) }
        } catch {
            throw Self.nothingWritten(error)
        }
        var releases: [IncomingRelease] = []
        var problems: [InputProblem] = []
        for file in request.files {
            do throws(InputError) {
                var release = try reader.read(file: file, overrides: reading.overrides)
                if let key {
                    release.rows = key.pseudonymise(release.rows)
                    release.pseudonymFingerprint = key.fingerprint
                }
                releases.append(release)
            } catch {
                problems += error.problems
            }
        }
        if !problems.isEmpty { throw Self.nothingWritten(InputError(problems: problems, truncated: false)) }
        self.releases = releases
        massChangeRules = request.acceptMassChange ? nil : try RuleFiles.massChangeRules()
    }

    private static func nothingWritten(_ input: InputError) -> KijkglasError {
        KijkglasError(.badData, "nothing was written to the ledger", input: input)
    }
}
