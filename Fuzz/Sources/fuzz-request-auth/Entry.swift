import NazorgFuzzing

/// libFuzzer's entry: one input through `FuzzTarget.requestAuth`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ start: UnsafeRawPointer?, _ count: Int) -> CInt { FuzzTarget.requestAuth.fuzz(start, count) }
