/// What a reader of a file may state instead of the file (or to choose in it): an interface
/// offers each as an option or a form field, and a problem's hint names the one that fixes it.
public enum ReadingOption: String, Sendable, CaseIterable {
    /// The product (layout) the file is.
    case product
    /// The SWV the file is of.
    case swv
    /// The school year the file covers.
    case schoolYear
    /// The reference date (teldatum or peildatum) of a file of one day.
    case referenceDate
    /// DUO's publication date.
    case published
    /// A layout file mapping other headers onto the fields.
    case layout
    /// The sheet of a workbook to read.
    case sheet

    /// The option in words, as a problem names it when no interface names it its own way.
    public var words: String {
        switch self {
        case .product: "the product"
        case .swv: "the SWV"
        case .schoolYear: "the school year"
        case .referenceDate: "the reference date"
        case .published: "the publication date"
        case .layout: "a layout file"
        case .sheet: "the sheet's name"
        }
    }
}
