import Ingest
import Ledger

/// Every file of an ingest read and validated, nothing yet written: one bad file
/// records none, so a ledger is only opened to write once every file has read.
public struct IngestBatch: Sendable {
    /// The releases to record, in the order of the files.
    public let releases: [IncomingRelease]
    /// The rules that refuse a mass change; nil when one was accepted.
    let massChangeRules: MassChangeRules?
    /// The birth dates the funding rules tell apart: the rows keep only these.
    let ageThresholds: AgeThresholds

    /// The releases, handed over whole.
    consuming func takeReleases() -> [IncomingRelease] {
        releases
    }

    /// Reads every file of `request` as `reading` says; the problems of all of them are bad data
    /// whose `input` lists them.
    public init(_ request: IngestRequest, reading: FileReading) throws(KijkglasError) {
        let reader = try reading.reader()
        var releases: [IncomingRelease] = []
        var problems: [InputProblem] = []
        for file in request.files {
            do throws(InputError) {
                releases.append(try reader.read(file: file, overrides: reading.overrides))
            } catch {
                problems += error.problems
            }
        }
        if !problems.isEmpty { throw Self.nothingWritten(InputError(problems: problems, truncated: false)) }
        self.releases = releases
        massChangeRules = request.acceptMassChange ? nil : try RuleFiles.massChangeRules()
        ageThresholds = AgeThresholds(rules: try RuleFiles.fundingRules())
    }

    private static func nothingWritten(_ input: InputError) -> KijkglasError {
        KijkglasError(.badData, "nothing was written to the ledger", input: input)
    }
}
