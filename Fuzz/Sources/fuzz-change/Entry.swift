import NazorgFuzzing

/// libFuzzer's entry: one input through `FuzzTarget.change`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ start: UnsafeRawPointer?, _ count: Int) -> CInt { FuzzTarget.change.fuzz(start, count) }
