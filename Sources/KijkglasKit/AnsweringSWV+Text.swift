import Ingest

extension AnsweringSWV {
    /// The word for every SWV of the ledger: `all`.
    public static let everyWord = "all"

    /// Whose releases answer as an interface names them: nil or empty is the ledger's one SWV,
    /// `all` every SWV, a code in any of DUO's spellings (`VO 25-08`) that SWV; nil for a text
    /// that is none of these.
    public init?(text: String?) {
        guard let text, !text.isEmpty else {
            self = .ledgers
            return
        }
        if text.lowercased() == Self.everyWord {
            self = .every
        } else if let code = SWVCode.canonical(text) {
            self = .code(code)
        } else {
            return nil
        }
    }
}
