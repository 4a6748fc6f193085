import Ledger

extension ReleaseFileReader {
    /// The overrides in canonical form: a product name as its id, SWV code and school year
    /// normalised; what cannot be read is reported.
    func canonical(_ overrides: ReleaseMetadata, keys: MetadataBlockKeys, problems: inout ProblemList) -> ReleaseMetadata {
        var result = overrides
        func report(_ item: String, option: ReadingOption, expected: String, found: String) {
            problems.add(line: 0, column: 0, field: item, expected: "\(expected) (as \(option.words))", found: found, option: option)
        }
        if let product = overrides.product {
            let id = keys.productID(named: product, layouts: layouts) ?? product
            result.product = layouts.contains { $0.product == id } ? id : nil
            if result.product == nil {
                report(
                    "product", option: .product,
                    expected: "one of " + layouts.map { "\($0.product) (\($0.displayName))" }.joined(separator: ", "), found: product)
            }
        }
        if let swv = overrides.swv {
            result.swv = SWVCode.canonical(swv)
            if result.swv == nil { report("swv", option: .swv, expected: SWVCode.expectation, found: swv) }
        }
        if let year = overrides.schoolYear {
            result.schoolYear = SchoolYear.canonical(year)
            if result.schoolYear == nil { report("schoolYear", option: .schoolYear, expected: SchoolYear.expectation, found: year) }
        }
        return result
    }

    /// The scope of a release of `layout` with `metadata`, or nil after reporting what is missing
    /// (unless a block line for it was reported as unreadable already).
    func scope(of layout: Layout, metadata: ReleaseMetadata, problems: inout ProblemList) -> Scope? {
        if metadata.swv == nil && !problems.has(field: "swv") {
            problems.add(
                line: 1, column: 1, field: "swv", expected: "the SWV the file is for", found: nil,
                hint: "add a line 'Samenwerkingsverband;VO2508' to the block before the table, or give \(ReadingOption.swv.words)",
                option: .swv)
        }
        let period: String?
        switch layout.scope {
        case .schoolYear:
            period = metadata.schoolYear ?? metadata.referenceDate.map(SchoolYear.containing)
            if period == nil && !problems.has(field: "schoolYear") {
                problems.add(
                    line: 1, column: 1, field: "schoolYear", expected: "the school year the file covers", found: nil,
                    hint: "add a line 'Schooljaar;2021-2022' to the block before the table, or give \(ReadingOption.schoolYear.words)",
                    option: .schoolYear)
            }
        case .referenceDate:
            period = metadata.referenceDate?.iso
            if period == nil && !problems.has(field: "referenceDate") {
                problems.add(
                    line: 1, column: 1, field: "referenceDate", expected: "the peildatum of the snapshot", found: nil,
                    hint: "add a line 'Peildatum;dd-mm-jjjj' to the block before the table, or give \(ReadingOption.referenceDate.words)",
                    option: .referenceDate)
            }
        }
        guard let swv = metadata.swv, let period else { return nil }
        return Scope(product: layout.product, swv: swv, period: period)
    }
}
