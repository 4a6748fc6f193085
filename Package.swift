// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "kijkglas",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "kijkglas", targets: ["kijkglas"]),
        .library(name: "Ledger", targets: ["Ledger"]),
        .library(name: "LedgerStorage", targets: ["LedgerStorage"]),
        .library(name: "Ingest", targets: ["Ingest"]),
        .library(name: "SampleData", targets: ["SampleData"]),
        .library(name: "Schemas", targets: ["Schemas"]),
        .library(name: "KijkglasKit", targets: ["KijkglasKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        .systemLibrary(
            name: "CLMDB",
            pkgConfig: "lmdb",
            providers: [.apt(["liblmdb-dev"])]
        ),
        .target(name: "LMDB", dependencies: ["CLMDB"]),
        .target(name: "Ledger"),
        .target(
            name: "LedgerStorage",
            dependencies: ["Ledger", "LMDB", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .target(
            name: "Schemas",
            path: "Schemas",
            exclude: ["README.md", "json"],
            resources: [.copy("layouts"), .copy("metadata-block.json"), .copy("rates"), .copy("rules")]
        ),
        .target(
            name: "Ingest",
            dependencies: [
                "Ledger", "Schemas", .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .target(name: "Reports", dependencies: ["Ledger", "Ingest"]),
        .target(name: "KijkglasKit", dependencies: ["Ledger", "LedgerStorage", "Ingest", "Reports", "Schemas"], resources: [.copy("Demo")]),
        .executableTarget(
            name: "kijkglas",
            dependencies: [
                "KijkglasKit", "Ledger", "Ingest", "Reports", "Schemas",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "SampleData", dependencies: ["Ledger", "LedgerStorage", "Ingest"], path: "Tools/SampleData"),
        .executableTarget(
            name: "generate-demo",
            dependencies: ["Ledger", "LedgerStorage", "Ingest", "Schemas", "SampleData"],
            path: "Tools/DemoGenerator"
        ),
        .executableTarget(
            name: "kijkglas-bench",
            dependencies: ["Ledger", "LedgerStorage", "Ingest", "SampleData", "Schemas"],
            path: "Tools/Benchmark"
        ),
        .target(
            name: "TestSupport", dependencies: ["KijkglasKit", "Ledger", "LedgerStorage", "Ingest", "SampleData"], path: "Tests/TestSupport"
        ),
        .testTarget(name: "LMDBTests", dependencies: ["LMDB", "TestSupport"]),
        .testTarget(name: "LedgerTests", dependencies: ["Ledger", "LedgerStorage", "LMDB", "SampleData", "TestSupport"]),
        .testTarget(
            name: "IngestTests",
            dependencies: ["Ingest", "SampleData", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "ReportsTests", dependencies: ["Reports"]),
        .testTarget(name: "KijkglasKitTests", dependencies: ["KijkglasKit", "Ledger", "LedgerStorage", "Ingest", "Reports", "TestSupport"]),
        .testTarget(name: "KijkglasTests", dependencies: ["LMDB", "TestSupport"]),
    ]
)
