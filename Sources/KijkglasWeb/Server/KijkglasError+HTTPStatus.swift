import HTTPTypes
import KijkglasKit

extension KijkglasError.Kind {
    /// The HTTP status of a failure of this kind, for pages and the JSON API alike: a question
    /// asked wrong is 400, a file that is wrong 422, a ledger that cannot be read 500, a check that
    /// refused the answer 409.
    var httpStatus: HTTPResponse.Status {
        switch self {
        case .usage: .badRequest
        case .badData: .unprocessableContent
        case .storage: .internalServerError
        case .checkFailed: .conflict
        }
    }

    /// The kind's name in the JSON API's error.
    var name: String {
        switch self {
        case .usage: "usage"
        case .badData: "badData"
        case .storage: "storage"
        case .checkFailed: "checkFailed"
        }
    }
}

extension KijkglasError.Term {
    /// The term as a page names it: the label of its field.
    var dutch: String {
        switch self {
        case .knownAt: "‘zoals bekend op’"
        case .swv: "het SWV"
        case .everySWV: "alle SWV's"
        case .chooseSWV: "kies het SWV"
        case .day: "de dag"
        case .peildatum: "de peildatum"
        case .ownSchoolYearOnly: "alleen het eigen schooljaar"
        case .releaseListing: "(de pagina Releases noemt ze)"
        case .inspectAndDiff: "de controle van het bestand en de verschillen met de vorige release"
        case .acceptMassChange: "‘massawijziging accepteren’"
        case .createSubscriber: "maak hem eerst aan"
        case .webhook: "de webhook"
        case .keyFile: "het sleutelbestand van het ledger (kijkglas serve --key BESTAND)"
        case .createKey: "een nieuw sleutelbestand (kijkglas key create)"
        case .showPGN: "‘toon PGN’s’"
        case .evenIfRegistered: "wissen ook als de leerling nog ingeschreven is"
        case .compactLater: "de server gestopt is en kijkglas compact heeft gedraaid"
        }
    }

    /// The term as the JSON API names it: its query parameter.
    var parameter: String {
        switch self {
        case .knownAt: "known-at"
        case .swv: "swv"
        case .everySWV: "swv=all"
        case .chooseSWV: "name the SWV with swv="
        case .day: "on"
        case .peildatum: "peildatum"
        case .ownSchoolYearOnly: "own-school-year-only"
        case .releaseListing: "(the releases page lists them)"
        case .inspectAndDiff: "an inspection of the file and a diff against its base"
        case .acceptMassChange: "accept-mass-change"
        case .createSubscriber: "create it first"
        case .webhook: "the webhook"
        case .keyFile: "the ledger's key file (kijkglas serve --key FILE)"
        case .createKey: "a new key file (kijkglas key create)"
        case .showPGN: "show-pgn"
        case .evenIfRegistered: "even-if-registered"
        case .compactLater: "the server is stopped and kijkglas compact has run"
        }
    }
}
