// swift-tools-version: 6.1
// Benchmarks of the ledger with ordo-one/benchmark, kept in a nested package so `swift test` in
// the root never builds it. Run: cd Benchmarks && swift package benchmark
import PackageDescription

let package = Package(
    name: "kijkglas-benchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "kijkglas", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "LedgerBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "Ledger", package: "kijkglas"),
                .product(name: "LedgerStorage", package: "kijkglas"),
                .product(name: "Ingest", package: "kijkglas"),
                .product(name: "SampleData", package: "kijkglas"),
                .product(name: "Schemas", package: "kijkglas"),
            ],
            path: "LedgerBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        )
    ]
)
