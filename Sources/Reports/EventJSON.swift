import Foundation
import Ledger

/// The JSON form of one log event, as `log --format ndjson` and `diff --format json` write it.
/// Described by `Schemas/json/event.schema.json`; fields are only ever added. Personal numbers
/// are masked.
public struct EventJSON: Encodable, Sendable {
    /// Log sequence number; absent in `diff` output, which is computed, not logged.
    public var sequence: UInt64?
    /// `RegistrationOpened`, `ReleaseWithdrawn`, ….
    public var kind: String
    /// The release the event belongs to, `R5`; absent for an event of the ledger itself.
    public var release: String?
    /// The release a registration event was diffed against.
    public var base: String?
    /// `initial`, `change`, `correction` or `futureDated`.
    public var classification: String?
    /// The row identity: masked pupil, institution, vestiging, period start.
    public var registration: Identity?
    /// Fields old → new of a `RegistrationChanged`.
    public var changes: [Change]?
    /// All fields of an opened row (personal ones masked).
    public var row: [String: String]?
    /// The end date of a `RegistrationClosed`.
    public var endDate: String?
    /// DUO's reason for a withdrawal or for niet-bekostigd.
    public var reason: String?
    /// The day of a lifecycle event.
    public var on: String?
    /// The newer release of a `ReleaseSuperseded`, or the new base of a `BatchSuperseded`.
    public var by: String?
    /// The figures of a `FiguresStated`.
    public var figures: [Figure]?
    /// The pupil number of a `PupilErased`, `#17` (the ledger's own number, never a PGN).
    public var pupil: String?

    /// One stated figure: what it measures, its cell and its value as stated.
    public struct Figure: Encodable, Sendable {
        /// `count`, `countOctober`, `countFebruary`, `growth`, `amountPerPupil` or `transferDuty`.
        public var measure: String
        /// The day it is for, `jjjj-mm-dd`.
        public var day: String?
        /// `SO` or `VSO`; absent for all.
        public var schoolType: String?
        /// `L`, `M` or `H`; absent for all.
        public var category: String?
        /// DUO's description of the row.
        public var label: String?
        /// The value as stated: `12`, `-3`, `<5`, `€ 9059.77`.
        public var value: String

        /// The JSON form of `figure`.
        public init(_ figure: StatedFigure) {
            measure = figure.measure.rawValue
            day = figure.day?.iso
            schoolType = figure.schoolType?.rawValue
            category = figure.category?.rawValue
            label = figure.label.map(PGN.mask)
            value = figure.value.description
        }
    }

    /// A row identity, masked.
    public struct Identity: Encodable, Sendable {
        /// Masked PGN, `*******89`.
        public var pupil: String
        /// Instellingscode.
        public var institution: String
        /// Vestiging.
        public var branch: String
        /// First day of the row's period, `jjjj-mm-dd`.
        public var periodStart: String
    }

    /// One field old → new, masked where personal.
    public struct Change: Encodable, Sendable {
        /// Canonical field name.
        public var field: String
        /// Its text before, masked where personal.
        public var old: String?
        /// Its text after, masked where personal.
        public var new: String?
    }

    /// The JSON form of `event`, at `sequence` when it comes from the log.
    public init(_ event: Event, sequence: UInt64? = nil) {
        self.sequence = sequence
        kind = event.kindName
        release = event.release?.description
        switch event {
        case .releaseRecorded(let recorded):
            base = recorded.base?.description
            on = recorded.publishedOn.iso
        case .registration(let registration):
            base = registration.base?.description
            classification = registration.classification.rawValue
            let key = registration.key
            self.registration = Identity(
                pupil: key.pgn.masked, institution: key.institution, branch: key.branch, periodStart: key.periodStart.iso)
            switch registration.change {
            case .opened(let opened):
                var fields: [String: String] = [:]
                for field in Registration.Field.allCases {
                    if let text = opened.displayText(of: field) { fields[field.rawValue] = text }
                }
                row = fields
            case .closed(let day): endDate = day.iso
            case .changed(let fieldChanges):
                changes = fieldChanges.map {
                    Change(
                        field: $0.field.rawValue, old: Registration.display($0.old, of: $0.field),
                        new: Registration.display($0.new, of: $0.field))
                }
            case .flaggedUnfunded(let why): reason = why.map(PGN.mask)
            case .flaggedFunded, .retracted: break
            }
        case .releaseSuperseded(_, let successor, let day):
            by = successor.description
            on = day.iso
        case .releaseWithdrawn(_, let day, let why):
            on = day.iso
            reason = PGN.mask(why)
        case .releaseMarkedDefinitive(_, let day):
            on = day.iso
        case .batchSuperseded(_, let oldBase, let newBase):
            base = oldBase?.description
            by = newBase.description
        case .figuresStated(_, let stated):
            figures = stated.map(Figure.init)
        case .pupilErased(let erased, let day, let why):
            pupil = erased.masked
            on = day.iso
            reason = PGN.mask(why)
        }
    }

    /// One line of NDJSON, keys sorted.
    public var jsonLine: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}
