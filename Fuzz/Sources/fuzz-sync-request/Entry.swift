import NazorgFuzzing

/// libFuzzer's entry: one input through `FuzzTarget.syncRequest`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ start: UnsafeRawPointer?, _ count: Int) -> CInt { FuzzTarget.syncRequest.fuzz(start, count) }
