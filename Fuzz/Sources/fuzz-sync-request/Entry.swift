import Foundation
import NazorgFuzzing

/// libFuzzer's entry: one input through `FuzzTarget.syncRequest`; a broken invariant is a crash libFuzzer keeps.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let data = start.map { Data(bytes: $0, count: count) } ?? Data()
    do {
        _ = try FuzzTarget.syncRequest.run(data)
    } catch {
        fatalError("fuzz-sync-request: \(error)")
    }
    return 0
}
