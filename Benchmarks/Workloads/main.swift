// Workloads W1–W4 of bench/WORKLOADS.md on Nazorg's engine, printed as JSON lines in the schema of
// bench/peers.py, so that bench/run-peers.sh puts them beside Yrs, Loro and the physical limits.
// Run: swift build -c release --product nazorg-workloads && .build/release/nazorg-workloads --help
import Foundation
import NazorgBenchSupport

do {
    let options = try Options(Array(CommandLine.arguments.dropFirst()))
    let data = WorkloadData(scale: options.scale, families: options.families)
    if options.checksums {
        for (name, digest) in data.checksums() { print("\(name): \(digest)") }
        exit(0)
    }
    let context = try Context(data: data, options: options)
    defer { try? FileManager.default.removeItem(at: context.root) }
    for peer in options.peers {
        for workload in options.workloads {
            switch (peer, workload) {
            case (Context.memoryPeer, 1): try context.memoryW1()
            case (Context.memoryPeer, 2): try context.memoryW2()
            case (Context.memoryPeer, 3): try context.memoryW3()
            case (Context.memoryPeer, 4): try context.memoryW4()
            case (_, 1): try context.storeW1()
            case (_, 2): try context.storeW2()
            case (_, 3): try context.storeW3()
            default: try context.storeW4()
            }
        }
    }
} catch {
    FileHandle.standardError.write(Data("nazorg-workloads: \(error)\n".utf8))
    exit(1)
}
