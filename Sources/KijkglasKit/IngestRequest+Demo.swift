import Foundation

extension IngestRequest {
    /// The demo's bundled releases: seven Kijkglas 2 releases of the fictional SWV VO9901 for
    /// 2021-2022 and three Kijkglas 3 versions for 1 February 2022, oldest first, recorded as
    /// they are (their correction of the past is no mass change to refuse).
    public static func demo() throws(KijkglasError) -> IngestRequest {
        guard let folder = Bundle.module.url(forResource: "Demo", withExtension: nil),
            let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path)
        else { throw KijkglasError(.storage, "the demo data is missing from this build") }
        // The names sort by publication date.
        let files = names.filter { $0.hasSuffix(".csv") }.sorted().map { folder.appendingPathComponent($0).path }
        return IngestRequest(files: files, acceptMassChange: true)
    }
}
