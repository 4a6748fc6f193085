import ArgumentParser
import KijkglasKit

extension KijkglasError.Term {
    /// The term as the command line spells it.
    var flag: String {
        switch self {
        case .knownAt: "--known-at"
        case .swv: "--swv"
        case .everySWV: "--swv all"
        case .chooseSWV: "say whose answer with --swv"
        case .day: "--on"
        case .peildatum: "--peildatum"
        case .ownSchoolYearOnly: "--own-school-year-only"
        case .releaseListing: "(kijkglas releases lists them)"
        case .inspectAndDiff: "kijkglas inspect and diff"
        case .acceptMassChange: "--accept-mass-change"
        case .createSubscriber: "--create makes it"
        case .webhook: "--webhook"
        case .keyFile: "--key FILE"
        case .createKey: "kijkglas key create"
        case .showPGN: "--show-pgn"
        case .evenIfRegistered: "--even-if-registered"
        case .compactLater: "you stop it and run kijkglas compact"
        }
    }
}

extension KijkglasError.Kind {
    /// The exit code of a failure of this kind: 64 usage, 65 bad data, 74 storage, 1 a check.
    var exitCode: ExitCode {
        switch self {
        case .usage: .validationFailure
        case .badData: .dataError
        case .storage: .storageError
        case .checkFailed: .checkFailed
        }
    }
}
