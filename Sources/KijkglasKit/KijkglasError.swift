import Ingest
import Ledger

/// Why a question to the ledger was not answered: its kind (what an interface maps to an exit
/// code or a status) and a message that names what was asked in words, never an interface's
/// spelling of it.
public struct KijkglasError: Error, Sendable, CustomStringConvertible {
    /// The class of a failure.
    public enum Kind: Sendable, Equatable, CaseIterable {
        /// The question cannot be answered as asked (an SWV, a day or a release the ledger does
        /// not hold or cover).
        case usage
        /// A file the answer depends on (a rule file, a rate table, a release's content) is wrong
        /// or missing.
        case badData
        /// The ledger cannot be read.
        case storage
        /// A check refused the answer (a day answered from the school year before when only the
        /// day's own school year may answer).
        case checkFailed
    }

    /// The class of the failure.
    public let kind: Kind
    /// What went wrong, with the fix where there is one.
    public let message: Message
    /// What the ledger holds of the SWV in question, one line per scope, when that explains the
    /// refusal.
    public let loaded: String?
    /// Every problem found in the files read, each naming its file and place, when those are
    /// what failed.
    public let input: InputError?

    /// A failure of `kind` saying `message`, with what is `loaded` when it explains it and the
    /// `input` problems that caused it.
    public init(_ kind: Kind, _ message: Message, loaded: String? = nil, input: InputError? = nil) {
        self.kind = kind
        self.message = message
        self.loaded = loaded
        self.input = input
    }

    /// The message with the terms named by `name` (an interface's own spelling of them), and
    /// what is loaded below it.
    public func text(naming name: (Term) -> String) -> String {
        message.text(naming: name) + (loaded.map { "\nloaded:\n\($0)" } ?? "")
    }

    /// The input problems, one a line, then the message in words.
    public var description: String { (input.map { "\($0.description)\n" } ?? "") + text(naming: \.words) }
}
