import KijkglasKit
import Ledger
import LedgerStorage
import Testing

/// One error type: the ledger's errors mapped to kinds in one place; terms named by the reader.
struct KijkglasErrorTests {
    @Test(
        "the ledger's errors map to their kinds",
        arguments: [
            (LedgerError.corrupt("x"), KijkglasError.Kind.storage),
            (.unknownRelease(ReleaseID(7)), .usage),
            (.rejected("x"), .badData),
        ])
    func ledgerErrors(error: LedgerError, kind: KijkglasError.Kind) {
        #expect(KijkglasError(error).kind == kind)
        #expect(KijkglasError(error).description.hasPrefix(error.description))
    }

    @Test("an unknown release names where the releases are listed, as the reader names it")
    func unknownRelease() {
        let failure = KijkglasError(LedgerError.unknownRelease(ReleaseID(7)))
        #expect(failure.message.terms == [.releaseListing])
        #expect(failure.text(naming: { _ in "(see the list)" }) == "no release R7 in this ledger (see the list)")
    }

    @Test("a message names its terms in words, or as the reader names them")
    func terms() {
        let error = KijkglasError(.usage, "\(KijkglasError.Term.knownAt) 2020-01-01 is too early", loaded: "R1")
        #expect(error.description == "the day of knowledge 2020-01-01 is too early\nloaded:\nR1")
        #expect(error.text(naming: { _ in "--known-at" }) == "--known-at 2020-01-01 is too early\nloaded:\nR1")
        for term in KijkglasError.Term.allCases { #expect(!term.words.contains("--")) }
    }

    @Test("the rule files read; a missing rate table is bad data")
    func ruleFiles() throws {
        _ = try RuleFiles.countingRules()
        _ = try RuleFiles.fundingRules()
        _ = try RuleFiles.reconciliationRules()
        _ = try RuleFiles.rateTable(try #require(FundingYear(text: "2015-2016")))
        #expect(RuleFiles.missingRates([try #require(FundingYear(text: "2030"))]).kind == .badData)
    }
}
