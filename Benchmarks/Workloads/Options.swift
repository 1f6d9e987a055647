import Foundation

/// Command-line options, in the spirit of `bench/peers.py`.
struct Options {
    var peers = ["nazorg", "nazorg+sqlite+crypto"]
    var workloads = [1, 2, 3, 4]
    var runs = 5
    var warmup = 1
    var scale = 1.0
    var families = 500
    var checksums = false

    static let usage = """
        nazorg-workloads: workloads W1–W4 of bench/WORKLOADS.md on Nazorg's engine, one JSON line per (peer, workload)

        Usage: nazorg-workloads [--peers nazorg,nazorg+sqlite+crypto] [--workloads 1,2,3,4] [--runs 5] [--warmup 1]
                                [--scale 1.0] [--families 500] [--checksums]

          nazorg                 the engine in memory: changes, clock, merge, version vectors (no crypto, no SQLite)
          nazorg+sqlite+crypto   the real store: SQLite (WAL, synchronous=FULL), XChaCha20-Poly1305, Ed25519
          --checksums            print the generated data's SHA-256 digests (compare with peers.py --checksums)
        """

    init(_ arguments: [String]) throws {
        var rest = arguments[...]
        func value(_ name: String) throws -> String {
            guard let next = rest.popFirst() else { throw BenchError("\(name) needs a value\n\n\(Self.usage)") }
            return next
        }
        while let argument = rest.popFirst() {
            switch argument {
            case "--peers": peers = try value(argument).split(separator: ",").map(String.init)
            case "--workloads":
                workloads = try value(argument).split(separator: ",").compactMap { Int($0.trimmingCharacters(in: ["W", "w", " "])) }
            case "--runs": runs = Int(try value(argument)) ?? runs
            case "--warmup": warmup = Int(try value(argument)) ?? warmup
            case "--scale": scale = Double(try value(argument)) ?? scale
            case "--families": families = Int(try value(argument)) ?? families
            case "--checksums": checksums = true
            case "-h", "--help":
                print(Self.usage)
                exit(0)
            default: throw BenchError("unknown argument \(argument)\n\n\(Self.usage)")
            }
        }
        guard runs >= 1, warmup >= 0, scale > 0, families >= 1,
            peers.allSatisfy({ ["nazorg", "nazorg+sqlite+crypto"].contains($0) }), workloads.allSatisfy({ (1...4).contains($0) })
        else { throw BenchError("invalid option value\n\n\(Self.usage)") }
    }
}
