import Ingest

extension ReadingOption {
    /// The option as the command line spells it.
    var flag: String {
        switch self {
        case .product: "--product"
        case .swv: "--swv"
        case .schoolYear: "--school-year"
        case .referenceDate: "--reference-date"
        case .published: "--published"
        case .layout: "a layout file passed with --layout FILE"
        case .sheet: "--sheet NAME"
        }
    }
}
