import Foundation
import Ingest
import Ledger
import SampleData
import Schemas

/// The demo's Kijkglas 3 for peildatum 1 February 2022, told as DUO told the real one: published
/// at the end of April with wrong figures (a wrong TLV link counts pupils in another category),
/// republished in September still wrong, made definitive in April 2023 with the figures the
/// registrations give. Each version counts the Kijkglas 2 release current on its publication
/// by the shipped counting rules, so `reconcile` finds the wrong versions and agrees with the
/// definitive one.
enum DemoGrowthFiles {
    /// One version of the file: publication date, status and the cells DUO got wrong.
    struct Version {
        var published: Day
        var status: String
        /// Pupils moved from one cell to another on 1 February, as a wrong TLV link would.
        var misplaced: Int
    }

    static let versions = [
        Version(published: .literal(2022, 4, 29), status: "Voorlopig", misplaced: 2),
        Version(published: .literal(2022, 9, 8), status: "Voorlopig", misplaced: 1),
        Version(published: .literal(2023, 4, 11), status: "Definitief", misplaced: 0),
    ]
    static let october = Day.literal(2021, 10, 1)
    static let february = Day.literal(2022, 2, 1)

    /// The files by name, from the demo's Kijkglas 2 `snapshots`.
    static func files(from snapshots: [DemoSchoolYear.Snapshot], layout: Layout) throws -> [(name: String, text: String)] {
        let rules = try JSONDecoder().decode(CountingRules.self, from: Data(contentsOf: SchemaFiles.countingRulesFile))
        return versions.map { version in
            let rows = snapshots.last { $0.published <= version.published }?.rows ?? []
            func cells(on day: Day) -> [SchoolType: [FundingCategory: Int]] {
                let counted = CountedPupils(rows: CountingRowPool(rows), on: day, selection: .rules(rules), payingSwv: DemoSchoolYear.swv)
                var cells: [SchoolType: [FundingCategory: Int]] = [:]
                for pupil in counted.pupils {
                    guard let category = pupil.row.category else { continue }
                    cells[pupil.row.schoolType, default: [:]][category, default: 0] += 1
                }
                return cells
            }
            let before = cells(on: october)
            var after = cells(on: february)
            let moved = min(version.misplaced, after[.vso]?[.low] ?? 0)
            after[.vso, default: [:]][.low, default: 0] -= moved
            after[.vso, default: [:]][.high, default: 0] += moved
            let header = layout.figureFields.compactMap(\.headers.first)
            var lines = [
                "Algemene gegevens", "Product;\(layout.displayName)", "Samenwerkingsverband;\(DemoSchoolYear.swv)",
                "Naam samenwerkingsverband;\(DemoSchoolYear.swvName)", "Peildatum;\(february.dutch)",
                "Datum aanmaak;\(version.published.dutch)", "Status;\(version.status)", "", layout.blockTitles.first ?? "",
                header.joined(separator: ";"),
            ]
            for schoolType in SchoolType.allCases {
                for category in FundingCategory.allCases {
                    let was = before[schoolType]?[category] ?? 0
                    let now = after[schoolType]?[category] ?? 0
                    guard was > 0 || now > 0 else { continue }
                    let values: [FigureField: String] = [
                        .swv: DemoSchoolYear.swv, .schoolType: schoolType.rawValue, .category: category.rawValue,
                        .countOctober: suppressed(was), .countFebruary: suppressed(now), .growth: String(now - was),
                    ]
                    lines.append(layout.figureFields.map { values[$0.field] ?? "" }.joined(separator: ";"))
                }
            }
            let name = "kijkglas3-\(DemoSchoolYear.swv)-\(february.iso)-\(version.published.iso).csv"
            return (name, lines.joined(separator: "\r\n") + "\r\n")
        }
    }

    /// DUO's `<5` for a count from 1 to 4.
    private static func suppressed(_ count: Int) -> String {
        (1...4).contains(count) ? "<5" : String(count)
    }
}
