// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "kijkglas",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "kijkglas", targets: ["kijkglas"]),
        .library(name: "Ledger", targets: ["Ledger"]),
        .library(name: "Ingest", targets: ["Ingest"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        .systemLibrary(
            name: "CLMDB",
            pkgConfig: "lmdb",
            providers: [.apt(["liblmdb-dev"])]
        ),
        .target(name: "LMDB", dependencies: ["CLMDB"]),
        .target(
            name: "Ledger",
            dependencies: ["LMDB", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .target(
            name: "Schemas",
            path: "Schemas",
            exclude: ["README.md"],
            resources: [.copy("layouts")]
        ),
        .target(name: "Ingest", dependencies: ["Ledger", "Schemas"]),
        .executableTarget(
            name: "kijkglas",
            dependencies: [
                "Ledger", "Ingest",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            resources: [.copy("Demo")]
        ),
        .executableTarget(
            name: "generate-demo",
            dependencies: ["Ledger", "Ingest"],
            path: "Tools/DemoGenerator"
        ),
        .testTarget(name: "LMDBTests", dependencies: ["LMDB"]),
        .testTarget(name: "LedgerTests", dependencies: ["Ledger"]),
        .testTarget(name: "IngestTests", dependencies: ["Ingest"], resources: [.copy("Fixtures")]),
        .testTarget(name: "KijkglasTests", dependencies: ["Ledger", "Ingest"]),
    ]
)
