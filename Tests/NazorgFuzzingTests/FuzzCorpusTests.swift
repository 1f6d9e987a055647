import Foundation
import NazorgFuzzing
import Testing

/// The fuzzing targets on every input kept in `Fixtures/fuzz/` (the seeds, and each crash libFuzzer found, kept
/// as a regression test), and a bounded mutation run over the seeds in CI. The long runs: `scripts/fuzz.sh`.
struct FuzzCorpusTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/fuzz")

    static func kept(_ target: FuzzTarget) throws -> [(name: String, data: Data)] {
        let directory = corpus.appendingPathComponent(target.rawValue)
        return try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted().map {
            ($0, try Data(contentsOf: directory.appendingPathComponent($0)))
        }
    }

    @Test(arguments: FuzzTarget.allCases)
    func everyKeptInputIsRefusedOrAcceptedWithoutBreakingAnInvariant(_ target: FuzzTarget) throws {
        let inputs = try Self.kept(target)
        #expect(inputs.contains { $0.name.hasPrefix("seed-") }, "no seed corpus for \(target.rawValue)")
        for input in inputs {
            do {
                let depth = try target.run(input.data)
                if input.name.hasPrefix("seed-") { #expect(depth == .accepted, "\(target.rawValue)/\(input.name) only reaches \(depth)") }
            } catch {
                Issue.record("\(target.rawValue)/\(input.name): \(error)")
            }
        }
    }

    /// The generator still makes seeds that reach the deepest layer; `NAZORG_FUZZ_WRITE_SEEDS=1` writes them.
    @Test func freshSeedsReachTheDeepestLayer() throws {
        let write = ProcessInfo.processInfo.environment["NAZORG_FUZZ_WRITE_SEEDS"] == "1"
        for (target, seeds) in try FuzzSeeds.make() {
            for (name, data) in seeds {
                #expect(try target.run(data) == .accepted, "\(target.rawValue)/\(name)")
                if write {
                    let directory = Self.corpus.appendingPathComponent(target.rawValue)
                    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                    try data.write(to: directory.appendingPathComponent(name))
                }
            }
        }
    }

    /// Every single-byte change and every truncation of every seed: refused or accepted, never a broken invariant.
    @Test(arguments: FuzzTarget.allCases)
    func everyByteFlipAndCutOfTheSeedsIsHandled(_ target: FuzzTarget) throws {
        var flips = 0
        for input in try Self.kept(target) where input.name.hasPrefix("seed-") {
            let bytes = [UInt8](input.data)
            for index in 1..<bytes.count {
                var flipped = bytes
                flipped[index] ^= UInt8(1 << (index % 8))
                do { _ = try target.run(Data(flipped)) } catch { Issue.record("\(input.name) byte \(index) flipped: \(error)") }
                do { _ = try target.run(Data(bytes[..<index])) } catch { Issue.record("\(input.name) cut at \(index): \(error)") }
                flips += 1
            }
        }
        #expect(flips > 100)
    }
}
