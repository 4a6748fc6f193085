import Foundation
import Testing
import TestSupport

@Suite("trend: a projection over time as a table and an HTML report", .serialized)
struct TrendCommandTests {
    @Test("trend prints the series per category, refuses a range without data, and writes a self-contained Dutch HTML report")
    func trend() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let ledger = directory.appending("ledger")
        #expect(try KijkglasBinary.run(["demo", "--ledger", ledger]).status == 0)
        let html = directory.appending("trend.html")
        let csv = try KijkglasBinary.run([
            "trend", "--from", "01-08-2021", "--to", "31-07-2022", "--by", "category", "--format", "csv", "--html", html, "--ledger", ledger,
        ])
        #expect(csv.status == 0, "\(csv.standardError)")
        let lines = csv.standardOutput.split(separator: "\n")
        #expect(lines.first == "day;count;L;M;H")
        #expect(lines.count == 13)
        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(page.components(separatedBy: "<svg").count - 1 == 3)
        #expect(!page.contains("<script"))
        #expect(!page.lowercased().contains("http"))
        for label in ["Aantal leerlingen per categorie", "Herzieningen per release", "Correcties per release", "01-10-2021", "Gecorrigeerde release"] {
            #expect(page.contains(label), "missing \(label)")
        }

        let teldata = try KijkglasBinary.run(["trend", "--from", "2021-08-01", "--to", "2022-07-31", "--every", "teldatum", "--metric", "growth", "--ledger", ledger])
        #expect(teldata.status == 0)
        #expect(teldata.standardOutput.contains("2021-10-01"))
        #expect(teldata.standardOutput.contains("2022-02-01"))

        let empty = try KijkglasBinary.run(["trend", "--from", "2030-01-01", "--to", "2030-12-31", "--ledger", ledger])
        #expect(empty.status == 64)
        #expect(empty.standardError.contains("no data from 2030-01-01 to 2030-12-31"))
        #expect(try KijkglasBinary.run(["trend", "--from", "2022-01-01", "--to", "2021-01-01", "--ledger", ledger]).status == 64)
    }

    /// The demo's seven releases moved back 7 years (school year 2014-2015, whose 1 October
    /// and 1 February count for funding year 2015-2016, the one with shipped rates) and 6 years
    /// (2015-2016, counting for 2016-2017, which has no rate table), then a correction of
    /// 2014-2015 published on 20 November 2015, after the 2015-2016 rates (28 October 2015):
    /// its last release again with the first `corrected` rows moved to category H. The demo
    /// files end their lines with CR LF, as DUO's do.
    private static func fundingLedger(in directory: TemporaryDirectory, corrected: Int = 12) throws -> String {
        let ledger = directory.appending("ledger")
        let demo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/KijkglasKit/Demo")
        let names = try FileManager.default.contentsOfDirectory(atPath: demo.path).filter { $0.hasPrefix("kijkglas2-") }.sorted()
        #expect(names.count == 7)
        var files: [String] = []
        var last = ""
        for years in [7, 6] {
            for name in names {
                let text = try String(contentsOf: demo.appendingPathComponent(name), encoding: .utf8).yearsMoved(back: years)
                let file = directory.appending("minus\(years)-\(name)")
                try text.write(toFile: file, atomically: true, encoding: .utf8)
                files.append(file)
                if years == 7 { last = text }
            }
        }
        var lines = last.components(separatedBy: "\r\n")
        let header = try #require(lines.firstIndex { $0.contains("Bekostigingscategorie") })
        let column = try #require(lines[header].components(separatedBy: ";").firstIndex(of: "Bekostigingscategorie"))
        for index in (header + 1)..<min(lines.count, header + 1 + corrected) {
            var fields = lines[index].components(separatedBy: ";")
            if fields.count > column { fields[column] = "H" }
            lines[index] = fields.joined(separator: ";")
        }
        let correction = directory.appending("correction-2015-11-20.csv")
        try lines.joined(separator: "\r\n").replacingOccurrences(of: "Datum aanmaak;20-07-2015", with: "Datum aanmaak;20-11-2015")
            .write(toFile: correction, atomically: true, encoding: .utf8)
        let ingest = try KijkglasBinary.run(["ingest"] + files + [correction, "--ledger", ledger])
        #expect(ingest.status == 0, "\(ingest.standardError)")
        return ledger
    }

    /// The JSON object a command printed.
    private static func object(_ result: KijkglasBinary.Result) throws -> [String: Any] {
        #expect(result.status == 0, "\(result.standardError)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
    }

    /// Exact euro text (`9059.77`) in cents.
    private static func cents(_ text: Any?) throws -> Int {
        let parts = try #require(text as? String).split(separator: ".")
        return try #require(Int(parts[0])) * 100 + (parts.count > 1 ? try #require(Int(parts[1])) : 0)
    }

    @Test("trend --metric funding gives, on every day of a funding year, what funding --year says as known at the same day, in total, per category and per school type", arguments: ["2015-11-01", nil] as [String?])
    func fundingMatchesFundingCommand(knownAt: String?) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let ledger = try Self.fundingLedger(in: directory)
        let known = knownAt.map { ["--known-at", $0] } ?? []
        let funding = try Self.object(try KijkglasBinary.run(["funding", "--year", "2015-2016", "--format", "json", "--ledger", ledger] + known))
        let lines = try #require(funding["lines"] as? [[String: Any]]) + (try #require(funding["growthLines"] as? [[String: Any]]))
        var perCategory: [String: Int] = [:]
        var perSchoolType: [String: Int] = [:]
        for line in lines {
            let amount = try Self.cents(line["amount"])
            perCategory[try #require(line["category"] as? String), default: 0] += amount
            perSchoolType[try #require(line["band"] as? String) == "VSO" ? "VSO" : "SO", default: 0] += amount
        }
        for (by, expected) in [("category", perCategory), ("schooltype", perSchoolType)] {
            let trend = try Self.object(try KijkglasBinary.run(
                ["trend", "--from", "2015-08-01", "--to", "2016-07-31", "--metric", "funding", "--by", by, "--format", "json", "--ledger", ledger] + known))
            #expect(trend["unit"] as? String == "cents")
            let points = try #require(trend["points"] as? [[String: Any]])
            #expect(points.count == 12)
            for point in points {
                #expect(point["fundingYear"] as? String == "2015-2016")
                #expect(point["value"] as? Int == (try Self.cents(funding["total"])), "\(point["on"] ?? "")")
                #expect(point["groups"] as? [String: Int] == expected, "--by \(by) on \(point["on"] ?? "")")
                #expect(point["countedOn"] as? [String] == ["2014-10-01", "2015-02-01"])
            }
        }
    }

    @Test("the correction published after the rates changes the funding trend as known today, not as known before it")
    func fundingFollowsKnowledge() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let ledger = try Self.fundingLedger(in: directory)
        func value(_ knownAt: [String]) throws -> Int? {
            let trend = try Self.object(try KijkglasBinary.run(
                ["trend", "--from", "2015-09-01", "--to", "2015-09-01", "--metric", "funding", "--format", "json", "--ledger", ledger] + knownAt))
            return try #require(trend["points"] as? [[String: Any]]).first?["value"] as? Int
        }
        let before = try #require(try value(["--known-at", "2015-11-01"]))
        let after = try #require(try value([]))
        #expect(before != after, "the correction moved categories to H, so the deduction must change")
        let early = try KijkglasBinary.run(["trend", "--from", "2015-09-01", "--to", "2015-09-01", "--metric", "funding", "--known-at", "2015-10-01", "--ledger", ledger])
        #expect(early.status == 64)
        #expect(early.standardError.contains("the rates for 2015-2016 were first published on 2015-10-28"), "\(early.standardError)")
    }

    @Test("a funding year without a rate table is reported as 'no rates' naming the file to add; a range without any rates fails naming it")
    func fundingWithoutRates() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let ledger = try Self.fundingLedger(in: directory)
        let html = directory.appending("funding.html")
        let text = try KijkglasBinary.run([
            "trend", "--from", "2014-08-01", "--to", "2017-07-31", "--every", "teldatum", "--metric", "funding", "--by", "category",
            "--html", html, "--ledger", ledger,
        ])
        #expect(text.status == 0, "\(text.standardError)")
        let rows = text.standardOutput.split(separator: "\n").map(String.init)
        #expect(rows.contains { $0.hasPrefix("2014-10-01  2014-2015") && $0.contains("no data") })
        #expect(rows.contains { $0.hasPrefix("2015-10-01  2015-2016") && $0.contains("€ ") })
        #expect(rows.contains { $0.hasPrefix("2016-10-01  2016-2017") && $0.contains("no rates") })
        #expect(text.standardOutput.contains("no rates: no rate table for 2016-2017: add Schemas/rates/2016-2017.json"))
        #expect(text.standardOutput.contains("no data: funding 2014-2015 counts on 2013-10-01, 2014-02-01"))

        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(page.components(separatedBy: "<svg").count - 1 == 3)
        for label in ["Aftrek van het SWV-budget per categorie", "Bekostigingsjaar", "geen tarieven", "Schemas/rates/2016-2017.json", "Tarieven 2015-2016", "Herzieningen per release", "€ "] {
            #expect(page.contains(label), "missing \(label)")
        }
        #expect(!page.contains("<script"))

        let csv = try KijkglasBinary.run([
            "trend", "--from", "2016-08-01", "--to", "2017-07-31", "--metric", "funding", "--format", "csv", "--ledger", ledger,
        ])
        #expect(csv.status == 65)
        #expect(csv.standardError.contains("no rate table for 2016-2017: add Schemas/rates/2016-2017.json"), "\(csv.standardError)")

        let early = try KijkglasBinary.run(["trend", "--from", "2014-08-01", "--to", "2015-07-31", "--metric", "funding", "--ledger", ledger])
        #expect(early.status == 64)
        #expect(early.standardError.contains("funding 2014-2015 counts on 2013-10-01, 2014-02-01"), "\(early.standardError)")

        let wrongBreakdown = try KijkglasBinary.run(["trend", "--from", "2015-08-01", "--to", "2016-07-31", "--metric", "funding", "--by", "school", "--ledger", ledger])
        #expect(wrongBreakdown.status == 64)
        #expect(wrongBreakdown.standardError.contains("--by school does not apply to --metric funding; choose category, schooltype"))
    }

    @Test("funding CSV gives euros with a decimal comma, the funding year and a note", arguments: [("category", "L"), ("schooltype", "VSO")])
    func fundingCSV(by: String, group: String) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let ledger = try Self.fundingLedger(in: directory)
        let csv = try KijkglasBinary.run([
            "trend", "--from", "2015-10-01", "--to", "2016-10-01", "--every", "teldatum", "--metric", "funding", "--by", by, "--format", "csv", "--ledger", ledger,
        ])
        #expect(csv.status == 0, "\(csv.standardError)")
        let lines = csv.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("day;funding year;funding;") == true)
        #expect(lines.first?.hasSuffix(";note") == true)
        #expect(lines.first?.contains(";\(group);") == true)
        #expect(lines.count == 4)
        #expect(lines[1].range(of: #"^2015-10-01;2015-2016;[0-9]+,[0-9]{2};"#, options: .regularExpression) != nil, "\(lines[1])")
        #expect(lines[3].hasPrefix("2016-10-01;2016-2017;;"))
        #expect(lines[3].hasSuffix("no rates: no rate table for 2016-2017: add Schemas/rates/2016-2017.json (see Schemas/rates/README.md)"))
    }

    @Test("trend --by school, schooltype and payingswv give on each day what count --by gives", arguments: ["school", "schooltype", "payingswv"])
    func breakdownsMatchCount(by: String) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let ledger = try KijkglasBinary.demoLedger(in: directory)
        let trend = try Self.object(try KijkglasBinary.run(
            ["trend", "--from", "2021-09-01", "--to", "2022-06-01", "--by", by, "--format", "json", "--ledger", ledger, "--known-at", "2022-03-01"]))
        #expect(trend["by"] as? String == by)
        let points = try #require(trend["points"] as? [[String: Any]])
        #expect(points.count == 10)
        for point in points {
            let day = try #require(point["on"] as? String)
            let count = try Self.object(try KijkglasBinary.run(
                ["count", "--on", day, "--by", by, "--format", "json", "--ledger", ledger, "--known-at", "2022-03-01"]))
            let groups = try #require(count["groups"] as? [[String: Any]])
            let expected = Dictionary(uniqueKeysWithValues: try groups.map { (try #require($0["label"] as? String), try #require($0["pupils"] as? Int)) })
            #expect(point["value"] as? Int == count["pupils"] as? Int, "\(day)")
            let got = (point["groups"] as? [String: Int] ?? [:]).filter { $0.value != 0 }
            #expect(got == expected, "--by \(by) on \(day)")
        }
        let funded = try KijkglasBinary.run(["trend", "--from", "2021-09-01", "--to", "2022-06-01", "--by", "funded", "--ledger", ledger])
        #expect(funded.status == 64)
    }
}
