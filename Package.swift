// swift-tools-version:6.1
import PackageDescription

/// Settings shared by every Swift target, tests included.
let swiftSettings: [SwiftSetting] = [
    // `any P` is spelled out wherever an existential is used.
    .enableUpcomingFeature("ExistentialAny"),
    // A file sees only the modules it imports itself.
    .enableUpcomingFeature("MemberImportVisibility"),
    // Imports are internal unless a file says `public import`.
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "nazorg",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "nazorg", targets: ["nazorg"]),
        .executable(name: "nazorg-server", targets: ["nazorg-server"]),
        .library(name: "NazorgClient", targets: ["NazorgClient"]),
        // For the libFuzzer package in Fuzz/ (built apart with --sanitize=fuzzer).
        .library(name: "NazorgFuzzing", targets: ["NazorgFuzzing"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
    ],
    targets: [
        // libsodium from the system (Debian: apt-get install libsodium-dev).
        .systemLibrary(
            name: "CSodium",
            pkgConfig: "libsodium",
            providers: [.apt(["libsodium-dev"])]
        ),
        // The one Dutch message catalogue: every sentence a person reads. Depends on nothing.
        .target(name: "NazorgMessages", swiftSettings: swiftSettings),
        // The root commands' Dutch `main()`, shared by `nazorg` and `nazorg-server`.
        .target(
            name: "NazorgCommandLine",
            dependencies: ["NazorgMessages", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: swiftSettings
        ),
        // The only code that calls libsodium.
        .target(name: "NazorgCrypto", dependencies: ["CSodium", "NazorgMessages"], swiftSettings: swiftSettings),
        // The family plan: entities, sections, vocabularies, validation. Pure values, no I/O.
        .target(name: "NazorgModel", dependencies: ["NazorgMessages"], swiftSettings: swiftSettings),
        // CRDT sync core: HLC, ops, changes, merge. Generic: knows no family plan.
        .target(name: "NazorgSync", dependencies: ["NazorgCrypto", "NazorgMessages"], swiftSettings: swiftSettings),
        // Local store on SQLite through GRDB: keystore, change log, encrypted state, outbox.
        .target(
            name: "NazorgStore",
            dependencies: [
                "NazorgSync", "NazorgCrypto", "NazorgMessages", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings
        ),
        // The worker's features: identity, profiles, family plans mapped onto the sync core.
        .target(
            name: "NazorgClient",
            dependencies: ["NazorgModel", "NazorgSync", "NazorgStore", "NazorgCrypto", "NazorgMessages"],
            swiftSettings: swiftSettings
        ),
        // The `nazorg` command: parses, calls NazorgClient, prints.
        .executableTarget(
            name: "nazorg",
            dependencies: [
                "NazorgClient", "NazorgModel", "NazorgSync", "NazorgStore", "NazorgCrypto", "NazorgMessages", "NazorgCommandLine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "CLI",
            swiftSettings: swiftSettings
        ),
        // The blind sync server: routes, authentication, storage. Must never depend on NazorgModel.
        .target(
            name: "NazorgServer",
            dependencies: [
                "NazorgSync", "NazorgCrypto", "NazorgStore", "NazorgMessages",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "SyncServer/NazorgServer",
            swiftSettings: swiftSettings
        ),
        // `nazorg-server`: parses its options and runs the server library.
        .executableTarget(
            name: "nazorg-server",
            dependencies: [
                "NazorgServer", "NazorgSync", "NazorgStore", "NazorgMessages", "NazorgCommandLine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "SyncServer/Main",
            swiftSettings: swiftSettings
        ),
        // The parsers that read other parties' bytes, as fuzzing targets, with fixed keys and the seed corpus.
        .target(
            name: "NazorgFuzzing",
            dependencies: ["NazorgClient", "NazorgSync", "NazorgCrypto"],
            swiftSettings: swiftSettings
        ),
        // Shared by the benchmarks: the workload generator of bench/WORKLOADS.md, timing, JSON lines.
        .target(
            name: "NazorgBenchSupport",
            dependencies: ["NazorgSync", "NazorgCrypto"],
            path: "Benchmarks/Support",
            swiftSettings: swiftSettings
        ),
        // `nazorg-workloads`: W1–W4 in memory and through the real store, beside the peers (scripts/bench.sh).
        .executableTarget(
            name: "nazorg-workloads",
            dependencies: ["NazorgBenchSupport", "NazorgStore", "NazorgSync", "NazorgCrypto", "NazorgMessages"],
            path: "Benchmarks/Workloads",
            swiftSettings: swiftSettings
        ),
        // `swift run -c release nazorg-bench`: apply throughput and wire size through the real store.
        .executableTarget(
            name: "nazorg-bench",
            dependencies: ["NazorgBenchSupport", "NazorgStore", "NazorgSync", "NazorgCrypto"],
            path: "Benchmarks/ApplyBenchmark",
            swiftSettings: swiftSettings
        ),
        // `nazorg-sync-bench SERVER-BINARY`: a 10,000-change pull end to end, and 50 devices pushing at once.
        .executableTarget(
            name: "nazorg-sync-bench",
            dependencies: ["NazorgClient", "NazorgStore", "NazorgSync", "NazorgCrypto"],
            path: "Benchmarks/SyncBenchmark",
            swiftSettings: swiftSettings
        ),
        // `nazorg-open-bench`: open a 50-family store with 1M ops of history and answer the first query.
        .executableTarget(
            name: "nazorg-open-bench",
            dependencies: ["NazorgBenchSupport", "NazorgClient", "NazorgModel", "NazorgStore", "NazorgSync", "NazorgCrypto"],
            path: "Benchmarks/OpenBenchmark",
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "NazorgCryptoTests", dependencies: ["NazorgCrypto"], swiftSettings: swiftSettings),
        .testTarget(name: "NazorgModelTests", dependencies: ["NazorgModel"], swiftSettings: swiftSettings),
        .testTarget(name: "NazorgSyncTests", dependencies: ["NazorgSync", "NazorgCrypto", "NazorgMessages"], swiftSettings: swiftSettings),
        .testTarget(name: "NazorgMessagesTests", dependencies: ["NazorgMessages"], swiftSettings: swiftSettings),
        .testTarget(
            name: "NazorgStoreTests",
            dependencies: ["NazorgStore", "NazorgSync", "NazorgCrypto", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "NazorgServerTests",
            dependencies: [
                "NazorgServer", "NazorgSync", "NazorgCrypto",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "NazorgClientTests",
            dependencies: ["NazorgClient", "NazorgModel", "NazorgSync", "NazorgStore", "NazorgCrypto", "NazorgMessages"],
            swiftSettings: swiftSettings
        ),
        // Every input kept in Fixtures/fuzz/ (seeds and any crash found) through the fuzzing targets.
        .testTarget(name: "NazorgFuzzingTests", dependencies: ["NazorgFuzzing"], swiftSettings: swiftSettings),
        // Runs the built `nazorg` binary as a worker would (scripts/test.sh builds it first).
        .testTarget(
            name: "EndToEndTests",
            dependencies: [
                "NazorgStore", "NazorgClient", "NazorgModel", "NazorgSync", "NazorgCrypto", "NazorgMessages",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)
