// swift-tools-version:6.1
import PackageDescription

// libFuzzer binaries for the parsers that read other parties' bytes (docs/fuzzing.md). Built apart from the
// main package, because every target here is instrumented and has no `main` of its own:
//   swift build --package-path Fuzz -c release --sanitize=fuzzer --sanitize=address -Xswiftc -sanitize=fuzzer
// or just `scripts/fuzz.sh`. The targets themselves live in the main package (`NazorgFuzzing`), so the test
// suite runs every kept input through the same code.
let fuzzSettings: [SwiftSetting] = [.unsafeFlags(["-parse-as-library"])]

let package = Package(
    name: "nazorg-fuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "nazorg", path: "..")],
    targets: ["fuzz-change", "fuzz-sync-request", "fuzz-request-auth", "fuzz-bundle"].map { name in
        .executableTarget(
            name: name,
            dependencies: [.product(name: "NazorgFuzzing", package: "nazorg")],
            swiftSettings: fuzzSettings
        )
    }
)
