extension KijkglasError {
    /// A part of a question that a message names: in words here, as a flag or a field by an
    /// interface.
    public enum Term: Sendable, Equatable, CaseIterable {
        /// The day as of which the ledger answers.
        case knownAt
        /// The SWV whose releases answer.
        case swv
        /// Every SWV of the ledger at once.
        case everySWV
        /// The advice to name the SWV whose releases answer.
        case chooseSWV
        /// The day a count is asked for.
        case day
        /// The 1 February a growth is asked for.
        case peildatum
        /// The refusal of days answered from the school year before.
        case ownSchoolYearOnly
        /// Where the ledger's releases are listed.
        case releaseListing
        /// How to check a file that would change much of its base.
        case inspectAndDiff
        /// Recording a release that changes much of its base all the same.
        case acceptMassChange
        /// How to make a subscriber that does not exist.
        case createSubscriber
        /// The address a digest is posted to.
        case webhook
        /// The ledger's key file, named.
        case keyFile
        /// Making a new key file.
        case createKey
        /// Showing whole PGNs.
        case showPGN
        /// Erasing a pupil whose registrations have not all ended.
        case evenIfRegistered
        /// Compacting the ledger once nothing else holds it open.
        case compactLater

        /// The term in words.
        public var words: String {
            switch self {
            case .knownAt: "the day of knowledge"
            case .swv: "the SWV"
            case .everySWV: "every SWV"
            case .chooseSWV: "say whose answer by naming the SWV"
            case .day: "the day"
            case .peildatum: "the peildatum"
            case .ownSchoolYearOnly: "own school year only"
            case .releaseListing: "(the list of releases names them)"
            case .inspectAndDiff: "an inspection of the file and a diff against its base"
            case .acceptMassChange: "the mass change accepted"
            case .createSubscriber: "create it to read its digest"
            case .webhook: "the webhook"
            case .keyFile: "the key file"
            case .createKey: "a new key file"
            case .showPGN: "whole PGNs"
            case .evenIfRegistered: "the erasure even so"
            case .compactLater: "the ledger is compacted once nothing else holds it open"
            }
        }
    }
}
