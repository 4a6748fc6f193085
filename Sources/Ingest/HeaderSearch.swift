/// Finds a file's table header in its first bytes: the first line, for some separator, whose
/// cells give every field a layout requires. It does not rely on blank lines, so a block of
/// any shape (or none) may come before it.
struct HeaderSearch {
    /// What the search found.
    enum Outcome {
        /// The header, its separator, the block lines before it and the header's texts.
        case found(separator: UInt8, header: HeaderMatch, block: [CSVRecord], headers: [String])
        /// No line qualifies; the line that came closest, nil when there was none.
        case notFound(closest: HeaderMatch?)
        /// The file holds nothing but white space.
        case empty
    }

    /// The candidate layouts.
    let layouts: [Layout]
    /// The block keys, to see a `Product` line before the header.
    let keys: MetadataBlockKeys
    /// How many lines to look at for each separator.
    static let lineLimit = 100

    /// Searches `prefix`, the first bytes of the file (`isWhole` when they are all of it).
    /// With `product` (from the command line) only that product's layouts are tried; otherwise a
    /// `Product` line in the block narrows them, and a block title line is preferred.
    func run(prefix: [UInt8], isWhole: Bool, product: String?) -> Outcome {
        guard prefix.contains(where: { !(0x20 == $0 || (0x09...0x0D).contains($0)) }) else { return .empty }
        var lines = prefix
        if !isWhole, let last = prefix.lastIndex(where: { $0 == ASCII.lineFeed || $0 == ASCII.carriageReturn }) {
            lines = Array(prefix[...last])
        }
        var found: (separator: UInt8, header: HeaderMatch, block: [CSVRecord], headers: [String])?
        var closest: (match: HeaderMatch, cells: Int)?
        for separator in ASCII.separators {
            var reader = CSVReader(source: ByteArraySource(lines), separator: separator)
            reader.checksText = false
            var named = product
            var titled: String?
            var block: [CSVRecord] = []
            while block.count < HeaderSearch.lineLimit, let record = try? reader.next() {
                if let found, found.header.line <= record.line { break }
                let texts = record.trimmedTexts
                let candidates = named.map { id in layouts.filter { $0.product == id } } ?? layouts
                let matches = candidates.map { HeaderMatch(layout: $0, headers: texts, line: record.line) }
                let preferred = matches.filter(\.isComplete).max {
                    ($0.layout.product == titled ? 1 : 0, $0.matchedCount) < ($1.layout.product == titled ? 1 : 0, $1.matchedCount)
                }
                if let preferred {
                    found = (separator, preferred, block, texts)
                    break
                }
                let cells = texts.count { !$0.isEmpty }
                for match in matches where closest.map({ (match.matchedCount, cells) > ($0.match.matchedCount, $0.cells) }) ?? true {
                    closest = (match, cells)
                }
                if product == nil, let (key, value, _) = ReleaseMetadata.keyValue(of: texts), keys.item(forKey: key) == .product,
                    let id = keys.productID(named: value, layouts: layouts), layouts.contains(where: { $0.product == id })
                {
                    named = id
                }
                if cells == 1, let title = texts.first(where: { !$0.isEmpty }).map(HeaderName.normalised) {
                    titled = layouts.first { $0.blockTitles.map(HeaderName.normalised).contains(title) }?.product ?? titled
                }
                block.append(record)
            }
        }
        if let found {
            return .found(separator: found.separator, header: found.header, block: found.block, headers: found.headers)
        }
        return .notFound(closest: closest?.match)
    }
}
