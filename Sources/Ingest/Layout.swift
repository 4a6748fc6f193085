import Ledger

/// One product and layout version of a DUO file, read from a layout file in `Schemas/layouts/`
/// or given with `--layout FILE`: the canonical fields, the headers each is known by, their
/// types and whether required. Facts about DUO's formats are data, not code.
public struct Layout: Sendable {
    /// What one release of the product covers.
    public enum ScopeKind: String, Sendable, Decodable {
        /// A school year (`2021-2022`).
        case schoolYear
        /// A reference date (peildatum) of a snapshot.
        case referenceDate
    }

    /// Product id used in release scopes (`kijkglas-2`).
    public let product: String
    /// The product's name as DUO writes it (`Kijkglas 2`).
    public let displayName: String
    /// Version of this layout of the product, from 1.
    public let layoutVersion: Int
    /// Titles of the table (`Individuele (v)so inschrijvingen`); a title line before the
    /// header selects this layout.
    public let blockTitles: [String]
    /// What one release covers.
    public let scope: ScopeKind
    /// What a release holds: registration periods, a settled snapshot or stated figures.
    public let content: ReleaseContent
    /// The registration fields, in the order files are written; empty for a figures layout.
    public let fields: [LayoutField]
    /// The fields of a figures layout, in the order files are written; empty otherwise.
    public let figureFields: [FigureColumn]
    /// Columns holding several fields at once.
    public let combined: [CombinedColumn]
    /// Every accepted header, normalised, and what it feeds.
    let targets: [String: ColumnTarget]

    /// The layout's entry for `field`, nil when the layout does not have the field.
    public func entry(for field: Registration.Field) -> LayoutField? {
        fields.first { $0.field == field }
    }

    /// What the header `text` feeds, nil when the layout does not know it.
    func target(ofHeader text: String) -> ColumnTarget? {
        targets[HeaderName.normalised(text)]
    }

    /// Every accepted header with what it feeds, reference headers first.
    var aliases: [(header: String, target: ColumnTarget)] {
        Layout.aliases(fields: fields, figureFields: figureFields, combined: combined)
    }

    private static func aliases(fields: [LayoutField], figureFields: [FigureColumn], combined: [CombinedColumn])
        -> [(header: String, target: ColumnTarget)]
    {
        fields.flatMap { field in field.headers.map { ($0, ColumnTarget.field(field.field)) } }
            + figureFields.flatMap { field in field.headers.map { ($0, ColumnTarget.figure(field.field)) } }
            + combined.enumerated().flatMap { index, column in column.headers.map { ($0, ColumnTarget.combined(index)) } }
    }

    /// The reference header of every required field, in file order.
    var requiredHeaders: [String] {
        fields.filter(\.required).compactMap(\.headers.first) + figureFields.filter(\.required).compactMap(\.headers.first)
    }

    /// The fields of `figure`'s entry, nil when the layout does not have it.
    func entry(for figure: FigureField) -> FigureColumn? {
        figureFields.first { $0.field == figure }
    }

    /// The required fields that the columns feeding `mapped` do not fill: as the target a
    /// column of their own would feed. A field a reference-day column fills is never missing:
    /// the release's peildatum fills it when the file has no such column.
    func missingFields(mapped: Set<ColumnTarget>) -> [ColumnTarget] {
        let filled = Set(mapped.flatMap { target -> [Registration.Field] in
            switch target {
            case .field(let field): [field]
            case .figure: []
            case .combined(let index): combined[index].kind.fills
            }
        })
        let fromReferenceDay = Set(combined.filter { $0.kind == .referenceDay }.flatMap(\.kind.fills))
        return fields.filter { $0.required && !filled.contains($0.field) && !fromReferenceDay.contains($0.field) }
            .map { .field($0.field) }
            + figureFields.filter { $0.required && !mapped.contains(.figure($0.field)) }.map { .figure($0.field) }
    }

    /// The headers of `target`.
    func headers(of target: ColumnTarget) -> [String] {
        switch target {
        case .field(let field): entry(for: field)?.headers ?? []
        case .figure(let field): entry(for: field)?.headers ?? []
        case .combined(let index): combined[index].headers
        }
    }
}

extension Layout: Decodable {
    private enum CodingKeys: String, CodingKey {
        case product, displayName, layoutVersion, blockTitles, scope, content, fields, combined
    }

    /// Decodes a layout file and checks it: known field names, types that give each field's
    /// kind, every field a row needs present and required (for a figures layout: at least one
    /// measure), no header given for two fields.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        product = try container.decode(String.self, forKey: .product)
        guard !product.isEmpty, product.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }) else {
            throw Swift.DecodingError.dataCorruptedError(
                forKey: .product, in: container,
                debugDescription: "product id '\(product)' must be lowercase letters, digits and '-', like kijkglas-2")
        }
        displayName = try container.decode(String.self, forKey: .displayName)
        layoutVersion = try container.decode(Int.self, forKey: .layoutVersion)
        blockTitles = try container.decodeIfPresent([String].self, forKey: .blockTitles) ?? []
        scope = try container.decode(ScopeKind.self, forKey: .scope)
        let contentName = try container.decodeIfPresent(String.self, forKey: .content) ?? ReleaseContent.periods.name
        guard let content = ReleaseContent(name: contentName) else {
            throw Swift.DecodingError.dataCorruptedError(
                forKey: .content, in: container,
                debugDescription: "content '\(contentName)' is not one of "
                    + ReleaseContent.allCases.map { "'\($0.name)'" }.joined(separator: ", "))
        }
        self.content = content
        combined = try container.decodeIfPresent([CombinedColumn].self, forKey: .combined) ?? []
        if content == .figures {
            fields = []
            figureFields = try container.decode([FigureColumn].self, forKey: .fields)
            guard figureFields.contains(where: { $0.field.measure != nil }), combined.isEmpty else {
                throw Swift.DecodingError.dataCorruptedError(
                    forKey: .fields, in: container,
                    debugDescription: "a figures layout needs at least one measure field ("
                        + FigureField.allCases.filter { $0.measure != nil }.map(\.rawValue).joined(separator: ", ")
                        + ") and no combined columns")
            }
            try Layout.checkListedOnce(figureFields.map(\.field.rawValue), in: container)
            targets = try Layout.targets(fields: [], figureFields: figureFields, combined: [], in: container)
            return
        }
        figureFields = []
        fields = try container.decode([LayoutField].self, forKey: .fields)

        try Layout.checkListedOnce(fields.map(\.field.rawValue), in: container)
        let seen = Set(fields.map(\.field))
        let combinedFills = Set(combined.flatMap(\.kind.fills))
        for field in Registration.Field.allCases where field.isRequired && !seen.contains(field) && !combinedFills.contains(field) {
            throw Swift.DecodingError.dataCorruptedError(
                forKey: .fields, in: container,
                debugDescription: "field '\(field.rawValue)' is missing: no row exists without it")
        }
        if content != .snapshot, combined.contains(where: { $0.kind == .referenceDay }) {
            throw Swift.DecodingError.dataCorruptedError(
                forKey: .combined, in: container, debugDescription: "a 'referenceDay' column needs content 'snapshot'")
        }
        targets = try Layout.targets(fields: fields, figureFields: [], combined: combined, in: container)
    }

    /// Refuses a field named twice in `names`.
    /// - Throws: `DecodingError` naming the first repeated field.
    private static func checkListedOnce(_ names: [String], in container: KeyedDecodingContainer<CodingKeys>) throws {
        var seen: Set<String> = []
        for name in names where !seen.insert(name).inserted {
            throw Swift.DecodingError.dataCorruptedError(forKey: .fields, in: container, debugDescription: "field '\(name)' is listed twice")
        }
    }

    /// Every accepted header, normalised, with what it feeds.
    /// - Throws: `DecodingError` when one header is given for two different fields.
    private static func targets(
        fields: [LayoutField], figureFields: [FigureColumn], combined: [CombinedColumn],
        in container: KeyedDecodingContainer<CodingKeys>
    ) throws -> [String: ColumnTarget] {
        var targets: [String: ColumnTarget] = [:]
        for (header, target) in Layout.aliases(fields: fields, figureFields: figureFields, combined: combined) {
            let key = HeaderName.normalised(header)
            if let other = targets[key], other != target {
                throw Swift.DecodingError.dataCorruptedError(
                    forKey: .fields, in: container,
                    debugDescription: "header '\(header)' is given for two different fields")
            }
            targets[key] = target
        }
        return targets
    }
}
