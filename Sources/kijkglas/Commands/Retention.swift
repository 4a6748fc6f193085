import ArgumentParser
import KijkglasKit
import Ledger
import Reports

/// `kijkglas retention [--apply]`: the pupils past the retention period, and their erasure.
struct Retention: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the pupils whose last registration ended longer ago than the retention period; --apply erases them.",
        discussion: """
            The period and its source are in Schemas/rules/retention.json. Without --apply nothing \
            changes: the pupils are listed, masked, with the releases they appear in. --apply \
            erases them all in one transaction (as kijkglas erase does, needing the key file) and \
            compacts the ledger.

            Example: kijkglas retention --apply
            """
    )

    @OptionGroup var ledgerOptions: LedgerOptions

    @Flag(help: "Erase the pupils listed, rather than only list them.")
    var apply = false

    @Option(help: .value("Measure the period on this day (default: today).", Day.self))
    var on: Day?

    func run() throws {
        try reportingFailures {
            let answer = try ledgerOptions.session(apply ? .write : .read).retention(RetentionRequest(on: on ?? .today, apply: apply))
            print(
                ErasureText.retention(
                    years: answer.rule.years.value, source: answer.rule.years.source, on: answer.on, endedBefore: answer.endedBefore,
                    pupils: answer.pupils.map { ($0.pupil, $0.lastEnded, $0.releases) }, stillRegistered: answer.stillRegistered,
                    applied: answer.erasure != nil))
            if let erasure = answer.erasure {
                print(ErasureText.erased(erasure.pupils, on: erasure.on, backups: erasure.backups))
                let compaction = try LedgerSession.compact(ledgerOptions.directory)
                print(ErasureText.compacted(bytesBefore: compaction.bytesBefore, bytesAfter: compaction.bytesAfter))
            }
        }
    }
}
