/// Whose releases answer a question.
public enum AnsweringSWV: Sendable, Equatable {
    /// The one SWV the ledger's releases belong to; a ledger of several SWVs refuses.
    case ledgers
    /// The SWV with this code (`VO2508`).
    case code(String)
    /// Every SWV of the ledger, each answered from its own releases (counts only).
    case every
}
