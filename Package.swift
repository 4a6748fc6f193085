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
        .library(name: "KijkglasWeb", targets: ["KijkglasWeb"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
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
        .target(
            name: "KijkglasKit",
            dependencies: [
                "Ledger", "LedgerStorage", "Ingest", "Reports", "Schemas",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            resources: [.copy("Demo")]),
        .target(
            name: "KijkglasWeb",
            dependencies: [
                "KijkglasKit", "Ledger", "Ingest", "Reports",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        .executableTarget(
            name: "kijkglas",
            dependencies: [
                "KijkglasKit", "KijkglasWeb", "Ledger", "Ingest", "Reports", "Schemas",
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
        .testTarget(name: "LMDBTests", dependencies: ["LMDB", "SampleData", "TestSupport"]),
        .testTarget(
            name: "LedgerTests",
            dependencies: ["Ledger", "LedgerStorage", "LMDB", "SampleData", "TestSupport", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .testTarget(
            name: "IngestTests",
            dependencies: ["Ingest", "SampleData", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "ReportsTests", dependencies: ["Reports"]),
        .testTarget(
            name: "KijkglasKitTests",
            dependencies: [
                "KijkglasKit", "Ledger", "LedgerStorage", "Ingest", "Reports", "SampleData", "TestSupport",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .testTarget(name: "KijkglasTests", dependencies: ["LMDB", "TestSupport"]),
        .testTarget(
            name: "KijkglasWebTests",
            dependencies: [
                "KijkglasWeb", "KijkglasKit", "Ledger", "Reports", "TestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
    ]
)
