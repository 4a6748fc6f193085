import Foundation
import Ingest
import Ledger
import SampleData
import Testing

@Suite("Reading random files back")
struct ReleaseFileReaderPropertyTests {
    @Test("random rows written with random separators, quoting, line ends, aliases and date formats read back the same")
    func roundTrip() throws {
        let seed = SplitMix64.seedFromEnvironment()
        var random = SplitMix64(seed: seed)
        let layout = try #require(try Layout.builtIn().first { $0.product == "kijkglas-2" })
        let reader = ReleaseFileReader(layouts: [layout])
        for round in 0..<60 {
            var writer = RandomFile(random: SplitMix64(seed: random.next()), layout: layout)
            let rows = writer.registrations(count: Int.random(in: 1...25, using: &random))
            let file = writer.file(rows: rows)
            let path = try Fixture.write(file.bytes, as: "random.csv")
            defer { Fixture.remove(path) }
            do {
                let release = try reader.read(file: path, overrides: file.overrides)
                #expect(release.rows == file.expected, "seed \(seed), round \(round)")
                #expect(release.scope == Scope(product: "kijkglas-2", swv: "VO9901", period: "2021-2022"), "seed \(seed), round \(round)")
                #expect(release.publishedOn == RandomFile.published, "seed \(seed), round \(round)")
                if release.rows != file.expected { return }
            } catch {
                Issue.record("seed \(seed), round \(round): \(error)\n\(String(decoding: file.bytes, as: UTF8.self))")
                return
            }
        }
    }
}

/// Writes random registrations as a Kijkglas 2 file in a random dialect.
struct RandomFile {
    var random: SplitMix64
    let layout: Layout
    static let published = Day(year: 2022, month: 4, day: 29)!

    /// What `file(rows:)` made.
    struct Made {
        var bytes: [UInt8]
        var overrides: ReleaseMetadata
        var expected: [Registration]
    }

    mutating func bool(_ chance: Double = 0.5) -> Bool { Double.random(in: 0..<1, using: &random) < chance }
    mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &random)] }

    mutating func day() -> Day { Day(year: 2019, month: 8, day: 1)!.adding(days: Int.random(in: 0..<1500, using: &random)) }

    mutating func text() -> String {
        let pieces = ["Geen", "geldige", "TLV", "café", "één", ";", ",", "\t", "\"", "\n", " ", "Zorg-en-onderwijs", "<5"]
        let words = (0..<Int.random(in: 1...5, using: &random)).map { _ in pick(pieces) }.joined()
        let trimmed = words.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? "x" : trimmed
    }

    /// `count` registrations with distinct identities, some pupils with several rows.
    mutating func registrations(count: Int) -> [Registration] {
        var rows: [Registration] = []
        var keys: Set<RegistrationKey> = []
        while rows.count < count {
            let pgn = rows.isEmpty || bool(0.7) ? PGN(value: UInt32.random(in: 0...999_999_999, using: &random))! : pick(rows).pgn
            var row = Registration(
                pgn: pgn, institution: pick(["01KI", "02RM", "14RZ", "23GH", "03ND"]),
                branch: pick(["00", "01", "04", "12"]), schoolType: pick(SchoolType.allCases),
                enrolledFrom: day(), periodStart: day(), funded: bool(0.8))
            row.swv = "VO9901"
            if bool() { row.birthDate = Day(year: Int.random(in: 2004...2016, using: &random), month: 2, day: 29) ?? day() }
            if bool() { row.cluster = UInt8.random(in: 1...4, using: &random) }
            if bool() { row.residence = UInt8.random(in: 0...6, using: &random) }
            if bool() { row.enrolledUntil = day() }
            if bool() { row.periodEnd = day() }
            if bool() { row.tlvNumber = "VO9901-2021-\(Int.random(in: 1...99999, using: &random))" }
            if bool() { row.payingSwv = pick(["VO9901", "VO2508", "PO2707"]) }
            if bool() { row.category = pick(FundingCategory.allCases) }
            if bool() { row.tlvFrom = day() }
            if bool() { row.tlvUntil = day() }
            if bool(0.3) { row.unfundedReason = text() }
            if bool() { row.inflow = bool() }
            if bool() { row.outflow = bool() }
            if bool() { row.transfer = bool() }
            if keys.insert(row.key).inserted { rows.append(row) }
        }
        return rows
    }

    /// A header for `target` written in a random alias and spelling.
    mutating func header(_ headers: [String]) -> String {
        let header = pick(headers)
        switch Int.random(in: 0..<4, using: &random) {
        case 0: return header.uppercased()
        case 1: return header.lowercased()
        case 2: return header.replacingOccurrences(of: " ", with: "_")
        default: return header
        }
    }

    /// Cell text for `field` of `row` in a random accepted spelling; "" when empty.
    mutating func cell(_ field: Registration.Field, of row: Registration) -> String {
        guard let canonical = row.text(of: field) else { return "" }
        switch field.kind {
        case .day:
            let (y, m, d) = Day(iso: canonical)!.components
            switch Int.random(in: 0..<3, using: &random) {
            case 0: return String(format: "%02d-%02d-%04d", d, m, y)
            case 1: return canonical
            default: return "\(d)-\(m)-\(y)"
            }
        case .yesNo:
            return canonical == "J" ? pick(["J", "j", "Ja", "1", "true", "yes"]) : pick(["N", "n", "Nee", "0", "false", "no"])
        case .category:
            let words = ["L": ["L", "Laag", "1", "l"], "M": ["M", "Midden", "2"], "H": ["H", "hoog", "3"]]
            return pick(words[canonical] ?? [canonical])
        case .schoolType:
            return canonical == "SO" ? pick(["SO", "so", "1"]) : pick(["VSO", "vso", "2"])
        case .swvCode:
            let code = Array(canonical)
            return pick([canonical, canonical.lowercased(), "\(String(code[0...1]))-\(String(code[2...3]))-\(String(code[4...5]))",
                "\(String(code[0...1])) \(String(code[2...5]))"])
        case .text where field == .branch:
            return canonical.hasPrefix("0") && bool() ? String(canonical.dropFirst()) : canonical
        case .text where field == .institution:
            return bool() ? canonical.lowercased() : canonical
        default:
            return canonical
        }
    }

    /// A whole file of `rows` in a random dialect, the overrides it needs and the rows it must give.
    mutating func file(rows: [Registration]) -> Made {
        let separator = pick([";", ",", "\t"])
        let quoteChance = pick([0.0, 0.3, 1.0])
        let lineEnds = pick([["\n"], ["\r\n"], ["\n", "\r\n"]])
        var fields = layout.fields.filter { $0.required || bool(0.8) }.map(\.field)
        let combined = bool(0.2)
        if combined { fields.removeAll { $0 == .institution || $0 == .branch } }
        let expected = rows.map { row in
            var row = row
            for field in Registration.Field.allCases where !fields.contains(field) && !(combined && (field == .institution || field == .branch)) {
                try? row.set(field, text: nil)
            }
            row.swv = "VO9901"
            return row
        }
        var headers: [String] = []
        for field in fields { headers.append(header(layout.entry(for: field)?.headers ?? [])) }
        if combined { headers.append(header(layout.combined[0].headers)) }
        var order = Array(headers.indices)
        order.shuffle(using: &random)

        func quoted(_ text: String, always: Bool) -> String {
            let needs = text.contains(separator) || text.contains("\"") || text.contains("\n") || text.contains("\r")
                || text.hasPrefix(" ") || text.hasSuffix(" ")
            guard needs || always else { return text }
            return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        var out = bool(0.3) ? "\u{FEFF}" : ""
        var overrides = ReleaseMetadata()
        if bool() {
            out += "Algemene gegevens\(pick(lineEnds))"
            out += "Samenwerkingsverband\(separator)\(pick(["VO9901", "VO 99-01", "vo-99-01"]))\(pick(lineEnds))"
            out += "Schooljaar\(separator)\(pick(["2021-2022", "2021/2022"]))\(pick(lineEnds))"
            out += "Datum aanmaak\(separator)\(pick(["29-04-2022", "2022-04-29"]))\(pick(lineEnds))"
            if bool() { out += pick(lineEnds) }
            if bool() { out += "Individuele (v)so inschrijvingen\(pick(lineEnds))" }
        } else {
            overrides = ReleaseMetadata(swv: "VO9901", schoolYear: "2021-2022", published: RandomFile.published)
        }
        out += order.map { quoted(headers[$0], always: bool(quoteChance)) }.joined(separator: separator)
        for row in rows {
            out += pick(lineEnds)
            var cells: [String] = []
            for field in fields {
                let text = field == .swv && bool(0.3) ? "" : cell(field, of: row)
                cells.append(text)
            }
            if combined {
                let code = row.institution + row.branch
                cells.append(bool() ? code.lowercased() : code)
            }
            out += order.map { quoted(cells[$0], always: bool(quoteChance)) }.joined(separator: separator)
        }
        if bool() { out += pick(lineEnds) }
        return Made(bytes: Array(out.utf8), overrides: overrides, expected: expected)
    }
}
