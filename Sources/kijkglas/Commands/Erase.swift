import ArgumentParser
import KijkglasKit
import Ledger
import Reports

/// `kijkglas erase --pupil PGN --reason TEXT`: forget one pupil, then compact the ledger.
struct Erase: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Forget a pupil (AVG art. 17): destroy its PGN and birth date, keep its registrations as an anonymous pupil.",
        discussion: """
            Destroys the pupil's sealed identity and index entry and logs a PupilErased event (pupil \
            number and reason only); every count, growth, funding and trend stays what it was, and \
            verify still passes. Then compacts the ledger so that no freed page keeps the destroyed \
            entry; that needs every other kijkglas on the ledger stopped (kijkglas serve, say), else \
            run kijkglas compact later. Backups made before still hold the pupil: erase lists those \
            it knows of. Needs the key file.

            Example: kijkglas erase --pupil 123456789 --reason "verzoek ouders 2026-11-30"
            """
    )

    @OptionGroup var ledgerOptions: LedgerOptions

    @Option(help: "The pupil: a PGN (nine digits; never printed) or a pupil number (#17).")
    var pupil: String

    @Option(help: "Why, as the log keeps it forever: no personal numbers.")
    var reason: String

    @Flag(help: "Erase the pupil even though its registrations have not all ended.")
    var evenIfRegistered = false

    func validate() throws {
        if PGN(digits: pupil) == nil { throw ValidationError("--pupil wants nine digits or # and a pupil number") }
    }

    func run() throws {
        try reportingFailures {
            let request = EraseRequest(pupil: PGN(digits: pupil)!, reason: reason, evenIfRegistered: evenIfRegistered)
            let answer = try ledgerOptions.session(.write).erase(request)
            print(ErasureText.erased(answer.pupils, on: answer.on, backups: answer.backups))
            let compaction = try LedgerSession.compact(ledgerOptions.directory)
            print(ErasureText.compacted(bytesBefore: compaction.bytesBefore, bytesAfter: compaction.bytesAfter))
        }
    }
}
